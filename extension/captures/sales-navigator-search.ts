import type { PageCapture } from '../../shared/capture/capture';
import { css } from './linkedin-selectors';
import { readLead } from './sales-navigator-lead';
import { pageOf } from './strategy';

const MAX_RESULTS = 100; // a list page shows 25; a hostile page cannot make us read thousands

/**
 * A Sales Navigator search or lead list: each result read like a lead page, scoped to its own list item, so
 * one result's company can never be another's. Results without a name are left out.
 */
export function extractSalesNavigatorSearch(doc: Document, url: string): PageCapture {
  const page = pageOf(doc, url);
  const items = new Set<Element>();
  for (const name of doc.querySelectorAll(css('leadName'))) {
    const item = name.closest(css('searchResult'));
    if (item && items.size < MAX_RESULTS) items.add(item);
  }
  const people = [...items].map((item) => readLead(page, item, true)).filter((person) => person.fields.fullName);
  return { kind: 'page', source: 'linkedin', url, people, organisations: [] };
}

// Fixtures: sites/www.linkedin.com/sales/search/people/index.html
