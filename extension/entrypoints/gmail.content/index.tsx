import { defineContentScript } from '#imports';
import { extractGmailThread } from '../../captures/gmail-thread';
import { isGmailThread } from '../../captures/pages';
import { threadQueries } from '../../captures/ui/known-queries';
import { runCaptures } from '../../captures/ui/run-captures';

/**
 * Gmail is a single-page app whose threads live in the URL's hash: the script runs on mail.google.com and
 * offers "Save thread" whenever a thread is open, again after each change of thread.
 */
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // The bar's styles travel inside the script into its shadow root (captures/ui/shadow-root.ts); no stylesheet
  // reaches the page itself.
  cssInjectionMode: 'manual',
  main(ctx) {
    runCaptures(ctx, [{ page: 'gmailThread', test: isGmailThread, extract: extractGmailThread, known: threadQueries, label: 'Save thread to Clipsheet' }]);
  },
});
