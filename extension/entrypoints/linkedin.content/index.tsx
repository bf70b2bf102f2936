import { defineContentScript } from '#imports';
import { cleanText } from '../../captures/dom';
import { extractLinkedinCompany } from '../../captures/linkedin-company';
import { extractLinkedinProfile } from '../../captures/linkedin-profile';
import { extractSalesNavigatorLead } from '../../captures/sales-navigator-lead';
import { extractSalesNavigatorSearch } from '../../captures/sales-navigator-search';
import { isLinkedinCompany, isLinkedinProfile, isSalesNavigatorLead, isSalesNavigatorSearch } from '../../captures/pages';
import { css } from '../../captures/linkedin-selectors';
import { runCaptures } from '../../captures/ui/run-captures';

/**
 * LinkedIn is a single-page app: the script runs on every LinkedIn page and offers the capture for the
 * current URL (profile, company, Sales Navigator lead or list), again after each in-app navigation.
 */
export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://*.linkedin.com/*'],
  // The bar's styles travel inside the script into its shadow root (captures/ui/shadow-root.ts); no stylesheet
  // reaches the page itself.
  cssInjectionMode: 'manual',
  main(ctx) {
    runCaptures(ctx, [
      // The page's heading shows the name once LinkedIn has rendered the profile, not just fetched it.
      { page: 'linkedinProfile', test: isLinkedinProfile, extract: extractLinkedinProfile, complete: (c) => c.kind === 'person' && cleanText(document.querySelector(css('profileHeading'))?.textContent) === c.fields.fullName?.value },
      { page: 'linkedinCompany', test: isLinkedinCompany, extract: extractLinkedinCompany, label: 'Save company to Clipsheet' },
      { page: 'salesNavigatorLead', test: isSalesNavigatorLead, extract: extractSalesNavigatorLead },
      { page: 'salesNavigatorSearch', test: isSalesNavigatorSearch, extract: extractSalesNavigatorSearch },
    ]);
  },
});
