import type { Capture } from '../../shared/capture/capture';
import { extractGmailThread } from './gmail-thread';
import { extractLinkedinCompany } from './linkedin-company';
import { extractLinkedinProfile } from './linkedin-profile';
import { extractSalesNavigatorLead } from './sales-navigator-lead';
import { extractSalesNavigatorSearch } from './sales-navigator-search';
import { extractWebPage } from './web-page';
import type { PageName } from './pages';

/** One capture: its id (= file name), the page it runs on, and its pure extractor. */
export interface CaptureEntry {
  id: string;
  page: PageName;
  extract: (doc: Document, url: string) => Capture;
}

/**
 * Every capture, for the CLI, the tests and the conventions check. Content scripts import only their own
 * extractors (a LinkedIn page must not carry the Gmail code), so this list is not bundled into them.
 */
export const CAPTURES: CaptureEntry[] = [
  { id: 'linkedin-profile', page: 'linkedinProfile', extract: extractLinkedinProfile },
  { id: 'linkedin-company', page: 'linkedinCompany', extract: extractLinkedinCompany },
  { id: 'sales-navigator-lead', page: 'salesNavigatorLead', extract: extractSalesNavigatorLead },
  { id: 'sales-navigator-search', page: 'salesNavigatorSearch', extract: extractSalesNavigatorSearch },
  { id: 'gmail-thread', page: 'gmailThread', extract: extractGmailThread },
  { id: 'web-page', page: 'webPage', extract: (doc, url) => extractWebPage(doc, url) },
];

/** The capture for a URL: the first whose page predicate accepts it. */
export function captureFor(href: string, isPage: (name: PageName, href: string) => boolean): CaptureEntry | undefined {
  return CAPTURES.find((entry) => isPage(entry.page, href));
}
