// A letter of the Latin and Cyrillic scripts the lists use (Russian and Ukrainian): words are not matched inside longer words.
const letter = '[a-zà-öø-ÿā-žа-яёіїєґ]';

/**
 * The three recipient-side meanings that localised servers word most (RFC 3463 X.1.1 unknown
 * address, X.2.1 disabled account, X.2.2 full mailbox), built from one small vocabulary per
 * language rather than from whole sentences: a noun for the thing (user, address, account,
 * mailbox) and a word for its state (unknown, disabled, full), within one sentence in either
 * order. A language gains a meaning by listing its words here, so a wording no one wrote down
 * still matches when its two words are known. Matched like the other rules, against lower-cased
 * NFKC text. Each word starts a word; a stem runs on into its inflections (`desconocid` → -o, -a)
 * unless it ends in `#` (a whole word: `vol#` is not `volledig`); a few carry a lookahead against
 * a longer word they begin (`conta`, not `contact`).
 */
export const mailboxLexicon = {
  unknown: pairs(
    [
      'benutzer', 'nutzer', 'empfänger', 'adresse', 'postfach', 'briefkasten', 'konto(?!r)', // de
      'utilisateur', 'destinataire', 'boîte', 'boite', 'compte', // fr
      'usuario', 'destinatario', 'dirección', 'direccion', 'buzón', 'buzon', 'cuenta', 'casilla', // es
      'usuário', 'utilizador', 'destinatário', 'endereço', 'endereco', 'caixa', 'conta(?!ct|r)', // pt
      'utente', 'indirizzo', 'casella', 'account', // it
      'gebruiker', 'ontvanger', 'adres', 'mailbox', 'postvak', 'postbus', // nl
      'användare', 'anvandare', 'mottagar', 'adress', 'brevlåda', 'postlåda', // sv
      'bruger', 'modtager', 'postkasse', 'bruker', 'mottaker', // da, no
      'użytkownik', 'uzytkownik', 'odbiorc', 'skrzynk', // pl
      'uživatel', 'uzivatel', 'příjemce', 'prijemce', 'adresa', 'schránk', 'schrank', 'účet', // cs
      'пользовател', 'получател', 'адрес', 'ящик', 'аккаунт', 'учетн', 'учётн', // ru
      'користувач', 'отримувач', 'скриньк', 'обліков', // uk
      'kullanıcı', 'alıcı', 'hesap', // tr
      'käyttäjä', 'vastaanottaja', 'osoite', 'postilaatikko', // fi
    ],
    [
      // Existence denied with words between ("existiert bei uns nicht mehr") and "not registered", per language.
      'existiert(?: [^ .]+){0,3} nicht', "n'existe (?:plus|pas)", 'no existe', 'não existe mais', 'non esiste più', 'bestaat(?: [^ .]+){0,3} niet',
      'kein(?:e|en)? gültig', 'kunde inte hittas', 'gick inte att hitta', 'kon niet (?:worden )?gevonden', 'konnte nicht gefunden',
      'nicht registriert', 'pas enregistr', 'no (?:está )?registrad', 'não (?:está )?(?:cadastrad|registrad)', 'non (?:è )?registrat', 'niet geregistreerd', 'inte registrerad', 'nie (?:jest )?zarejestrowan', 'не зарегистрирован',
      'unbekannt', 'existiert nicht', 'nicht gefunden', 'nicht vorhanden', 'ungültig', 'nicht bekannt', 'gibt es nicht',
      'inconnu', 'introuvable', 'inexistant', "n'existe pas", 'invalide', 'non valide',
      'desconocid', 'no existe', 'inexistente', 'no encontrad', 'no válid', 'inválid',
      'desconhecid', 'não existe', 'nao existe', 'não encontrad', 'invalid',
      'sconosciut', 'inesistente', 'non esiste', 'non trovat', 'non valid',
      'onbekend', 'bestaat niet', 'niet gevonden', 'ongeldig', 'niet bekend',
      'finns inte', 'existerar inte', 'okänd', 'hittades inte', 'ogiltig',
      'findes ikke', 'finnes ikke', 'eksisterer ikke', 'ukendt', 'ukjent', 'ugyldig',
      'nie istnieje', 'nieznan', 'nieprawidłow', 'nie znaleziono',
      'neexistuje', 'neznám', 'neplatn', 'nenalezen',
      'не найден', 'не существует', 'неизвест', 'несуществ', 'недействител', 'не знайдено', 'не існує', 'невідом',
      'bulunamadı', 'bulunamadi', 'mevcut değil', 'geçersiz',
      'ei löydy', 'tuntematon', 'ei ole olemassa',
    ],
  ),
  disabled: pairs(
    [
      'konto(?!r)', 'postfach', 'benutzer', 'compte', 'boîte', 'boite', 'cuenta', 'buzón', 'buzon', 'casilla', 'conta(?!ct|r)', 'caixa',
      'account', 'casella', 'utente', 'mailbox', 'postvak', 'brevlåda', 'postlåda', 'postkasse', 'skrzynk', 'účet', 'ucet',
      'schránk', 'ящик', 'аккаунт', 'учетн', 'учётн', 'скриньк', 'обліков', 'hesap', 'posta kutusu', 'tili#', 'postilaatikko',
    ],
    [
      'deaktiviert', 'gesperrt', 'gelöscht', 'stillgelegt', 'inaktiv', 'abgeschaltet',
      'désactivé', 'desactive', 'suspendu', 'bloqué', 'fermé', 'supprimé', 'inactif',
      'desactivad', 'deshabilitad', 'suspendid', 'bloquead', 'inactiv', 'cerrad', 'eliminad',
      'desativad', 'desabilitad', 'suspens', 'inativ', 'encerrad',
      'disattivat', 'sospes', 'bloccat', 'inattiv', 'disabilitat',
      'uitgeschakeld', 'gedeactiveerd', 'geblokkeerd', 'opgeheven', 'inactief',
      'inaktiverad', 'avstängd', 'spärrad', 'deaktiveret', 'spærret', 'deaktivert', 'sperret', 'stengt',
      'wyłączon', 'zablokowan', 'nieaktywn', 'zawieszon',
      'zablokován', 'deaktivován', 'zrušen', 'neaktivní', 'pozastaven',
      'заблокирован', 'отключен', 'удален', 'неактив', 'заблоковано', 'вимкнено', 'видалено',
      'devre dışı', 'askıya alın', 'kapatıl',
      'poistettu käytöstä', 'suljettu',
    ],
  ),
  // An address said to be inactive means a disabled mailbox; "blocked" is left out here because
  // an address that is blocked is as often the sender's IP address.
  inactiveAddress: pairs(
    ['adresse', 'dirección', 'direccion', 'endereço', 'endereco', 'indirizzo', 'adres', 'adress', 'adresa', 'адрес'],
    ['inaktiv', 'inactiv', 'inativ', 'inattiv', 'inactief', 'nieaktywn', 'neaktivn', 'неактив', 'désactivé', 'desactivad', 'desativad', 'disattivat', 'deaktiviert'],
  ),
  full: pairs(
    [
      'postfach', 'mailbox', 'speicher', 'posteingang', 'kontingent', 'boîte', 'boite', 'bal#', 'stockage', 'buzón', 'buzon',
      'casilla', 'almacenamiento', 'caixa', 'armazenamento', 'casella', 'postvak', 'postbus', 'brevlåda', 'postlåda',
      'inkorg', 'postkasse', 'indbakke', 'innboks', 'skrzynk', 'schránk', 'schrank', 'úložiště', 'ящик', 'квот', 'скриньк',
      'posta kutusu', 'kota#', 'postilaatikko',
      'spazio', 'espacio', 'espaço', 'espaco', 'espace', 'miejsc', 'místo', 'misto', 'место', // space itself
    ],
    [
      'kein(?:en)? (?:freien )?(?:speicher|platz)', 'no (?:queda|hay) espacio', "plus d'espace", 'sem espaço', 'brak miejsca', 'нет места',
      'voll#', 'aufgebraucht', 'erschöpft', 'überschritten', 'überfüllt',
      'plein', 'saturé', 'dépassé', 'llen', 'agotad', 'sin espacio', 'excedid', 'superad',
      'cheia', 'cheio', 'lotad', 'esgotad', 'ultrapassad', 'pien', 'esaurit', 'superat',
      'vol#', 'overschreden', 'full#', 'överskriden', 'fuld#', 'overskredet', 'opbrugt', 'brukt opp',
      'pełn', 'pelna#', 'przepełnion', 'przekroczon', 'plná#', 'plna#', 'plný#', 'přeplněn', 'překročen', 'vyčerpán',
      'переполнен', 'заполнен', 'превышен', 'переповнен', 'заповнен', 'перевищен', 'dolu#', 'doldu#', 'aşıldı', 'täynnä', 'ylittynyt',
    ],
  ),
} as const;

function pairs(nouns: readonly string[], states: readonly string[]): RegExp {
  const noun = alternatives(nouns);
  const state = alternatives(states);
  return new RegExp(`(?<!${letter})(?:${noun})[^.!?;。]{0,60}(?<!${letter})(?:${state})|(?<!${letter})(?:${state})[^.!?;。]{0,30}(?<!${letter})(?:${noun})`);
}

// Entries are regular-expression source: letters, spaces and apostrophes, and the few lookaheads above.
function alternatives(words: readonly string[]): string {
  return words.map((word) => (word.endsWith('#') ? `${word.slice(0, -1)}(?!${letter})` : word)).join('|');
}
