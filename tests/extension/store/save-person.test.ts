import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { saveCapturedPerson } from '../../../extension/store/save-person';
import type { PersonCapture } from '../../../shared/capture/capture';
import { aPerson, freshDb } from '../support';

const clip = (fields: Record<string, string>, url = 'https://www.linkedin.com/in/ada-lovelace/'): PersonCapture => ({
  kind: 'person',
  source: 'linkedin',
  url,
  fields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { value, confidence: 0.9, strategy: 'json-ld' }])),
  missing: [],
});
const at = (minute: number) => {
  let n = 0;
  return { owner: 'rep@clipsheet.test', now: `2026-06-01T09:0${minute}:00.000Z`, newId: () => `new-${minute}-${++n}` };
};

test.each([
  ['an email written with Gmail dots, a plus tag and capitals', { fullName: 'Ada Lovelace', email: 'Ada.Lovelace+crm@googlemail.com' }],
  ['a phone in Persian digits with the country code', { fullName: 'Ada L.', phone: '+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷' }],
  ['a LinkedIn URL in another locale', { fullName: 'Ada', linkedinUrl: 'https://uk.linkedin.com/in/Ada-Lovelace/fr/?trk=x' }],
])('a capture sharing an exact identity key with a stored person merges into them: %s', async (_, fields) => {
  const db = freshDb();
  await db.people.put(aPerson({ id: 'ada', fullName: 'Ada Lovelace', emails: ['adalovelace@gmail.com'], phones: ['+989121234567'], linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace' }));
  const saved = await saveCapturedPerson(db, clip({ ...fields, title: 'Analyst' }), at(1));
  expect(saved).toMatchObject({ created: false, person: { id: 'ada', title: 'Analyst' }, possibleDuplicates: [] });
  expect(await db.people.count()).toBe(1);
  expect(await db.outbox.count()).toBe(1);
});

test('the same name at the same company is created, and named as a possible duplicate for the merge review', async () => {
  const db = freshDb();
  await db.people.put(aPerson({ id: 'ali', fullName: 'علی رضایی', company: 'فولاد مبارکه' }));
  const saved = await saveCapturedPerson(db, clip({ fullName: 'علي رضايي', company: 'شرکت فولاد مباركه' }, 'https://example.com/team'), at(1));
  expect(saved).toMatchObject({ created: true, possibleDuplicates: ['ali'] });
  expect(await db.people.count()).toBe(2);
});

test('a tombstone is never merged into: the person is created again', async () => {
  const db = freshDb();
  await db.people.put(aPerson({ id: 'gone', fullName: 'Ada Lovelace', emails: ['ada@example.com'], deleted: true }));
  expect(await saveCapturedPerson(db, clip({ fullName: 'Ada Lovelace', email: 'ada@example.com' }), at(1))).toMatchObject({ created: true, possibleDuplicates: [] });
});
