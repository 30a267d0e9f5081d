/**
 * Mail domains that are never reported as typos. The first list is also what a typo is
 * corrected to, most used first (a tie between two equally close candidates goes to the
 * earlier one); the second only protects real domains from being "corrected".
 */
export const popularMailDomains: readonly string[] = [
  'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'live.com',
  'msn.com', 'me.com', 'mac.com', 'googlemail.com', 'proton.me', 'protonmail.com', 'gmx.de',
  'gmx.net', 'gmx.com', 'web.de', 't-online.de', 'yandex.ru', 'yandex.com', 'mail.ru', 'qq.com',
  '163.com', 'zoho.com', 'fastmail.com', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net',
  'bellsouth.net', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'libero.it',
  'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'rocketmail.com', 'ymail.com', 'mail.com',
  'example.com',
];

export const otherMailDomains: readonly string[] = [
  'email.com', 'usa.com', 'post.com', 'inbox.com', 'aim.com', 'pm.me', 'protonmail.ch', 'tuta.io',
  'tutanota.com', 'tutanota.de', 'hey.com', 'mailbox.org', 'posteo.de', 'hushmail.com',
  'fastmail.fm', 'zohomail.com', 'zoho.eu', 'yandex.ua', 'yandex.by', 'yandex.kz', 'ya.ru',
  'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru', '126.com', 'yeah.net', 'sina.com', 'sohu.com',
  'foxmail.com', 'aliyun.com', 'naver.com', 'daum.net', 'hanmail.net',
  'outlook.de', 'outlook.fr', 'outlook.es', 'outlook.it', 'outlook.jp', 'outlook.com.br',
  'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'hotmail.nl', 'hotmail.be', 'hotmail.ca',
  'hotmail.se', 'hotmail.com.br', 'hotmail.com.ar', 'hotmail.com.mx', 'hotmail.co.jp',
  'live.co.uk', 'live.fr', 'live.de', 'live.it', 'live.nl', 'live.se', 'live.no', 'live.dk',
  'live.be', 'live.at', 'live.ch', 'live.ie', 'live.ca', 'live.jp', 'live.cn', 'live.ru',
  'live.com.au', 'live.com.mx', 'live.com.ar', 'windowslive.com', 'passport.com',
  'yahoo.fr', 'yahoo.de', 'yahoo.it', 'yahoo.es', 'yahoo.ca', 'yahoo.se', 'yahoo.ie', 'yahoo.gr',
  'yahoo.in', 'yahoo.co.in', 'yahoo.co.jp', 'yahoo.co.id', 'yahoo.com.br', 'yahoo.com.ar',
  'yahoo.com.mx', 'yahoo.com.au', 'yahoo.com.sg', 'yahoo.com.ph', 'yahoo.com.tw', 'yahoo.com.hk',
  'aol.co.uk', 'aol.fr', 'aol.de', 'gmx.at', 'gmx.ch', 'gmx.fr', 'gmx.us', 'mail.de', 'email.de',
  'freenet.de', 'arcor.de', 'online.de', '1und1.de', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'virgilio.it',
  'tiscali.it', 'alice.it', 'tin.it', 'seznam.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl',
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br', 'cox.net', 'charter.net',
  'earthlink.net', 'optonline.net', 'frontier.com', 'windstream.net', 'juno.com', 'netzero.net',
  'sky.com', 'virginmedia.com', 'talktalk.net', 'ntlworld.com', 'shaw.ca', 'rogers.com',
  'sympatico.ca', 'telus.net', 'bigpond.com', 'optusnet.com.au', 'comcast.com', 'verizon.com',
  'att.com', 'example.org', 'example.net',
];
