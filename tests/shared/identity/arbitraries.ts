// fast-check generators for identity properties. Values come from small pools of real variant spellings
// (Persian and English) so that generated records collide often: a property over records that never share
// a key would pass whatever the matcher or merge did.
import fc from 'fast-check';
import type { HistoryEntry, Organisation, Person, ProvenanceEntry } from '../../../shared/model';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Any text at all, including control characters, invisibles, lone surrogates and Arabic marks. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'A', ' ', '.', '+', '@', '=', '-', '\u200C', '\u200F', '\u0000', '\uD800', 'ي', 'ك', 'ی', 'ک', 'َ', 'ـ', '۱', 'İ', 'ﻙ', 'Ａ'), maxLength: 20 }),
);

const given = ['Ali', 'ali', 'ALI', 'علی', 'علي', 'Sara', 'سارا', 'Kian', 'کیان', 'كيان', 'Reza', 'رضا'];
const family = ['Rezaei', 'رضایی', 'رضايي', 'Karimi', 'کریمی', 'كريمي', 'Ahmadi', 'احمدی', 'مُحَمَّدی'];
const titles = ['', '', 'Dr. ', 'Mr ', 'دکتر ', 'آقای ', 'مهندس '];
const spaces = [' ', '  ', '\u00A0', '\t', ' \u200F'];

/** A person's name in one of its spellings. */
export const nameText = fc
  .tuple(fc.constantFrom(...titles), fc.constantFrom(...given), fc.constantFrom(...spaces), fc.constantFrom(...family))
  .map(([title, g, space, f]) => `${title}${g}${space}${f}`);

/** A company name in one of its spellings. */
export const companyText = fc.constantFrom('Mapna', 'MAPNA Ltd', 'شرکت مپنا', 'مپنا (سهامی عام)', 'Acme, Inc.', 'acme', 'فولاد مبارکه', 'فولاد مباركه');

/** An email address in one of its spellings, free-mail and company domains mixed. */
export const emailText = fc
  .tuple(
    fc.constantFrom('ali', 'a.li', 'Ali', 'sara', 'sa.ra+crm', 'ali+news', 'kian'),
    fc.constantFrom('gmail.com', 'GoogleMail.com', 'outlook.com', 'acme.ir', 'mail.acme.ir', 'مثال.ایران', 'chmail.ir', 'mapna.co.ir'),
    fc.constantFrom('', ' ', '\u200F'),
  )
  .chain(([local, domain, pad]) => fc.constantFrom(`${pad}${local}@${domain}${pad}`, `mailto:${local}@${domain}`, `Ali <${local}@${domain}>`, `mailto:=${local}@${domain}`, `<+${local}@${domain}>`));

/** An Iranian mobile number in one of its spellings (few distinct numbers, many writings). */
export const phoneText = fc.tuple(fc.constantFrom('1234567', '7654321'), fc.constantFrom('0912', '+98 912', '0098912', '912'), fc.constantFrom('latin', 'persian', 'arabic')).map(([rest, prefix, digits]) => {
  const text = `${prefix} ${rest.slice(0, 3)} ${rest.slice(3)}`;
  const table = digits === 'persian' ? PERSIAN_DIGITS : digits === 'arabic' ? ARABIC_DIGITS : undefined;
  return table ? text.replace(/[0-9]/g, (d) => table[Number(d)]!) : text;
});

/** A LinkedIn profile URL in one of its forms. */
export const linkedinText = fc
  .tuple(fc.constantFrom('https://www.', 'http://', 'https://uk.', 'https://m.', ''), fc.constantFrom('ali-rezaei', 'Ali-Rezaei', 'sara', 'علی-رضایی'), fc.constantFrom('', '/', '/fr/', '/?trk=x', '/details/experience/'))
  .map(([prefix, id, suffix]) => `${prefix}linkedin.com/in/${id}${suffix}`)
  .chain((url) => fc.constantFrom(url, url, 'https://www.linkedin.com/pub/ali-rezaei/a7/576/b50', 'https://www.linkedin.com/in/ali-rezaei-b50576a7'));

