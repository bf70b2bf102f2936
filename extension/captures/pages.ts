/**
 * Which page is which, as pure functions of a URL, each with real example URLs; a test checks that every
 * predicate accepts its own examples and rejects everyone else's.
 */
export interface PagePredicate {
  test(url: URL): boolean;
  examples: string[];
}

const onLinkedin = (url: URL) => url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com');

export const PAGES = {
  linkedinProfile: {
    test: (url: URL) => onLinkedin(url) && /^\/(?:in|pub)\/[^/]+/.test(url.pathname),
    examples: ['https://www.linkedin.com/in/ada-lovelace/', 'https://www.linkedin.com/in/ada-lovelace/details/experience/', 'https://uk.linkedin.com/in/ada', 'https://www.linkedin.com/in/%D8%B3%D8%A7%D8%B1%D8%A7/'],
  },
} satisfies Record<string, PagePredicate>;

export type PageName = keyof typeof PAGES;

export function isPage(name: PageName, href: string): boolean {
  try {
    return PAGES[name].test(new URL(href));
  } catch {
    return false;
  }
}
