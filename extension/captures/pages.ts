/**
 * Which page is which, as pure functions of a URL, each with real example URLs; a test checks that every
 * predicate accepts its own examples and rejects everyone else's. The examples are a separate table so
 * that content scripts do not carry them.
 */
const onLinkedin = (url: URL) => url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com');
const onGmail = (url: URL) => url.hostname === 'mail.google.com';
// A Gmail thread's hash ends with its token (`FMfcgz…`, 16+ letters and digits); `#inbox/p2` is a list page.
const GMAIL_THREAD = /^#(?:inbox|starred|snoozed|sent|drafts|imp|all|spam|trash|category\/\w+|label\/[^/]+|search\/[^/]+|advanced-search\/[^/]+)\/[A-Za-z0-9]{16,}$/;

/** A LinkedIn person profile, any locale subdomain, its detail pages and overlays. */
export const isLinkedinProfile = (url: URL) => onLinkedin(url) && /^\/(?:in|pub)\/[^/]+/.test(url.pathname);
/** A LinkedIn company, school or showcase page (overview or About tab). */
export const isLinkedinCompany = (url: URL) => onLinkedin(url) && /^\/(?:company|school|showcase)\/[^/]+\/?(?:about\/?)?$/.test(url.pathname);
/** A Sales Navigator lead page. */
export const isSalesNavigatorLead = (url: URL) => onLinkedin(url) && /^\/sales\/(?:lead|people)\/[^/]+/.test(url.pathname);
/** A Sales Navigator people search or lead list. */
export const isSalesNavigatorSearch = (url: URL) => onLinkedin(url) && /^\/sales\/(?:search\/people|lists\/people)/.test(url.pathname);
/** An open Gmail thread (the hash names a thread token; a list page does not). */
export const isGmailThread = (url: URL) => onGmail(url) && /^\/mail\/(?:u\/\d+\/)?$/.test(url.pathname) && GMAIL_THREAD.test(url.hash);
/** Any other web page (clipped on request through activeTab). */
export const isWebPage = (url: URL) => /^https?:$/.test(url.protocol) && !onLinkedin(url) && !onGmail(url);

// Content scripts import the predicates they need by name, so this table (and the examples) stay out of them.
export const PAGES = {
  linkedinProfile: isLinkedinProfile,
  linkedinCompany: isLinkedinCompany,
  salesNavigatorLead: isSalesNavigatorLead,
  salesNavigatorSearch: isSalesNavigatorSearch,
  gmailThread: isGmailThread,
  webPage: isWebPage,
};

export type PageName = keyof typeof PAGES;

/** Real URLs of each kind of page: every predicate must accept its own and reject everyone else's. */
export const PAGE_EXAMPLES: Record<PageName, string[]> = {
  linkedinProfile: [
      'https://www.linkedin.com/in/ada-lovelace/',
      'https://www.linkedin.com/in/ada-lovelace/details/experience/',
      'https://www.linkedin.com/in/kian-rostami/overlay/contact-info/',
      'https://uk.linkedin.com/in/ada',
      'https://www.linkedin.com/in/%D8%B3%D8%A7%D8%B1%D8%A7/',
    ],
  linkedinCompany: ['https://www.linkedin.com/company/parsian-robotics/', 'https://www.linkedin.com/company/parsian-robotics/about/', 'https://ir.linkedin.com/company/zagros-data', 'https://www.linkedin.com/school/fars-university/'],
  salesNavigatorLead: ['https://www.linkedin.com/sales/lead/ACwAAA1b2c3D4e5F6g7H8,NAME_SEARCH,x1Y2?_ntb=abc', 'https://www.linkedin.com/sales/people/ACwAAA1b2c3D4e5F6g7H8,name'],
  salesNavigatorSearch: ['https://www.linkedin.com/sales/search/people?query=(keywords%3Aprocurement)', 'https://www.linkedin.com/sales/lists/people/7012345678901234567?sortCriteria=CREATED_TIME'],
  gmailThread: ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmJhRvpBqmNcWlZkxTtN', 'https://mail.google.com/mail/u/1/#label/Clients/FMfcgzQXJWDsKmJhRvpBqmNcWlZkxTtN', 'https://mail.google.com/mail/u/0/#search/parsian/FMfcgzQXJWDsKmJhRvpBqmNcWlZkxTtN'],
  webPage: ['https://www.example-company.com/', 'https://www.example-company.com/team/ali-rezaei.html', 'http://blog.arya-novin.example/fa/درباره-ما'],
};

/** Whether a URL is a page of the given kind; a string that is not a URL is no page. */
export function isPage(name: PageName, href: string): boolean {
  try {
    return PAGES[name](new URL(href));
  } catch {
    return false;
  }
}

/** URLs no predicate may accept: LinkedIn's feed, Gmail's inbox list and a list's second page. */
export const NOBODY_PAGES = ['https://www.linkedin.com/feed/', 'https://mail.google.com/mail/u/0/#inbox', 'https://mail.google.com/mail/u/0/#inbox/p2', 'chrome://extensions/'];
