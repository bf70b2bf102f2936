import type { SelectorExpectation } from './linkedin-selectors';

/**
 * Every CSS selector the Gmail extractor uses, each with its match count on a named fixture (under
 * tests/fixtures/). Attributes Gmail's own code depends on (`data-message-id`, `email`, `data-thread-perm-id`)
 * come first; its minified class names (`gD`, `g2`, `hP`) are the fallback.
 */
const THREAD = 'sites/mail.google.com/mail/u/0/index.html';

/** The selectors, by name. */
export const GMAIL = {
  message: '[data-legacy-message-id], [data-message-id]',
  address: '[email]',
  sender: 'h3 [email]',
  senderClass: '.gD',
  recipientClass: '.g2',
  subject: 'h2[data-thread-perm-id], h2[data-legacy-thread-id]',
  legacyThreadId: '[data-legacy-thread-id]',
  permThreadId: '[data-thread-perm-id]',
  subjectClass: 'h2.hP',
  dated: '[title]',
  account: '[aria-label^="Google Account"], [aria-label^="حساب Google"]',
  snippetClass: '.a3s, .iA.g6',
} as const;

/** Each selector's expected match count on a fixture. */
export const GMAIL_EXPECTED: Record<keyof typeof GMAIL, SelectorExpectation> = {
  message: { fixture: THREAD, count: 3 },
  address: { fixture: THREAD, count: 7 },
  sender: { fixture: THREAD, count: 3 },
  senderClass: { fixture: THREAD, count: 3 },
  recipientClass: { fixture: THREAD, count: 4 },
  subject: { fixture: THREAD, count: 1 },
  legacyThreadId: { fixture: THREAD, count: 1 },
  permThreadId: { fixture: THREAD, count: 1 },
  subjectClass: { fixture: THREAD, count: 1 },
  dated: { fixture: THREAD, count: 3 },
  account: { fixture: THREAD, count: 1 },
  snippetClass: { fixture: THREAD, count: 3 },
};

/** The CSS of a named selector. */
export const gmailCss = (name: keyof typeof GMAIL) => GMAIL[name];
