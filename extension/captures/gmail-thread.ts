import { EMAIL_THREAD_FIELDS, type EmailAddress, type EmailMessageCapture, type EmailThreadCapture, type EmailThreadField } from '../../shared/capture/capture';
import { all, cleanText } from './dom';
import { parseGmailDate } from './gmail-date';
import { gmailCss } from './gmail-selectors';
import { pageOf, runPlans, TRUST, type FieldPlan } from './strategy';
import * as check from './validate';

const MAX_MESSAGES = 200;
const SNIPPET = 200;
const ME = /^(?:me|من|moi|ich|yo)$/i;
const EMAIL_IN_TEXT = /[^\s()<>"]+@[^\s()<>"]+\.[^\s()<>"]+/;
// Everything read across the page, found in one walk; what is read inside a message is looked up there.
const ACROSS_PAGE = (['subject', 'subjectClass', 'legacyThreadId', 'permThreadId', 'account', 'message'] as const).map(gmailCss);

/** Subject, thread id and the signed-in account: Gmail's data attributes first, classes and the title last. */
const PLANS: Partial<Record<EmailThreadField, FieldPlan>> = {
  subject: {
    check: check.text,
    strategies: [
      { name: 'attr:data-thread-perm-id', confidence: TRUST.structured, read: ({ doc }) => cleanText(all(doc, gmailCss('subject'))[0]?.textContent) },
      { name: 'class:hP', confidence: TRUST.classes, read: ({ doc }) => cleanText(all(doc, gmailCss('subjectClass'))[0]?.textContent) },
    ],
  },
  threadId: {
    check: (value) => (/^[\w:#-]{6,80}$/.test(value) ? value.replace(/^#/, '') : undefined),
    strategies: [
      { name: 'attr:data-legacy-thread-id', confidence: TRUST.structured, read: ({ doc }) => all(doc, gmailCss('legacyThreadId'))[0]?.getAttribute('data-legacy-thread-id') },
      { name: 'attr:data-thread-perm-id', confidence: TRUST.structured, read: ({ doc }) => all(doc, gmailCss('permThreadId'))[0]?.getAttribute('data-thread-perm-id') },
      { name: 'url', confidence: TRUST.meta, read: ({ url }) => /\/([A-Za-z0-9]{16,})$/.exec(url.hash)?.[1] },
    ],
  },
  account: {
    check: check.email,
    strategies: [
      { name: 'aria-label', confidence: TRUST.aria, read: ({ doc }) => EMAIL_IN_TEXT.exec(all(doc, gmailCss('account'))[0]?.getAttribute('aria-label') ?? '')?.[0] },
      { name: 'title', confidence: TRUST.meta, read: ({ doc }) => / - ([^\s]+@[^\s]+) - Gmail$/.exec(doc.title)?.[1] },
    ],
  },
};

// One address element: Gmail puts the address in `email` (and the hovercard id) and the display name in `name`.
function addressOf(element: Element): EmailAddress | undefined {
  const email = check.email(element.getAttribute('email') ?? element.getAttribute('data-hovercard-id') ?? '');
  if (!email) return undefined;
  const shown = check.name(element.getAttribute('name') ?? element.textContent ?? '');
  // Gmail calls the rep "me" (من in Persian): a pronoun, not a name.
  return shown && !ME.test(shown) && check.email(shown) !== email ? { email, name: shown } : { email };
}

function readMessage(element: Element, byClass: boolean): EmailMessageCapture | undefined {
  const id = element.getAttribute('data-legacy-message-id') ?? element.getAttribute('data-message-id')?.replace(/^#/, '');
  if (!id || !/^[\w:-]{6,80}$/.test(id)) return undefined; // without an id, saving twice could log it twice
  // The sender is the address in the message's heading; the rest of the header's addresses are recipients.
  const senderElement = element.querySelector(gmailCss(byClass ? 'senderClass' : 'sender')) ?? undefined;
  const from = senderElement && addressOf(senderElement);
  const recipients = new Map<string, EmailAddress>();
  for (const el of element.querySelectorAll(gmailCss(byClass ? 'recipientClass' : 'address'))) {
    const address = el === senderElement ? undefined : addressOf(el);
    if (address && address.email !== from?.email && !recipients.has(address.email)) recipients.set(address.email, address);
  }
  const at = [...element.querySelectorAll(gmailCss('dated'))].map((el) => parseGmailDate(el.getAttribute('title'))).find(Boolean);
  const snippet = cleanText(textWithBreaks(element.querySelector(gmailCss('snippetClass'))))?.slice(0, SNIPPET);
  return { messageId: id, from, recipients: [...recipients.values()], at, snippet, strategy: byClass ? 'class:gD' : 'attr:email' };
}

// textContent runs lines together at <br> and block ends ("week.Best"); a snippet needs the spaces.
function textWithBreaks(node: Node | null, out: string[] = []): string {
  if (!node || out.length > SNIPPET) return out.join('');
  if (node.nodeType === 3) out.push(node.nodeValue ?? '');
  else if ((node as Element).tagName === 'BR') out.push(' ');
  else {
    for (const child of node.childNodes) textWithBreaks(child, out);
    if (/^(?:DIV|P|LI|TR|BLOCKQUOTE)$/.test((node as Element).tagName ?? '')) out.push(' ');
  }
  return out.join('');
}

/** A Gmail thread as rendered: subject, ids, account, and each message with an id; no messages, no capture. */
export function extractGmailThread(doc: Document, url: string): EmailThreadCapture {
  const { fields, missing } = runPlans(pageOf(doc, url, ACROSS_PAGE), PLANS, EMAIL_THREAD_FIELDS);
  const containers = all(doc, gmailCss('message')).filter((el) => !el.parentElement?.closest(gmailCss('message')));
  let messages = containers.slice(0, MAX_MESSAGES).map((el) => readMessage(el, false));
  // Attributes first; Gmail's classes only when the attributes named no sender at all.
  if (!messages.some((m) => m?.from)) messages = containers.slice(0, MAX_MESSAGES).map((el) => readMessage(el, true));
  const found = messages.filter((m): m is EmailMessageCapture => !!m && (!!m.from || m.recipients.length > 0));
  if (found.length === 0) return { kind: 'email-thread', source: 'gmail', url, fields: {}, messages: [], missing: [...EMAIL_THREAD_FIELDS] };
  return { kind: 'email-thread', source: 'gmail', url, fields, messages: found, missing };
}

// Fixtures: sites/mail.google.com/mail/u/0/index.html, pages/gmail/thread-many-participants.html, pages/gmail/thread-aliases.html, pages/gmail/thread-persian-calendar.html
