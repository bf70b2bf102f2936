// Mailbox providers anyone can sign up to: an address there says nothing about the person's employer, so
// its domain is never a company domain. Lists are registrable domains (what tldts' getDomain returns).

// Brands that register the same service under many country suffixes (yahoo.co.jp, hotmail.de, gmx.at).
const BRANDS = new Set(['gmail', 'googlemail', 'yahoo', 'ymail', 'rocketmail', 'hotmail', 'outlook', 'gmx', 'yandex', 'aol', 'protonmail']);

const DOMAINS = new Set([
  // International
  'live.com', 'live.co.uk', 'live.fr', 'msn.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'pm.me',
  'tutanota.com', 'tuta.io', 'zohomail.com', 'mail.com', 'email.com', 'fastmail.com', 'hey.com', 'hushmail.com',
  'inbox.com', 'gmx.net', 'web.de', 't-online.de', 'freenet.de', 'orange.fr', 'free.fr', 'laposte.net', 'sfr.fr',
  'libero.it', 'virgilio.it', 'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl', 'onet.pl', 'rediffmail.com',
  'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'daum.net', 'comcast.net', 'verizon.net', 'att.net',
  'btinternet.com', 'sky.com', 'bigpond.com', 'shaw.ca', 'rogers.com', 'uol.com.br', 'bol.com.br', 'terra.com.br',
  // Russian-speaking providers, widely used in Iran and Central Asia
  'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'internet.ru', 'ya.ru', 'rambler.ru',
  // Iranian providers
  'chmail.ir', 'mailfa.com', 'iran.ir',
]);

/** Whether a registrable domain belongs to a free-mail provider (gmail.com, yahoo.co.uk, chmail.ir...). */
export function isFreeMailDomain(domain: string): boolean {
  return DOMAINS.has(domain) || BRANDS.has(domain.slice(0, domain.indexOf('.')));
}
