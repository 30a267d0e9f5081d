/**
 * The words of the phrase families (phraseFamilies.ts), one table with a language column. A
 * concept is either a SUBJECT (what the sentence is about: the recipient, its storage, its
 * domain, the message, the sender's authentication, the writer of an auto-reply) or a PREDICATE
 * (what is said about it: does not exist, is disabled, is full, was refused, failed, is away).
 * A family matches when a subject word and a predicate word stand in one clause, a few words
 * apart, so an unseen wording of a known meaning matches as long as its two words are known.
 *
 * Where the words come from: the descriptions of the RFC 3463 / RFC 5248 enhanced codes (X.1.1
 * "bad destination mailbox address", X.1.2 "bad destination system address", X.2.1 "mailbox
 * disabled", X.2.2 "mailbox full", X.3.4 "message too big", X.4.7 "delivery time expired", X.7.x
 * security and policy, RFC 7372 authentication codes), RFC 3464 Action values, RFC 3834
 * auto-responses, the documented reply texts of Postfix, Exim, Sendmail, qmail, Exchange /
 * Microsoft 365 NDRs, Gmail, Yahoo and Outlook.com, the bounce categories of Amazon SES, SendGrid,
 * Mailgun and Postmark, and for other languages the ordinary words a translator uses for the
 * same meanings (dictionary words, not sentences from any bounce).
 *
 * Entries are plain text, not regular expressions. An entry matches at the start of a word and
 * runs on as a stem (`desconocid` → -o, -a, -os) unless it ends in `#` (a whole word: `vol#`
 * is not `volledig`); one that starts with `~` may also end a compound (`~adresse` in
 * `Zieladresse`, `~adres` in `e-mailadres`). Entries in Japanese and Chinese have no word boundaries. Matched against
 * the lower-cased NFKC text the rules read (addresses replaced by the word `address`).
 */
export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'sv' | 'da-no' | 'pl' | 'cs' | 'ja' | 'zh' | 'ko' | 'ru' | 'uk' | 'tr' | 'fi';

export type Concept =
  // subjects
  | 'recipient'
  | 'account'
  | 'storage'
  | 'domain'
  | 'message'
  | 'security'
  | 'remote-server'
  | 'delivery-attempt'
  | 'sending-rate'
  | 'self'
  | 'you'
  | 'challenge'
  | 'acknowledger'
  | 'report'
  // predicates
  | 'nonexistent'
  | 'disabled'
  | 'inactive'
  | 'hard-bounce'
  | 'full'
  | 'refused'
  | 'policy'
  | 'auth-failed'
  | 'unresponsive'
  | 'gave-up'
  | 'too-many'
  | 'too-big'
  | 'away'
  | 'verify'
  | 'received'
  | 'delivered'
  | 'suppressed'
  | 'transient'
  | 'auto-reply'
  | 'sender';

export interface VocabularyEntry {
  language: Language;
  concept: Concept;
  words: readonly string[];
}

const v = (language: Language, concept: Concept, words: readonly string[]): VocabularyEntry => ({ language, concept, words });

