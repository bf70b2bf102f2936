import { companyDomainFromEmail } from '../identity/company-domain';
import { aliasEmail, cleanEmail, domainOfEmail } from '../identity/email';
import { valueOf } from '../identity/problem';
import type { EmailAddress, EmailThreadCapture, MessageDirection } from './capture';

/** Addresses and domains never logged [S8]: the team's own domain by default, and any the rep adds. */
export interface NeverLogList {
  domains: readonly string[];
  addresses: readonly string[];
}

/** One message to log as an Interaction. */
export interface PlannedMessage {
  externalId: string;
  at: string;
  direction: MessageDirection;
  subject?: string;
  summary?: string;
  /** Participants of this message that are logged (neither the rep nor never-logged), by cleaned address. */
  emails: string[];
}

export interface ThreadPlan {
  /** Everyone to create or update, once each, with the best display name any message gave. */
  people: EmailAddress[];
  messages: PlannedMessage[];
  skipped: Array<{ messageId: string; reason: 'no date' | 'nobody to log' }>;
}

const keyOf = (email: string) => valueOf(cleanEmail(email)) && valueOf(aliasEmail(valueOf(cleanEmail(email))!));

/**
 * What saving a thread means, decided once and purely: the rep's own addresses (the signed-in account, the
 * configured address, aliases by Gmail's rules) give the direction and are never people; never-logged
 * addresses and domains (and the rep's own company domain) are left out; a message without a readable date
 * or with nobody left to log is skipped and said so. The message id becomes `gmail:<id>`, the key that makes
 * saving twice add nothing.
 */
export function planThread(capture: EmailThreadCapture, ownAddresses: readonly string[], neverLog: NeverLogList): ThreadPlan {
  const own = new Set(ownAddresses.map(keyOf).filter(Boolean));
  const ownDomains = ownAddresses.map((a) => valueOf(companyDomainFromEmail(a))).filter((d): d is string => !!d);
  const domains = [...neverLog.domains, ...ownDomains].map((d) => d.toLowerCase());
  const blocked = new Set(neverLog.addresses.map(keyOf).filter(Boolean));
  const isOwn = (a: EmailAddress) => own.has(keyOf(a.email));
  const isNeverLogged = (a: EmailAddress) => {
    const domain = domainOfEmail(a.email);
    return blocked.has(keyOf(a.email)) || domains.some((d) => domain === d || domain.endsWith(`.${d}`));
  };
  const people = new Map<string, EmailAddress>();
  const messages: PlannedMessage[] = [];
  const skipped: ThreadPlan['skipped'] = [];
  for (const message of capture.messages) {
    const everyone = [...(message.from ? [message.from] : []), ...message.recipients];
    const logged = everyone.filter((a) => !isOwn(a) && !isNeverLogged(a));
    if (!message.at) skipped.push({ messageId: message.messageId, reason: 'no date' });
    else if (logged.length === 0) skipped.push({ messageId: message.messageId, reason: 'nobody to log' });
    else {
      const fromRep = !!message.from && isOwn(message.from);
      const fromTeam = !!message.from && !fromRep && isNeverLogged(message.from);
      messages.push({
        externalId: `gmail:${message.messageId}`,
        at: message.at,
        direction: fromRep || fromTeam ? 'outbound' : 'inbound',
        subject: capture.fields.subject?.value,
        summary: message.snippet,
        emails: [...new Set(logged.map((a) => a.email))],
      });
      for (const a of logged) {
        const known = people.get(keyOf(a.email)!);
        if (!known || (!known.name && a.name)) people.set(keyOf(a.email)!, a);
      }
    }
  }
  return { people: [...people.values()], messages, skipped };
}