const instants = ['2026-01-01T00:00:00.000Z', '2026-01-01T03:30:00+03:30', '2026-02-01T00:00:00.000Z', '2025-12-31T00:00:00.000Z'];
const provenanceEntry: fc.Arbitrary<ProvenanceEntry> = fc.record(
  { source: fc.constantFrom('linkedin', 'gmail', 'manual', 'sheet'), at: fc.constantFrom(...instants), by: fc.constantFrom('rep-a', 'rep-b') },
  { requiredKeys: ['source', 'at'] },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const historyEntry: fc.Arbitrary<HistoryEntry> = fc.record(
  { field: fc.constantFrom('title', 'notes:overflow', 'id'), value: fc.constantFrom('old', 'x-1', 'earlier'), replacedAt: fc.constantFrom(...instants) },
);

/** A valid person whose fields come from small pools, with provenance that ties, differs or is missing. */
export const person: fc.Arbitrary<Person> = fc
  .record({
    id: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    revision: fc.nat(5),
    createdAt: fc.constantFrom(...instants),
    updatedAt: fc.constantFrom(...instants),
    deleted: fc.boolean(),
    owner: fc.constantFrom('rep-a@acme.ir', 'rep-b@acme.ir'),
    fullName: fc.constantFrom('Ali Rezaei', 'علی رضایی', 'Sara'),
    title: maybe(fc.constantFrom('CEO', 'CTO', 'مدیرعامل')),
    company: maybe(companyText),
    location: maybe(fc.constantFrom('Tehran', 'تهران')),
    stage: fc.constantFrom('suspect', 'prospect', 'client'),
    doNotContact: fc.boolean(),
    lastContactAt: maybe(fc.constantFrom(...instants)),
    emails: fc.uniqueArray(emailText, { maxLength: 3 }),
    phones: fc.uniqueArray(phoneText, { maxLength: 2 }),
    tags: fc.uniqueArray(fc.constantFrom('vip', 'VIP', 'webinar', 'وبینار', 'expo'), { maxLength: 3 }),
    notes: maybe(fc.constantFrom('Met at expo.', 'Wants a demo.', 'تماس گرفت.', 'Met at expo.\n\n---\n\nWants a demo.')),
    provenance: fc.dictionary(fc.constantFrom('fullName', 'title', 'company', 'location', 'owner', 'stage', 'doNotContact', 'emails', 'notes'), provenanceEntry, { maxKeys: 5 }),
    history: fc.uniqueArray(historyEntry, { maxLength: 2, selector: (entry) => JSON.stringify(entry) }),
  })
  .map((record) => JSON.parse(JSON.stringify(record)) as Person); // drop undefined members, as a stored record has none

/** An organisation's LinkedIn page in one of its forms (and, rarely, a person's profile pasted by mistake). */
export const companyPageText = fc
  .tuple(fc.constantFrom('https://www.', 'https://uk.', ''), fc.constantFrom('company/mapna', 'company/MAPNA', 'company/mapna-group', 'school/sharif', 'in/ali-rezaei'), fc.constantFrom('', '/', '/about/', '/?trk=x'))
  .map(([prefix, path, suffix]) => `${prefix}linkedin.com/${path}${suffix}`);

/** A website in one of its writings, company and free-mail hosts mixed. */
export const websiteText = fc.constantFrom('https://www.mapna.com', 'mapna.com/fa', 'http://blog.MAPNA.com', 'https://mapna.ir', 'https://acme.ir', 'https://gmail.com', 'acme.github.io', 'rival.github.io');

/** A valid organisation whose fields come from small pools, with provenance that ties, differs or is missing. */
export const organisation: fc.Arbitrary<Organisation> = fc
  .record({
    id: fc.constantFrom('o1', 'o2', 'o3', 'o4'),
    revision: fc.nat(5),
    createdAt: fc.constantFrom(...instants),
    updatedAt: fc.constantFrom(...instants),
    deleted: fc.boolean(),
    owner: fc.constantFrom('rep-a@acme.ir', 'rep-b@acme.ir'),
    name: companyText,
    domain: maybe(fc.constantFrom('mapna.com', 'acme.ir', 'mapna.ir')),
    website: maybe(websiteText),
    linkedinUrl: maybe(companyPageText.filter((url) => !url.includes('/in/'))),
    industry: maybe(fc.constantFrom('Energy', 'انرژی', 'Steel')),
    stage: fc.constantFrom('suspect', 'prospect', 'client'),
    tags: fc.uniqueArray(fc.constantFrom('vip', 'VIP', 'webinar', 'وبینار', 'expo'), { maxLength: 3 }),
    notes: maybe(fc.constantFrom('Met at expo.', 'Wants a demo.', 'تماس گرفت.')),
    provenance: fc.dictionary(fc.constantFrom('name', 'domain', 'website', 'industry', 'owner', 'stage', 'notes'), provenanceEntry, { maxKeys: 5 }),
    history: fc.uniqueArray(historyEntry, { maxLength: 2, selector: (entry) => JSON.stringify(entry) }),
  })
  .map((record) => JSON.parse(JSON.stringify(record)) as Organisation);