export const familyVocabulary: readonly VocabularyEntry[] = [
  // ── recipient: the addressee as a person, address or mailbox (RFC 3463 X.1.x subject) ──
  v('ko', 'recipient', ['받는 사람', '수신자', '주소', '메일함', '사서함', '계정', '사용자']),
  v('en', 'recipient', ['noemail#', 'user', 'username', 'recipient', 'addressee', 'mailbox', 'mail box', 'address', 'e-mail', 'email', 'local part', 'local-part', 'alias', 'destination', 'person', 'account', 'inbox', 'rcpt']),
  v('de', 'recipient', ['benutzer', 'nutzer', 'empfänger', '~adresse', '~postfach', '~briefkasten', '~konto', 'mailbox', 'teilnehmer']),
  v('fr', 'recipient', ['utilisateur', 'destinataire', 'adresse', 'boîte', 'boite', 'compte', 'correspondant']),
  v('es', 'recipient', ['usuario', 'destinatario', 'dirección', 'direccion', 'buzón', 'buzon', 'cuenta', 'casilla', 'correo']),
  v('it', 'recipient', ['utente', 'destinatario', 'indirizzo', 'casella', 'account', 'mailbox']),
  v('pt', 'recipient', ['usuário', 'utilizador', 'destinatário', 'endereço', 'endereco', 'caixa', 'conta#', 'contas#', 'correio']),
  v('nl', 'recipient', ['gebruiker', 'ontvanger', '~adres', 'postvak', 'postbus', 'account']),
  v('sv', 'recipient', ['användare', 'mottagar', '~adress', 'brevlåda', 'postlåda', 'konto']),
  v('da-no', 'recipient', ['bruger', 'modtager', 'postkasse', 'bruker', 'mottaker', 'adresse', 'konto']),
  v('pl', 'recipient', ['użytkownik', 'uzytkownik', 'odbiorc', 'adres', 'skrzynk', 'konto']),
  v('cs', 'recipient', ['uživatel', 'uzivatel', 'příjemce', 'prijemce', 'adres', 'schránk', 'účet', 'účtu', 'ucet']),
  v('ja', 'recipient', ['ユーザ', '宛先', 'アドレス', 'メールボックス', '受信者', 'アカウント', '利用者']),
  v('zh', 'recipient', ['用户', '用戶', '收件人', '地址', '邮箱', '郵箱', '信箱', '帐户', '账户', '帳戶', '账号', '帳號']),
  v('ru', 'recipient', ['пользовател', 'получател', 'адрес', 'ящик', 'аккаунт', 'учетн', 'учётн']),
  v('uk', 'recipient', ['користувач', 'отримувач', 'адрес', 'скриньк', 'обліков']),
  v('tr', 'recipient', ['kullanıcı', 'alıcı', 'adres', 'posta kutusu', 'hesap', 'hesab']),
  v('fi', 'recipient', ['käyttäjä', 'vastaanottaja', 'osoite', 'postilaatikko', 'tili#']),

  // ── account: the recipient as something that can be switched off (X.2.1; not "address", which
  // is as often the sender's IP address when it is "blocked") ──
  v('en', 'account', ['user', 'recipient', 'mailbox', 'mail box', 'account', 'inbox', 'subscriber', 'customer']),
  v('de', 'account', ['benutzer', 'nutzer', 'empfänger', 'postfach', 'konto', 'mailbox']),
  v('fr', 'account', ['utilisateur', 'destinataire', 'boîte', 'boite', 'compte']),
  v('es', 'account', ['usuario', 'destinatario', 'buzón', 'buzon', 'cuenta', 'casilla']),
  v('it', 'account', ['utente', 'destinatario', 'casella', 'account', 'mailbox']),
  v('pt', 'account', ['usuário', 'utilizador', 'destinatário', 'caixa', 'conta#']),
  v('nl', 'account', ['gebruiker', 'ontvanger', 'postvak', 'postbus', 'account', 'mailbox']),
  v('sv', 'account', ['användare', 'mottagar', 'brevlåda', 'postlåda', 'konto']),
  v('da-no', 'account', ['bruger', 'modtager', 'postkasse', 'bruker', 'mottaker', 'konto']),
  v('pl', 'account', ['użytkownik', 'odbiorc', 'skrzynk', 'konto']),
  v('cs', 'account', ['uživatel', 'příjemce', 'schránk', 'účet', 'účtu']),
  v('ja', 'account', ['ユーザ', '受信者', 'メールボックス', 'アカウント']),
  v('zh', 'account', ['用户', '用戶', '收件人', '邮箱', '郵箱', '信箱', '帐户', '账户', '帳戶', '账号', '帳號']),
  v('ru', 'account', ['пользовател', 'получател', 'ящик', 'аккаунт', 'учетн', 'учётн']),
  v('uk', 'account', ['користувач', 'отримувач', 'скриньк', 'обліков']),
  v('tr', 'account', ['kullanıcı', 'alıcı', 'posta kutusu', 'hesap', 'hesab']),
  v('fi', 'account', ['käyttäjä', 'vastaanottaja', 'postilaatikko', 'tili#']),

  // ── storage: where the mail is kept (X.2.2 mailbox full, X.3.1 system full, RFC 5321 552) ──
  v('ko', 'storage', ['메일함', '사서함', '용량', '공간']),
  v('en', 'storage', ['mailbox', 'mail box', 'inbox', 'mail folder', 'mailfolder', 'mailstore', 'mail store', 'storage', 'quota', 'disk', 'space', 'capacity', 'allocation', 'mail drop', 'maildrop', 'mailboxfull#']),
  v('de', 'storage', ['~postfach', '~speicher', 'posteingang', 'kontingent', 'quota', 'platz', 'mailbox', 'kapazität']),
  v('fr', 'storage', ['boîte', 'boite', 'bal#', 'stockage', 'espace', 'quota', 'capacité']),
  v('es', 'storage', ['buzón', 'buzon', 'casilla', 'almacenamiento', 'espacio', 'cuota', 'capacidad']),
  v('it', 'storage', ['casella', 'spazio', 'quota', 'archiviazione', 'memoria', 'capacità', 'mailbox']),
  v('pt', 'storage', ['caixa', 'armazenamento', 'espaço', 'espaco', 'cota', 'quota', 'capacidade']),
  v('nl', 'storage', ['postvak', 'postbus', 'mailbox', 'opslag', 'ruimte', 'quota', 'schijfruimte']),
  v('sv', 'storage', ['brevlåda', 'postlåda', 'inkorg', 'lagring', 'utrymme', 'kvot']),
  v('da-no', 'storage', ['postkasse', 'indbakke', 'innboks', 'lagerplads', 'plads#', 'plass#', 'kvote']),
  v('pl', 'storage', ['skrzynk', 'miejsc', 'pojemnoś', 'przestrze', 'limit']),
  v('cs', 'storage', ['schránk', 'úložiště', 'místo', 'kvót', 'kapacit']),
  v('ja', 'storage', ['メールボックス', '容量', '保存領域', 'ディスク', '割り当て', 'クォータ']),
  v('zh', 'storage', ['邮箱', '郵箱', '信箱', '容量', '空间', '空間', '配额', '配額', '存储', '儲存']),
  v('ru', 'storage', ['ящик', 'квот', 'мест', 'хранилищ', 'объем', 'объём', 'диск']),
  v('uk', 'storage', ['скриньк', 'квот', 'місц', 'сховищ']),
  v('tr', 'storage', ['posta kutusu', 'kota', 'alan#', 'depolama', 'kapasite']),
  v('fi', 'storage', ['postilaatikko', 'tila#', 'kiintiö', 'tallennustila']),

  // ── domain: the recipient's domain or host (X.1.2, X.4.4, RFC 7505 null MX) ──
  v('en', 'domain', ['domain', 'host name', 'hostname', 'mx', 'mail exchanger', 'dns']),
  v('de', 'domain', ['domain', 'domäne', 'hostname']),
  v('fr', 'domain', ['domaine', "nom d'hôte"]),
  v('es', 'domain', ['dominio']),
  v('it', 'domain', ['dominio']),
  v('pt', 'domain', ['domínio', 'dominio']),
  v('nl', 'domain', ['domein']),
  v('sv', 'domain', ['domän', 'doman#']),
  v('da-no', 'domain', ['domæne', 'domene']),
  v('pl', 'domain', ['domen']),
  v('cs', 'domain', ['domén', 'domen']),
  v('ja', 'domain', ['ドメイン']),
  v('zh', 'domain', ['域名', '網域']),
  v('ru', 'domain', ['домен']),
  v('uk', 'domain', ['домен']),
  v('tr', 'domain', ['alan adı', 'etki alanı']),
  v('fi', 'domain', ['verkkotunnus', 'toimialue']),

  // ── message: the mail itself, its sender or the sending connection (X.7.x policy subject) ──
  v('en', 'message', ['messagetoolarge#', 'message', 'mail#', 'e-mail#', 'email#', 'content', 'your ip', 'ip address', 'your server', 'sender', 'your domain']),
  v('de', 'message', ['nachricht', 'mail#', 'e-mail#', 'inhalt', 'absender', 'verbindung']),
  v('fr', 'message', ['message', 'courriel', 'mail#', 'contenu', 'expéditeur', 'connexion']),
  v('es', 'message', ['mensaje', 'correo', 'contenido', 'remitente', 'conexión', 'conexion']),
  v('it', 'message', ['messaggio', 'posta#', 'contenuto', 'mittente', 'connessione']),
  v('pt', 'message', ['mensagem', 'conteúdo', 'remetente', 'conexão', 'ligação']),
  v('nl', 'message', ['bericht', 'inhoud', 'afzender', 'verbinding']),
  v('sv', 'message', ['meddelande', 'e-post#', 'innehåll', 'avsändar', 'anslutning']),
  v('da-no', 'message', ['besked', 'melding', 'afsender', 'avsender', 'indhold', 'innhold']),
  v('pl', 'message', ['wiadomoś', 'treś', 'nadawc', 'połączeni']),
  v('cs', 'message', ['zpráv', 'obsah', 'odesílatel', 'připojení']),
  v('ja', 'message', ['メッセージ', 'メール', '送信者', '送信元', '接続', '内容']),
  v('zh', 'message', ['邮件', '郵件', '信件', '发件人', '寄件者', '发送方', '内容', '连接', '連線']),
  v('ru', 'message', ['сообщени', 'письм', 'отправител', 'содержим', 'соединени']),
  v('uk', 'message', ['повідомлен', 'лист', 'відправник', 'зʼєднан']),
  v('tr', 'message', ['ileti', 'mesaj', 'gönderen', 'içerik', 'bağlantı']),
  v('fi', 'message', ['viesti', 'lähettäjä', 'sisältö', 'yhteys']),

  // ── security: sender authentication and transport (RFC 7372 X.7.20-30, X.7.25 PTR, X.7.10 TLS, X.7.1 relaying) ──
  v('en', 'security', ['spf#', 'dkim#', 'dmarc#', 'authentication', 'authenticate', 'ptr#', 'reverse dns', 'rdns#', 'tls#', 'starttls#', 'ssl#', 'encryption', 'encrypted connection', 'relay', 'relaying', 'helo#', 'ehlo#', 'certificate', 'signature']),
  v('de', 'security', ['authentifizierung', 'authentisierung', 'verschlüsselung', 'signatur', 'zertifikat', 'relay']),
  v('fr', 'security', ['authentification', 'chiffrement', 'signature', 'certificat', 'relais']),
  v('es', 'security', ['autenticación', 'autenticacion', 'cifrado', 'firma', 'certificado', 'retransmisión']),
  v('it', 'security', ['autenticazione', 'crittografia', 'firma', 'certificato', 'inoltro']),
  v('pt', 'security', ['autenticação', 'autenticacao', 'criptografia', 'assinatura', 'certificado', 'retransmissão']),
  v('nl', 'security', ['authenticatie', 'versleuteling', 'handtekening', 'certificaat']),
  v('sv', 'security', ['autentisering', 'kryptering', 'signatur', 'certifikat', 'vidarebefordran']),
  v('pl', 'security', ['uwierzytelnian', 'szyfrowani', 'podpis', 'certyfikat', 'przekazywani']),
  v('cs', 'security', ['ověření', 'autentizac', 'šifrování', 'podpis', 'certifikát']),
  v('ja', 'security', ['認証', '暗号化', '署名', '証明書', '中継']),
  v('zh', 'security', ['认证', '認證', '验证', '驗證', '加密', '签名', '簽名', '证书', '中继', '轉發']),
  v('ru', 'security', ['аутентификаци', 'шифровани', 'подпис', 'сертификат', 'ретрансляци']),
  v('uk', 'security', ['автентифікаці', 'шифруванн', 'підпис', 'сертифікат']),
  v('tr', 'security', ['kimlik doğrulama', 'şifreleme', 'imza', 'sertifika', 'aktarma']),
  v('fi', 'security', ['todennus', 'salaus', 'allekirjoitus', 'varmenne']),

  // ── remote-server: the receiving host as a machine that may be down (X.4.1, X.4.2) ──
  v('en', 'remote-server', ['server', 'host#', 'remote', 'mail system', 'destination system', 'receiving system', 'connection', 'connect#']),
  v('de', 'remote-server', ['~server', 'gegenstelle', 'zielsystem']),
  v('fr', 'remote-server', ['serveur', 'hôte']),
  v('es', 'remote-server', ['servidor']),
  v('it', 'remote-server', ['server']),
  v('pt', 'remote-server', ['servidor']),
  v('nl', 'remote-server', ['~server']),
  v('sv', 'remote-server', ['~server']),
  v('da-no', 'remote-server', ['server']),
  v('pl', 'remote-server', ['serwer']),
  v('cs', 'remote-server', ['server']),
  v('ja', 'remote-server', ['サーバ', 'ホスト']),
  v('zh', 'remote-server', ['服务器', '伺服器', '主机', '主機']),
  v('ru', 'remote-server', ['сервер']),
  v('uk', 'remote-server', ['сервер']),
  v('tr', 'remote-server', ['sunucu']),
  v('fi', 'remote-server', ['palvelin']),

  // ── delivery-attempt: the attempts themselves, when they are given up (X.4.7, RFC 3464 Action: failed) ──
  v('en', 'delivery-attempt', ['delivery', 'deliver#', 'delivered', 'attempt', 'retry', 'retries', 'queue', 'tried', 'message', 'envelope', 'send#', 'sent#']),
  v('de', 'delivery-attempt', ['zustellung', 'zustellversuch', 'versuch', 'warteschlange']),
  v('fr', 'delivery-attempt', ['remise', 'distribution', 'tentative', "file d'attente"]),
  v('es', 'delivery-attempt', ['entrega', 'intento', 'cola#']),
  v('it', 'delivery-attempt', ['consegna', 'tentativ', 'coda#']),
  v('pt', 'delivery-attempt', ['entrega', 'tentativa', 'fila#']),
  v('nl', 'delivery-attempt', ['bezorging', 'aflevering', 'poging', 'wachtrij']),
  v('sv', 'delivery-attempt', ['leverans', 'försök', 'kö#', 'kön#']),
  v('pl', 'delivery-attempt', ['dostarczeni', 'prób', 'kolejk']),
  v('cs', 'delivery-attempt', ['doručení', 'pokus', 'front']),
  v('ja', 'delivery-attempt', ['配信', '再試行', 'キュー']),
  v('zh', 'delivery-attempt', ['投递', '投遞', '传递', '重试', '队列', '佇列']),
  v('ru', 'delivery-attempt', ['доставк', 'попыт', 'очеред']),
  v('tr', 'delivery-attempt', ['teslim', 'deneme', 'kuyruk']),

  // ── sending-rate: what a sending limit counts (rules out a "full mailbox" reading of "quota exceeded") ──
  v('en', 'sending-rate', ['sending', 'send#', 'outbound', 'per hour', 'per day', 'per minute', 'daily', 'hourly', 'rate', 'recipients', 'messages per', 'connections']),
  v('de', 'sending-rate', ['versand', 'pro stunde', 'pro tag', 'täglich', 'empfänger pro']),
  v('fr', 'sending-rate', ["d'envoi", 'par heure', 'par jour', 'quotidien']),
  v('es', 'sending-rate', ['envío', 'envio', 'por hora', 'por día', 'diario']),

  // ── self: the writer of an auto-reply (RFC 3834 personal responders) ──
  v('en', 'self', ['i#', "i'm#", "i'll#", "i've#", 'my#', 'me#', 'we#', "we're#", 'our office']),
  v('de', 'self', ['ich#', 'bin#', 'mich#', 'wir#', 'sind#']),
  v('fr', 'self', ['je#', 'suis#', "j'", 'nous#', 'serai#']),
  v('es', 'self', ['yo#', 'estoy#', 'estaré', 'estare#', 'me encuentro', 'nosotros']),
  v('it', 'self', ['io#', 'sono#', 'sarò', 'saro#']),
  v('pt', 'self', ['eu#', 'estou#', 'estarei', 'encontro-me']),
  v('nl', 'self', ['ik#', 'ben#', 'wij#', 'we#']),
  v('sv', 'self', ['jag#', 'är#', 'vi#']),
  v('da-no', 'self', ['jeg#', 'er#']),
  v('pl', 'self', ['jestem', 'będę', 'bede#', 'wrócę']),
  v('cs', 'self', ['jsem#', 'budu#', 'vrátím']),
  v('ja', 'self', ['私', 'わたし']),
  v('zh', 'self', ['我']),
  v('ru', 'self', ['я#', 'буду#', 'вернусь']),
  v('uk', 'self', ['я#', 'буду#', 'повернуся']),
  v('tr', 'self', ['ben#', 'izindeyim', 'dışındayım']),
  v('fi', 'self', ['olen#', 'minä#']),

  // ── you: the sender being asked to do something (challenge-response) ──
  v('en', 'you', ['human', 'real person', 'robot', 'your identity', 'yourself', 'by replying', 'by clicking', 'click the link', 'follow the link', 'reply to this']),
  v('de', 'you', ['mensch', 'roboter', 'link klicken', 'antworten sie']),
  v('fr', 'you', ['humain', 'robot', 'en cliquant', 'en répondant']),
  v('es', 'you', ['humano', 'robot', 'haciendo clic', 'respondiendo']),
  v('it', 'you', ['umano', 'robot', 'cliccando', 'rispondendo']),
  v('pt', 'you', ['humano', 'robô', 'clicando', 'respondendo']),
  v('nl', 'you', ['mens#', 'robot', 'klik op de link', 'door te antwoorden']),
  v('sv', 'you', ['människa', 'robot', 'klicka på länken', 'genom att svara']),
  v('pl', 'you', ['człowiek', 'robot', 'klikając']),
  v('cs', 'you', ['člověk', 'robot', 'kliknutím']),
  v('ja', 'you', ['ロボット', '人間']),
  v('zh', 'you', ['机器人', '機器人', '真人']),
  v('ru', 'you', ['человек', 'робот']),
  v('tr', 'you', ['insan', 'robot']),

  // ── report: RFC 5965 feedback reports (ARF abuse and RFC 6591 authentication-failure reports): not bounces ──
  v('en', 'report', ['abuse report', 'abuse complaint', 'feedback report', 'feedback-type', 'failure report', 'authentication-failure report', 'complaint regarding', 'complaint about']),

  // ── challenge: the scheme's own names, enough on their own ──
  v('en', 'challenge', ['challenge-response', 'challenge response', 'captcha', 'not a robot', 'not a bot#', 'one-time verification', 'senders i know', 'people i know', 'contacts i know', 'pending approval', 'awaiting approval', 'waiting for approval', 'held for moderation', 'list moderator', "i've approved", 'request approval']),

  // ── acknowledger: a ticket or help-desk system confirming receipt (RFC 3834 automatic responses) ──
  v('en', 'acknowledger', ['ticket', 'case#', 'request', 'inquiry', 'enquiry', 'support team', 'help desk', 'helpdesk', 'we have', 'we\'ve']),
  v('de', 'acknowledger', ['ticket', 'anfrage', 'vorgang', 'support']),
  v('fr', 'acknowledger', ['ticket', 'demande', 'requête']),
  v('es', 'acknowledger', ['ticket', 'solicitud', 'consulta', 'caso#']),
  v('it', 'acknowledger', ['ticket', 'richiesta', 'segnalazione']),
  v('pt', 'acknowledger', ['ticket', 'solicitação', 'pedido', 'chamado']),
  v('nl', 'acknowledger', ['ticket', 'aanvraag', 'verzoek']),
  v('sv', 'acknowledger', ['ärende', 'förfrågan']),

  // ── nonexistent: X.1.1 / X.1.2 "bad ... address", unknown, no such, not found ──
  v('ko', 'nonexistent', ['존재하지 않', '찾을 수 없', '알 수 없', '잘못된', '유효하지 않']),
  v('en', 'nonexistent', ['noemail#', 'unknown', 'no mail box', 'no such mailbox', 'does not exist', "doesn't exist", 'do not exist', 'not exist', 'no longer exists', 'no such', 'not found', "wasn't found", 'was not found', 'could not be found', "couldn't be found", 'cannot be found', "can't be found", 'invalid', 'not valid', "isn't valid", 'non-existent', 'nonexistent', 'not recogni', "wasn't recogni", 'unrecogni', 'not registered', 'unregistered', 'not known', 'bad destination', 'unroutable', 'unrouteable', 'not listed', 'not a valid', 'no mailbox', 'not a known', 'does not resolve', 'could not be resolved', "couldn't be resolved", 'not resolv', 'nxdomain', 'no mx', 'no dns', 'no mail server']),
  v('de', 'nonexistent', ['nicht existiert', 'nicht mehr existiert', 'nicht gibt', 'nicht gefunden wurde', 'unbekannt', 'existiert nicht', 'existiert leider nicht', 'existiert nicht mehr', 'gibt es nicht', 'nicht gefunden', 'nicht vorhanden', 'ungültig', 'nicht bekannt', 'nicht registriert', 'kein gültig', 'keine gültig', 'keinen gültig', 'nicht aufgelöst', 'nicht auflösbar', 'konnte nicht gefunden']),
  v('fr', 'nonexistent', ['inconnu', 'introuvable', 'inexistant', "n'existe pas", "n'existe plus", 'invalide', 'non valide', 'pas été trouvé', 'non trouvé', 'pas enregistr', 'non enregistr', 'non reconnu', 'pas reconnu', 'pas pu être résolu', 'non résolu']),
  v('es', 'nonexistent', ['desconocid', 'no existe', 'inexistente', 'no encontrad', 'no se encontr', 'no se pudo encontrar', 'no válid', 'no valid', 'inválid', 'no registrad', 'no reconocid', 'no se pudo resolver', 'no se puede resolver']),
  v('it', 'nonexistent', ['sconosciut', 'inesistent', 'non esiste', 'non trovat', 'non valid', 'non è valid', 'non registrat', 'non riconosciut', 'non risolvibil', 'non è stato possibile trovare']),
  v('pt', 'nonexistent', ['desconhecid', 'não existe', 'nao existe', 'inexistente', 'não encontrad', 'nao encontrad', 'não foi encontrad', 'inválid', 'não é válid', 'não registrad', 'não cadastrad', 'não reconhecid', 'não pôde ser resolvido', 'não pode ser resolvido']),
  v('nl', 'nonexistent', ['niet bestaat', 'niet meer bestaat', 'niet gevonden kon', 'onbekend', 'bestaat niet', 'bestaat niet meer', 'niet gevonden', 'ongeldig', 'niet bekend', 'niet geregistreerd', 'kon niet worden gevonden', 'niet herkend', 'kan niet worden omgezet']),
  v('sv', 'nonexistent', ['inte finns', 'inte längre finns', 'inte existerar', 'inte kunde hittas', 'finns inte', 'existerar inte', 'okänd', 'hittades inte', 'ogiltig', 'kunde inte hittas', 'inte registrerad', 'gick inte att hitta', 'kunde inte matchas']),
  v('da-no', 'nonexistent', ['ikke findes', 'ikke finnes', 'ikke eksisterer', 'findes ikke', 'finnes ikke', 'eksisterer ikke', 'ukendt', 'ukjent', 'ugyldig', 'ikke fundet', 'ikke funnet']),
  v('pl', 'nonexistent', ['nie istnieje', 'nieznan', 'nieprawidłow', 'nie znaleziono', 'nie został znalezion', 'niepoprawn', 'nie jest zarejestrowan', 'nie zarejestrowan']),
  v('cs', 'nonexistent', ['neexistuje', 'neznám', 'neplatn', 'nenalezen', 'nebyl nalezen', 'nebyla nalezena', 'není registrován', 'nelze najít']),
  v('ja', 'nonexistent', ['存在しません', '存在しない', '見つかりません', '見つからない', '不明', '無効', '登録されていません', '不正な']),
  v('zh', 'nonexistent', ['不存在', '未知', '无效', '無效', '找不到', '未找到', '未注册', '未註冊', '查无此', '查無此']),
  v('ru', 'nonexistent', ['не найден', 'не существует', 'неизвест', 'несуществ', 'недействител', 'не зарегистрирован', 'неверн']),
  v('uk', 'nonexistent', ['не знайден', 'не існує', 'невідом', 'недійсн', 'не зареєстрован']),
  v('tr', 'nonexistent', ['bulunamadı', 'bulunamadi', 'mevcut değil', 'geçersiz', 'bilinmeyen', 'kayıtlı değil', 'yok#']),
  v('fi', 'nonexistent', ['ei löydy', 'tuntematon', 'ei ole olemassa', 'virheellinen']),

  // ── disabled: X.2.1 mailbox disabled, X.1.6 moved, RFC 3463 "not accepting messages" ──
  v('en', 'disabled', ['disabled', 'deactivated', 'suspended', 'inactive', 'closed', 'deleted', 'terminated', 'cancelled', 'canceled', 'discontinued', 'frozen', 'expired', 'removed', 'no longer active', 'no longer in use', 'no longer valid', 'no longer available', 'no longer accepts', 'not active', 'has moved', 'deprovisioned', 'retired']),
  v('de', 'disabled', ['deaktiviert', 'gesperrt', 'gelöscht', 'stillgelegt', 'inaktiv', 'abgeschaltet', 'aufgelöst', 'gekündigt', 'nicht mehr aktiv', 'nicht mehr in gebrauch', 'nicht mehr genutzt']),
  v('fr', 'disabled', ['désactivé', 'desactive', 'suspendu', 'bloqué', 'fermé', 'supprimé', 'inactif', 'inactive', 'résilié', 'clôturé', "n'est plus actif", "n'est plus utilisé"]),
  v('es', 'disabled', ['desactivad', 'deshabilitad', 'suspendid', 'bloquead', 'inactiv', 'cerrad', 'eliminad', 'dado de baja', 'dada de baja', 'cancelad', 'borrad', 'ya no está activ', 'ya no se usa']),
  v('it', 'disabled', ['disattivat', 'sospes', 'bloccat', 'inattiv', 'disabilitat', 'chius', 'cancellat', 'eliminat', 'non è più attiv']),
  v('pt', 'disabled', ['desativad', 'desabilitad', 'suspens', 'inativ', 'encerrad', 'bloquead', 'excluíd', 'cancelad', 'removid', 'não está mais ativ', 'já não está ativ']),
  v('nl', 'disabled', ['uitgeschakeld', 'gedeactiveerd', 'geblokkeerd', 'opgeheven', 'inactief', 'verwijderd', 'gesloten', 'niet meer actief', 'niet meer in gebruik']),
  v('sv', 'disabled', ['inaktiverad', 'avstängd', 'spärrad', 'borttagen', 'raderad', 'stängd', 'avslutad', 'inte längre aktiv', 'används inte längre']),
  v('da-no', 'disabled', ['deaktiveret', 'deaktivert', 'spærret', 'sperret', 'lukket', 'slettet', 'stengt']),
  v('pl', 'disabled', ['wyłączon', 'zablokowan', 'nieaktywn', 'zawieszon', 'usunięt', 'zamknięt', 'dezaktywowan']),
  v('cs', 'disabled', ['zablokován', 'deaktivován', 'zrušen', 'neaktivní', 'pozastaven', 'smazán', 'uzavřen']),
  v('ko', 'disabled', ['비활성', '정지', '삭제', '해지']),
  v('ja', 'disabled', ['無効化', '停止', '削除', '凍結', '廃止', '閉鎖']),
  v('zh', 'disabled', ['停用', '禁用', '冻结', '凍結', '注销', '註銷', '已删除', '已刪除', '已关闭', '已關閉', '暂停', '暫停']),
  v('ru', 'disabled', ['заблокирован', 'отключен', 'удален', 'удалён', 'неактив', 'деактивирован', 'приостановлен']),
  v('uk', 'disabled', ['заблоковано', 'вимкнен', 'видален', 'неактивн', 'деактивован']),
  v('tr', 'disabled', ['devre dışı', 'askıya alın', 'kapatıl', 'silindi', 'silinmiş', 'engellen']),
  v('fi', 'disabled', ['poistettu käytöstä', 'suljettu', 'poistettu', 'estetty']),

  // ── inactive: said of any recipient word, the address included (an "inactive address" is a disabled
  // mailbox; "blocked" is not here, since a blocked address is as often the sender's IP address) ──
  v('en', 'inactive', ['inactive', 'no longer in use', 'no longer active', 'no longer accepts', 'no longer receives', 'deactivated', 'discontinued']),
  v('de', 'inactive', ['inaktiv', 'deaktiviert', 'nicht mehr aktiv', 'nicht mehr in gebrauch']),
  v('fr', 'inactive', ['inactif', 'inactive', 'désactivé', "n'est plus utilisé", "n'est plus active"]),
  v('es', 'inactive', ['inactiv', 'desactivad', 'ya no está activ', 'ya no se usa', 'ya no existe']),
  v('it', 'inactive', ['inattiv', 'disattivat', 'non è più attiv', 'non più in uso']),
  v('pt', 'inactive', ['inativ', 'desativad', 'não está mais ativ', 'não é mais usad']),
  v('nl', 'inactive', ['inactief', 'gedeactiveerd', 'niet meer actief', 'niet meer in gebruik']),
  v('sv', 'inactive', ['inaktiv', 'inte längre aktiv', 'används inte längre']),
  v('pl', 'inactive', ['nieaktywn', 'dezaktywowan']),
  v('cs', 'inactive', ['neaktivní', 'deaktivován']),
  v('ru', 'inactive', ['неактив', 'деактивирован']),
  v('tr', 'inactive', ['aktif değil', 'devre dışı']),

  // ── hard-bounce: the sending services' "hard / permanent bounce" with no reason (SES bounceType Permanent) ──
  v('en', 'hard-bounce', ['hard bounce', 'hard-bounce', 'permanent bounce']),

  // ── full: X.2.2 / X.3.1 over quota, out of space, limit reached ──
  v('ko', 'full', ['가득 찼', '가득 차', '초과', '부족']),
  v('en', 'full', ['mailboxfull#', 'exhausted', 'used up', 'full#', 'enough space', 'enough room', 'enough storage', 'exceeded', 'exceeds', 'exceed#', 'over quota', 'overquota', 'over its', 'over the', 'reached', 'insufficient', 'not enough', 'no space', 'no room', 'no more space', 'out of space', 'out of storage', 'at capacity', 'limit reached', 'limit exceeded', 'reached its limit', 'reached the limit', 'filled up', 'no free']),
  v('de', 'full', ['voll#', 'volle#', 'überschritten', 'erreicht', 'aufgebraucht', 'erschöpft', 'überfüllt', 'kein platz', 'keinen platz', 'kein freier', 'keinen freien', 'nicht genügend', 'nicht ausreichend', 'zu wenig']),
  v('fr', 'full', ['plein', 'saturé', 'dépassé', 'atteint', 'insuffisant', 'plus de place', "plus d'espace", 'pas assez']),
  v('es', 'full', ['lleno', 'llena', 'exced', 'superad', 'agotad', 'alcanzad', 'insuficiente', 'no hay espacio', 'sin espacio', 'no queda espacio']),
  v('it', 'full', ['piena', 'pieno', 'superat', 'esaurit', 'raggiunt', 'insufficiente', 'non c\'è spazio', 'spazio esaurito']),
  v('pt', 'full', ['cheia', 'cheio', 'lotad', 'esgotad', 'ultrapassa', 'exced', 'atingid', 'insuficiente', 'sem espaço', 'não há espaço']),
  v('nl', 'full', ['vol#', 'volle#', 'overschreden', 'bereikt', 'onvoldoende', 'geen ruimte', 'niet genoeg']),
  v('sv', 'full', ['full#', 'fullt#', 'överskriden', 'överskridit', 'nådd', 'uppnådd', 'otillräckl', 'slut#', 'inte tillräckligt']),
  v('da-no', 'full', ['fuld#', 'fullt#', 'overskredet', 'opbrugt', 'brukt opp', 'nået', 'nådd']),
  v('pl', 'full', ['pełn', 'przepełnion', 'przekroczon', 'osiągnięt', 'brak miejsca', 'wyczerpan', 'za mało']),
  v('cs', 'full', ['plná#', 'plný#', 'plna#', 'přeplněn', 'překročen', 'vyčerpán', 'nedostatek', 'není dost']),
  v('ja', 'full', ['いっぱい', '一杯', '超過', '超え', 'オーバー', '不足', '満杯', '上限']),
  v('zh', 'full', ['已满', '已滿', '满了', '滿了', '超出', '超过', '超過', '不足']),
  v('ru', 'full', ['переполнен', 'заполнен', 'превышен', 'недостаточно', 'нет места', 'исчерпан']),
  v('uk', 'full', ['переповнен', 'заповнен', 'перевищен', 'недостатньо', 'немає місця']),
  v('tr', 'full', ['dolu#', 'doldu', 'aşıldı', 'aşılmış', 'yetersiz', 'yer yok']),
  v('fi', 'full', ['täynnä', 'ylittynyt', 'ylitetty', 'ei tilaa']),

  // ── refused: the message or sender was refused (X.7.1 "delivery not authorized, message refused") ──
  v('en', 'refused', ['rejected', 'refused', 'blocked', 'denied', 'not accepted', 'not allowed', 'not permitted', 'prohibited', 'forbidden', 'filtered', 'quarantined', 'banned', 'declined', 'turned away', 'not authori']),
  v('de', 'refused', ['abgelehnt', 'abgewiesen', 'blockiert', 'verweigert', 'nicht angenommen', 'nicht zugelassen', 'nicht erlaubt', 'gesperrt', 'zurückgewiesen']),
  v('fr', 'refused', ['rejeté', 'refusé', 'bloqué', 'interdit', 'non autorisé', 'pas autorisé', 'non accepté']),
  v('es', 'refused', ['rechazad', 'bloquead', 'denegad', 'no permitid', 'no aceptad', 'no autorizad', 'prohibid']),
  v('it', 'refused', ['rifiutat', 'respint', 'bloccat', 'non consentit', 'negat', 'non autorizzat', 'non accettat']),
  v('pt', 'refused', ['rejeitad', 'recusad', 'bloquead', 'negad', 'não permitid', 'não autorizad', 'não aceit']),
  v('nl', 'refused', ['geweigerd', 'geblokkeerd', 'afgewezen', 'niet toegestaan', 'niet geaccepteerd']),
  v('sv', 'refused', ['avvisad', 'avvisat', 'blockerad', 'blockerat', 'nekad', 'nekat', 'inte tillåt', 'spärrad']),
  v('da-no', 'refused', ['afvist', 'avvist', 'blokeret', 'blokkert', 'nægtet', 'nektet']),
  v('pl', 'refused', ['odrzucon', 'zablokowan', 'odmówion', 'niedozwolon']),
  v('cs', 'refused', ['odmítnut', 'zablokován', 'zamítnut', 'nepovolen']),
  v('ja', 'refused', ['拒否', 'ブロック', '拒絶', '許可されていません']),
  v('zh', 'refused', ['拒绝', '拒絕', '阻止', '屏蔽', '封锁', '封鎖', '退信', '不允许', '不允許']),
  v('ru', 'refused', ['отклонен', 'отвергнут', 'заблокирован', 'запрещен', 'не принят', 'отказано']),
  v('uk', 'refused', ['відхилен', 'заблокован', 'заборонен']),
  v('tr', 'refused', ['reddedil', 'engellen', 'kabul edilmedi', 'izin verilmedi']),
  v('fi', 'refused', ['hylätty', 'estetty', 'torjuttu']),

  // ── policy: why a message is refused, on its own enough to say "blocked" (X.7.1, X.7.7x-ish reputation) ──
  v('en', 'policy', ['spam', 'junk', 'unsolicited', 'blacklist', 'blocklist', 'black list', 'block list', 'denylist', 'reputation', 'policy', 'policies', 'phishing', 'malware', 'virus', 'suspicious', 'bulk mail', 'rbl#', 'dnsbl', 'contentrejected#', 'attachmentrejected#', 'allowed senders', 'permitted senders', 'accepted senders', 'spamhaus', 'spamcop', 'barracuda', 'sorbs#', 'uribl', 'surbl', 'blocked using']),
  v('de', 'policy', ['spam', 'unerwünscht', 'sperrliste', 'schwarze liste', 'richtlinie', 'verdächtig', 'virus', 'schadsoftware', 'reputation', 'ruf#']),
  v('fr', 'policy', ['spam', 'indésirable', 'pourriel', 'liste noire', 'politique', 'suspect', 'virus', 'réputation']),
  v('es', 'policy', ['spam', 'no deseado', 'lista negra', 'política', 'politica', 'sospechos', 'virus', 'reputación']),
  v('it', 'policy', ['spam', 'indesiderat', 'lista nera', 'blacklist', 'criteri', 'politica', 'sospett', 'virus', 'reputazione']),
  v('pt', 'policy', ['spam', 'indesejad', 'lixo eletrônico', 'lista negra', 'política', 'suspeit', 'vírus', 'reputação']),
  v('nl', 'policy', ['spam', 'ongewenst', 'zwarte lijst', 'beleid', 'verdacht', 'virus', 'reputatie']),
  v('sv', 'policy', ['spam', 'skräppost', 'svartlist', 'policy', 'misstänkt', 'virus', 'rykte']),
  v('da-no', 'policy', ['spam', 'uønsket', 'søppelpost', 'sortlist', 'mistænkelig', 'mistenkelig']),
  v('pl', 'policy', ['spam', 'niechcian', 'czarn', 'zasad', 'podejrzan', 'wirus', 'reputacj']),
  v('cs', 'policy', ['spam', 'nevyžádan', 'černé listin', 'zásad', 'podezřel', 'vir#', 'reputac']),
  v('ja', 'policy', ['スパム', '迷惑メール', 'ブラックリスト', 'ポリシー', '不審', 'ウイルス']),
  v('zh', 'policy', ['垃圾邮件', '垃圾郵件', '黑名单', '黑名單', '策略', '政策', '可疑', '病毒', '信誉', '信譽']),
  v('ru', 'policy', ['спам', 'нежелательн', 'черн', 'политик', 'подозрительн', 'вирус', 'репутаци']),
  v('uk', 'policy', ['спам', 'небажан', 'чорн', 'політик', 'підозріл', 'вірус']),
  v('tr', 'policy', ['spam', 'istenmeyen', 'kara liste', 'politika', 'şüpheli', 'virüs', 'itibar']),
  v('fi', 'policy', ['roskaposti', 'mustalista', 'käytäntö', 'epäilyttävä']),

  // ── auth-failed: what happens to authentication / TLS / relaying (X.7.8, X.7.10, X.7.20-29) ──
  v('en', 'auth-failed', ['only accepts', 'only accept#', 'did not verify', 'does not verify', 'not verified', 'did not pass', 'does not pass', 'fail', 'failed', 'failure', 'required', 'requires', 'require#', 'must', 'mandatory', 'denied', 'not permitted', 'not allowed', 'missing', 'invalid', 'mismatch', 'does not match', 'not aligned', 'unauthenticated', 'not supported', 'refused', 'prohibited']),
  v('de', 'auth-failed', ['fehlgeschlagen', 'erforderlich', 'notwendig', 'verweigert', 'ungültig', 'fehlt', 'nicht erlaubt', 'muss#']),
  v('fr', 'auth-failed', ['échoué', 'échec', 'requis', 'requise', 'obligatoire', 'refusé', 'manquant', 'invalide', 'non autorisé']),
  v('es', 'auth-failed', ['fallid', 'fallo', 'falló', 'requerid', 'obligatori', 'denegad', 'no permitid', 'inválid', 'necesari']),
  v('it', 'auth-failed', ['fallit', 'non riuscit', 'richiest', 'obbligatori', 'negat', 'non valid', 'necessari', 'non consentit']),
  v('pt', 'auth-failed', ['falhou', 'falha', 'necessári', 'obrigatóri', 'negad', 'inválid', 'exigid', 'não permitid']),
  v('nl', 'auth-failed', ['mislukt', 'vereist', 'verplicht', 'geweigerd', 'ongeldig', 'niet toegestaan']),
  v('sv', 'auth-failed', ['misslyckades', 'krävs', 'nekad', 'ogiltig', 'inte tillåt', 'obligatorisk']),
  v('pl', 'auth-failed', ['nie powiodł', 'niepowodzeni', 'wymagan', 'odmówion', 'nieprawidłow', 'niedozwolon']),
  v('cs', 'auth-failed', ['selhal', 'selhání', 'vyžadován', 'povinn', 'odepřen', 'neplatn']),
  v('ja', 'auth-failed', ['失敗', '必要', '拒否', '無効', '必須']),
  v('zh', 'auth-failed', ['失败', '失敗', '需要', '必须', '必須', '拒绝', '拒絕', '无效', '無效']),
  v('ru', 'auth-failed', ['не пройден', 'не удал', 'ошибк', 'требуется', 'обязательн', 'запрещен', 'недействител']),
  v('uk', 'auth-failed', ['не пройден', 'не вдал', 'помилк', 'потрібн', "обов'язков", 'заборонен']),
  v('tr', 'auth-failed', ['başarısız', 'gerekli', 'zorunlu', 'reddedildi', 'geçersiz']),
  v('fi', 'auth-failed', ['epäonnistui', 'vaaditaan', 'pakollinen']),

  // ── unresponsive: the receiving host did not answer (X.4.1 no answer from host, X.4.2 bad connection) ──
  v('en', 'unresponsive', ['not responding', 'did not respond', "didn't respond", 'does not respond', 'no response', 'never responded', 'unreachable', 'not reachable', 'could not be reached', "couldn't be reached", 'is down', 'not available', 'unavailable', 'busy', 'overloaded', 'timed out', 'timeout', 'time-out', 'refusing', 'refused', 'reset', 'lost', 'closed', 'dropped', 'not answer', 'unable to connect', 'could not connect', "couldn't connect", 'cannot connect', 'failed to connect', 'no route', 'did not accept our request', 'failing']),
  v('de', 'unresponsive', ['nicht antwortet', 'nicht antwortete', 'nicht reagiert', 'nicht reagierte', 'antwortet nicht', 'nicht erreichbar', 'keine antwort', 'reagiert nicht', 'nicht verfügbar', 'überlastet', 'zeitüberschreitung']),
  v('fr', 'unresponsive', ['ne répond pas', 'injoignable', 'inaccessible', 'pas de réponse', 'indisponible', 'surchargé', "délai d'attente"]),
  v('es', 'unresponsive', ['no responde', 'inaccesible', 'sin respuesta', 'no disponible', 'sobrecargad', 'tiempo de espera']),
  v('it', 'unresponsive', ['non risponde', 'irraggiungibil', 'nessuna risposta', 'non disponibil', 'sovraccaric', 'tempo scaduto']),
  v('pt', 'unresponsive', ['não responde', 'nao responde', 'inacessível', 'sem resposta', 'indisponível', 'sobrecarregad', 'tempo esgotado']),
  v('nl', 'unresponsive', ['niet reageert', 'niet reageerde', 'niet antwoordde', 'reageert niet', 'reageerde niet', 'onbereikbaar', 'niet bereikbaar', 'geen antwoord', 'niet beschikbaar', 'overbelast', 'time-out']),
  v('sv', 'unresponsive', ['inte svarar', 'inte svarade', 'svarar inte', 'svarade inte', 'går inte att nå', 'inte nåbar', 'inget svar', 'inte tillgänglig', 'överbelastad', 'tidsgräns']),
  v('da-no', 'unresponsive', ['svarer ikke', 'ikke tilgængelig', 'ikke tilgjengelig', 'utilgængelig']),
  v('pl', 'unresponsive', ['nie odpowiada', 'niedostępn', 'brak odpowiedzi', 'przeciążon', 'przekroczono czas']),
  v('cs', 'unresponsive', ['neodpovídá', 'nedostupn', 'žádná odpověď', 'přetížen', 'vypršel']),
  v('ja', 'unresponsive', ['応答がありません', '応答しません', '応答なし', '到達できません', '接続できません', 'タイムアウト', '利用できません']),
  v('zh', 'unresponsive', ['无响应', '無回應', '没有响应', '无法访问', '無法連線', '无法连接', '不可用', '超时', '逾時', '繁忙']),
  v('ru', 'unresponsive', ['не отвечает', 'недоступен', 'нет ответа', 'перегружен', 'тайм-аут', 'истекло время']),
  v('uk', 'unresponsive', ['не відповідає', 'недоступн', 'немає відповіді']),
  v('tr', 'unresponsive', ['yanıt vermiyor', 'cevap vermiyor', 'ulaşılamıyor', 'erişilemiyor', 'zaman aşımı', 'meşgul']),
  v('fi', 'unresponsive', ['ei vastaa', 'ei tavoitettavissa', 'aikakatkaisu']),

  // ── gave-up: the attempts ran out (X.4.7 delivery time expired; Postfix status=expired, qmail queue lifetime) ──
  v('en', 'gave-up', ['timeout exceeded', 'time exceeded', 'time not reached', 'for a long time', 'attempts', 'expired', 'gave up', 'giving up', 'given up', 'abandoned', 'stopped', 'too long', 'hours', 'days', 'exhausted', 'time limit', 'queue period', 'lifetime', 'within the allowed']),
  v('de', 'gave-up', ['abgelaufen', 'aufgegeben', 'abgebrochen', 'stunden', 'tagen', 'zu lange', 'eingestellt']),
  v('fr', 'gave-up', ['expiré', 'abandonné', 'heures', 'jours', 'trop longtemps', 'interrompu']),
  v('es', 'gave-up', ['expirad', 'caducad', 'abandonad', 'horas', 'días', 'demasiado tiempo', 'agotad']),
  v('it', 'gave-up', ['scadut', 'abbandonat', 'ore#', 'giorni', 'troppo tempo', 'esaurit']),
  v('pt', 'gave-up', ['expirad', 'abandonad', 'horas', 'dias', 'tempo demais', 'esgotad']),
  v('nl', 'gave-up', ['verlopen', 'opgegeven', 'gestaakt', 'uur#', 'uren', 'dagen', 'te lang']),
  v('sv', 'gave-up', ['utgått', 'gav upp', 'avbrut', 'timmar', 'dagar', 'för länge']),
  v('pl', 'gave-up', ['wygasł', 'przerwan', 'godzin', 'dni#', 'zbyt długo']),
  v('cs', 'gave-up', ['vypršel', 'vypršela', 'přerušen', 'hodin', 'dní#', 'příliš dlouho']),
  v('ja', 'gave-up', ['期限切れ', '時間', '中止', '断念']),
  v('zh', 'gave-up', ['过期', '過期', '放弃', '放棄', '小时', '小時', '超时']),
  v('ru', 'gave-up', ['истек', 'истёк', 'прекращен', 'часов', 'дней', 'слишком долго']),
  v('tr', 'gave-up', ['süresi doldu', 'vazgeçildi', 'saat#', 'gün#', 'çok uzun']),

  // ── too-many: a sending limit (X.7.0-ish rate limits, 421/451 throttling) ──
  v('en', 'too-many', ['too many', 'limit', 'exceeded', 'reached', 'throttl', 'rate limit']),
  v('de', 'too-many', ['zu viele', 'limit', 'überschritten', 'erreicht']),
  v('fr', 'too-many', ['trop de', 'limite', 'dépassé', 'atteint']),
  v('es', 'too-many', ['demasiados', 'demasiadas', 'límite', 'limite', 'excedid', 'superad']),

  // ── too-big: X.3.4 message too big for system, X.2.3 message length exceeds administrative limit ──
  v('en', 'too-big', ['messagetoolarge#', 'too big', 'too large', 'size exceeds', 'exceeds the size', 'exceeds the maximum', 'size limit', 'oversized', 'maximum size', 'maximum message size']),
  v('de', 'too-big', ['zu groß', 'zu gross', 'größenbeschränkung', 'maximale größe']),
  v('fr', 'too-big', ['trop volumineux', 'trop gros', 'taille maximale', 'dépasse la taille']),
  v('es', 'too-big', ['demasiado grande', 'tamaño máximo', 'excede el tamaño']),
  v('it', 'too-big', ['troppo grande', 'dimensione massima', 'supera la dimensione']),
  v('pt', 'too-big', ['muito grande', 'tamanho máximo', 'excede o tamanho']),
  v('nl', 'too-big', ['te groot', 'maximale grootte']),
  v('sv', 'too-big', ['för stor', 'för stort', 'maximal storlek']),
  v('pl', 'too-big', ['za duż', 'zbyt duż', 'maksymalny rozmiar']),
  v('cs', 'too-big', ['příliš velk', 'maximální velikost']),
  v('ja', 'too-big', ['大きすぎ', 'サイズ制限', 'サイズが上限']),
  v('zh', 'too-big', ['过大', '過大', '太大', '大小限制']),
  v('ru', 'too-big', ['слишком больш', 'максимальный размер', 'превышает размер']),
  v('tr', 'too-big', ['çok büyük', 'boyut sınırı']),

  // ── away: RFC 3834 personal responders: absence, leave, return ──
  v('en', 'away', ['out of the office', 'out of office', 'away', 'on leave', 'vacation', 'holiday', 'annual leave', 'absent', 'travelling', 'traveling', 'business trip', 'not in the office', 'back on', 'back in', 'return on', 'returning on', 'return to the office', 'my return', 'when i return', 'until i return', 'limited access', 'sick leave', 'parental leave', 'maternity', 'paternity', 'off work', 'out until', 'unavailable until', 'not available until', 'offline', 'sabbatical', 'time off', 'day off', 'out of the country', 'out of town', 'reduced hours', 'part-time', 'longer to reply', 'longer to respond', 'attending', 'conference', 'in meetings', 'in a meeting']),
  v('de', 'away', ['abwesend', 'urlaub', 'nicht im büro', 'außer haus', 'ausser haus', 'dienstreise', 'geschäftsreise', 'zurück', 'elternzeit', 'krank', 'nicht erreichbar', 'nicht im hause', 'unterwegs', 'frei#']),
  v('fr', 'away', ['absent', 'congé', 'vacances', 'de retour', 'déplacement', 'hors du bureau', 'absent jusqu', 'absente jusqu', 'en arrêt', 'indisponible jusqu', 'reviendrai', 'revenu']),
  v('es', 'away', ['ausente', 'vacaciones', 'fuera de la oficina', 'fuera de oficina', 'fuera hasta', 'acceso limitado', 'de viaje', 'regreso', 'de permiso', 'de baja', 'volveré', 'no disponible hasta']),
  v('it', 'away', ['assente', 'ferie', 'vacanza', 'fuori ufficio', 'fuori sede', 'fuori fino', 'rientro', 'di ritorno', 'trasferta', 'in permesso', 'tornerò']),
  v('pt', 'away', ['ausente', 'férias', 'fora do escritório', 'fora até', 'de licença', 'de volta', 'regresso', 'retorno', 'em viagem', 'voltarei']),
  v('nl', 'away', ['afwezig', 'vakantie', 'verlof', 'niet op kantoor', 'terug op', 'weer bereikbaar', 'weer aanwezig', 'op reis', 'weg tot', 'vrij#']),
  v('sv', 'away', ['borta', 'semester', 'ledig', 'tjänstledig', 'tillbaka', 'frånvarande', 'på resa', 'borta till', 'föräldraledig', 'sjukskriven', 'inte på kontoret']),
  v('da-no', 'away', ['ferie', 'fraværende', 'fravær', 'tilbage', 'tilbake', 'ikke på kontoret']),
  v('pl', 'away', ['nieobecn', 'urlop', 'poza biurem', 'powrót', 'delegacj', 'wrócę']),
  v('cs', 'away', ['nepřítomn', 'dovolen', 'mimo kancelář', 'vrátím', 'služební cest']),
  v('ja', 'away', ['不在', '休暇', '出張', '休み', '戻り', '外出']),
  v('zh', 'away', ['不在', '休假', '出差', '度假', '外出', '返回', '回来', '回來']),
  v('ru', 'away', ['отсутств', 'отпуск', 'командировк', 'вернусь', 'вне офиса']),
  v('uk', 'away', ['відсутн', 'відпустц', 'відпустк', 'відрядженн', 'повернуся']),
  v('tr', 'away', ['izinde', 'ofis dışında', 'tatil', 'döneceğim', 'yokum']),
  v('fi', 'away', ['lomalla', 'poissa', 'palaan', 'työmatkalla']),

  // ── verify: what a challenge-response filter asks of the sender ──
  v('en', 'verify', ['verify', 'verification', 'confirm', 'confirmation', 'prove', 'validate', 'approve', 'approval', 'authorise', 'authorize', 'whitelist', 'allowlist', 'captcha', 'not a robot', 'challenge']),
  v('de', 'verify', ['verifizier', 'bestätig', 'freischalt', 'freigabe', 'beweisen', 'nachweisen']),
  v('fr', 'verify', ['vérifi', 'confirm', 'valid', 'approuv', 'prouver']),
  v('es', 'verify', ['verific', 'confirm', 'valid', 'aprob', 'demostrar']),
  v('it', 'verify', ['verific', 'confermare', 'conferma', 'convalid', 'approv', 'dimostrare']),
  v('pt', 'verify', ['verific', 'confirm', 'valid', 'aprov', 'provar']),
  v('nl', 'verify', ['verifi', 'bevestig', 'goedkeur', 'bewijzen']),
  v('sv', 'verify', ['verifiera', 'bekräfta', 'godkänn', 'bevisa']),
  v('pl', 'verify', ['zweryfik', 'weryfikacj', 'potwierd', 'zatwierd', 'udowodni']),
  v('cs', 'verify', ['ověř', 'potvrď', 'potvrzen', 'schválen', 'prokázat']),
  v('ja', 'verify', ['確認', '認証してください', '承認']),
  v('zh', 'verify', ['验证', '驗證', '确认', '確認', '批准']),
  v('ru', 'verify', ['подтверд', 'подтвержд', 'верифик', 'одобрен', 'докажите']),
  v('tr', 'verify', ['doğrula', 'onayla', 'onay#']),

  // ── received: an acknowledgement of receipt (ticket systems, RFC 3834) ──
  v('en', 'received', ['received', 'logged', 'opened', 'created', 'registered', 'assigned', 'reference number', 'ticket number', 'will be answered', 'will respond', 'will get back', 'will reply']),
  v('de', 'received', ['erhalten', 'eingegangen', 'angelegt', 'erstellt', 'bearbeiten', 'melden uns']),
  v('fr', 'received', ['reçu', 'enregistr', 'créé', 'traiter', 'répondrons']),
  v('es', 'received', ['recibid', 'registrad', 'cread', 'responderemos']),
  v('it', 'received', ['ricevut', 'registrat', 'creat', 'risponderemo']),
  v('pt', 'received', ['recebid', 'registrad', 'criad', 'responderemos']),
  v('nl', 'received', ['ontvangen', 'geregistreerd', 'aangemaakt']),
  v('sv', 'received', ['mottagit', 'tagit emot', 'registrerat', 'skapat']),

  // ── delivered: RFC 3464 Action: delivered / relayed ──
  v('en', 'delivered', ['delivered', 'relayed', 'was read', 'has been read']),
  v('de', 'delivered', ['zugestellt', 'übermittelt', 'gelesen']),
  v('fr', 'delivered', ['remis', 'livré', 'distribué', 'été lu']),
  v('es', 'delivered', ['entregad', 'leído']),
  v('it', 'delivered', ['consegnat', 'recapitat', 'letto']),
  v('pt', 'delivered', ['entregue', 'lida#', 'lido#']),
  v('nl', 'delivered', ['afgeleverd', 'bezorgd', 'gelezen']),
  v('sv', 'delivered', ['levererat', 'levererats', 'läst']),
  v('pl', 'delivered', ['dostarczon', 'przeczytan']),
  v('cs', 'delivered', ['doručen', 'přečten']),
  v('ja', 'delivered', ['配信されました', '配信済み', '開封']),
  v('zh', 'delivered', ['已送达', '已送達', '已投递', '已投遞', '已读', '已讀']),
  v('ru', 'delivered', ['доставлен', 'прочитан']),
  v('tr', 'delivered', ['teslim edildi', 'okundu']),

  // ── suppressed: the sending service's own list (SES suppression list, SendGrid "Bounced Address" /
  // "Unsubscribed Address" drops, Mailgun "previously bounced", Postmark InactiveRecipient) ──
  v('en', 'suppressed', ['suppress', 'previously bounced', 'prior bounce', 'earlier bounce', 'bounce list', 'do-not-send', 'do not send list', 'unsubscribed', 'opted out', 'opt-out', 'spam complaint', 'marked', 'flagged', 'not delivering', 'asked to stop', 'stop receiving', 'unsubscribe', 'hard bounced', 'hard-bounced', 'complained', 'bounced address', 'spam reporting address']),

  // ── transient: a deferral by its own words (RFC 5321 4yz, RFC 3463 "persistent transient failure") ──
  v('en', 'transient', ['temporary', 'temporarily', 'try again later', 'try again in', 'try later', 'retry later', 'will retry', 'will be retried', 'deferred', 'delayed', 'later#', 'transient', 'still trying', 'not yet delivered', 'greylist', 'graylist']),
  v('de', 'transient', ['vorübergehend', 'temporär', 'später', 'erneut versuch', 'noch nicht zugestellt', 'wird weiter versucht', 'verzögert']),
  v('fr', 'transient', ['temporaire', 'temporairement', 'plus tard', 'réessa', 'nouvelle tentative', 'différé', 'retardé']),
  v('es', 'transient', ['temporal', 'más tarde', 'mas tarde', 'inténtelo de nuevo', 'intente de nuevo', 'reintent', 'diferid', 'retrasad']),
  v('it', 'transient', ['temporane', 'più tardi', 'riprova', 'nuovo tentativo', 'ritardat', 'differit']),
  v('pt', 'transient', ['temporári', 'temporariamente', 'mais tarde', 'tente novamente', 'nova tentativa', 'adiad', 'atrasad']),
  v('nl', 'transient', ['tijdelijk', 'later opnieuw', 'probeer het later', 'nieuwe poging', 'vertraagd', 'uitgesteld']),
  v('sv', 'transient', ['tillfällig', 'senare', 'försök igen', 'nytt försök', 'försenad', 'fördröjd']),
  v('da-no', 'transient', ['midlertidig', 'senere', 'prøv igen', 'prøv igjen', 'forsinket']),
  v('pl', 'transient', ['tymczasow', 'później', 'spróbuj ponownie', 'ponowna próba', 'opóźnion']),
  v('cs', 'transient', ['dočasn', 'později', 'zkuste to znovu', 'opakovat', 'zpožděn']),
  v('ja', 'transient', ['一時的', '後で', 'しばらくして', '再試行', '遅延']),
  v('zh', 'transient', ['暂时', '暫時', '稍后', '稍後', '重试', '重試', '延迟', '延遲']),
  v('ru', 'transient', ['временн', 'позже', 'повторите', 'попробуйте', 'отложен', 'задержан']),
  v('uk', 'transient', ['тимчасов', 'пізніше', 'спробуйте']),
  v('tr', 'transient', ['geçici', 'daha sonra', 'tekrar deneyin', 'ertelendi', 'gecikti']),
  v('fi', 'transient', ['tilapäi', 'myöhemmin', 'yritä uudelleen']),

  // ── auto-reply: the responders' own labels (RFC 3834 "Auto-Submitted", Outlook/Gmail localised prefixes) ──
  v('en', 'auto-reply', ['out of office', 'away message', 'not monitored', 'no longer monitored', 'unmonitored', 'has been forwarded to', 'was forwarded to', 'automatically forwarded', 'automatic reply', 'auto-reply', 'autoreply', 'auto reply', 'auto-response', 'autoresponder', 'automated response', 'automatic response', 'out-of-office', 'auto-submitted: auto-replied', 'vacation responder']),
  v('de', 'auto-reply', ['automatische antwort', 'abwesenheitsnotiz', 'abwesenheitsmeldung', 'automatische rückmeldung', 'autoantwort']),
  v('fr', 'auto-reply', ['réponse automatique', "message d'absence"]),
  v('es', 'auto-reply', ['respuesta automática', 'respuesta automatica', 'mensaje de ausencia']),
  v('it', 'auto-reply', ['risposta automatica', 'messaggio di assenza']),
  v('pt', 'auto-reply', ['resposta automática', 'resposta automatica', 'mensagem de ausência']),
  v('nl', 'auto-reply', ['automatisch antwoord', 'afwezigheidsbericht', 'automatische reactie']),
  v('sv', 'auto-reply', ['automatiskt svar', 'frånvaromeddelande', 'autosvar']),
  v('da-no', 'auto-reply', ['automatisk svar', 'fraværsmeddelelse', 'fraværsmelding']),
  v('pl', 'auto-reply', ['automatyczna odpowiedź', 'autoodpowiedź']),
  v('cs', 'auto-reply', ['automatická odpověď']),
  v('ja', 'auto-reply', ['自動応答', '自動返信', '不在通知']),
  v('zh', 'auto-reply', ['自动回复', '自動回覆', '自動回復']),
  v('ru', 'auto-reply', ['автоматический ответ', 'автоответ']),
  v('uk', 'auto-reply', ['автоматична відповідь', 'автовідповідь']),
  v('tr', 'auto-reply', ['otomatik yanıt', 'otomatik cevap']),
  v('fi', 'auto-reply', ['automaattinen vastaus', 'poissaoloviesti']),

  // ── sender: the sender's own address or domain (X.1.7 / X.1.8 bad sender address) ──
  v('en', 'sender', ['sender', 'from address', 'from domain', 'envelope from', 'mail from', 'return-path', 'your domain', 'your address', 'sending domain', 'sending address', 'sending email address', 'sending e-mail address', 'sending from', 'sending mail']),
  v('de', 'sender', ['absender']),
  v('fr', 'sender', ['expéditeur']),
  v('es', 'sender', ['remitente']),
  v('it', 'sender', ['mittente']),
  v('pt', 'sender', ['remetente']),
  v('nl', 'sender', ['afzender']),
  v('sv', 'sender', ['avsändar']),
  v('pl', 'sender', ['nadawc']),
  v('cs', 'sender', ['odesílatel']),
  v('ru', 'sender', ['отправител']),
  v('tr', 'sender', ['gönderen']),
];
