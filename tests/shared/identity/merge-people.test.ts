import { describe, expect, test } from 'vitest';
import { mergeAllPeople, mergePeople, NOTES_OVERFLOW, NOTES_SEPARATOR } from '../../../shared/identity';
import { Person } from '../../../shared/model';
import { from, makePerson } from './fixtures';

const AT = '2026-03-01T12:00:00.000Z';
const options = { at: AT, defaultCountry: 'IR' as const };

const older = makePerson({
  id: 'p-old',
  createdAt: '2025-01-01T00:00:00.000Z',
  fullName: 'Ali Rezaei',
  title: 'Engineer',
  company: 'Mapna',
  emails: ['ali@mapna.ir', 'Ali.Rezaei@Gmail.com'],
  phones: ['0912 123 4567'],
  tags: ['vip'],
  notes: 'Met at Iran Expo.',
  provenance: { title: from('linkedin', '2025-06-01T00:00:00.000Z', 'rep-a'), fullName: from('gmail', '2025-06-01T00:00:00.000Z') },
});
const newer = makePerson({
  id: 'p-new',
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-02T00:00:00.000Z',
  revision: 4,
  fullName: 'علی رضایی',
  title: 'Head of Engineering',
  company: 'Mapna',
  location: 'Tehran',
  emails: ['alirezaei@gmail.com', 'ali@newco.ir'],
  phones: ['+98 912 123 4567'],
  tags: ['VIP', 'webinar'],
  notes: 'Asked for a demo.',
  provenance: { title: from('manual', '2026-02-01T00:00:00.000Z'), fullName: from('linkedin', '2026-02-01T00:00:00.000Z') },
});

describe('mergePeople', () => {
  const merged = mergePeople(older, newer, options);

  test('the record created first keeps its id; the other id is kept in history', () => {
    expect(merged.id).toBe('p-old');
    expect(merged.createdAt).toBe(older.createdAt);
    expect(merged.history).toContainEqual({ field: 'id', value: 'p-new', replacedAt: AT });
  });

  test('the newest value of each field wins, with its provenance; the loser goes to history with its own', () => {
    expect(merged.title).toBe('Head of Engineering');
    expect(merged.provenance.title).toEqual(newer.provenance.title);
    expect(merged.history).toContainEqual({ field: 'title', value: 'Engineer', source: 'linkedin', at: '2025-06-01T00:00:00.000Z', by: 'rep-a', replacedAt: AT });
    expect(merged.fullName).toBe('علی رضایی');
    expect(merged.history).toContainEqual(expect.objectContaining({ field: 'fullName', value: 'Ali Rezaei', source: 'gmail' }));
  });

  test('a value only one record has is kept, and equal values leave no history', () => {
    expect(merged.location).toBe('Tehran');
    expect(merged.company).toBe('Mapna');
    expect(merged.history.filter((entry) => entry.field === 'company' || entry.field === 'location')).toEqual([]);
  });

  test('lists are unioned, one item per identity key, the other spellings kept in history', () => {
    expect(merged.emails).toEqual(['ali@mapna.ir', 'ali@newco.ir', 'Ali.Rezaei@Gmail.com']); // in key order
    expect(merged.history).toContainEqual({ field: 'emails', value: 'alirezaei@gmail.com', replacedAt: AT });
    expect(merged.phones).toEqual(['+98 912 123 4567']);
    expect(merged.history).toContainEqual({ field: 'phones', value: '0912 123 4567', replacedAt: AT });
    expect(merged.tags).toEqual(['VIP', 'webinar']);
  });

  test('notes are joined, never overwritten', () => {
    expect(merged.notes).toBe(`Asked for a demo.${NOTES_SEPARATOR}Met at Iran Expo.`);
  });

  test('record fields: newest update, highest revision, alive if either is', () => {
    expect(merged.updatedAt).toBe(AT);
    expect(merged.revision).toBe(4);
    expect(mergePeople({ ...older, deleted: true }, newer, options).deleted).toBe(false);
    expect(mergePeople({ ...older, deleted: true }, { ...newer, deleted: true }, options).deleted).toBe(true);
  });

  test('the result is a valid person', () => {
    expect(() => Person.schema.parse(merged)).not.toThrow();
  });

  test('do-not-contact sticks even when the newer record says otherwise', () => {
    const optedOut = { ...older, doNotContact: true, provenance: { doNotContact: from('manual', '2025-01-01T00:00:00.000Z') } };
    const result = mergePeople(optedOut, { ...newer, doNotContact: false, provenance: { doNotContact: from('sheet', '2026-01-01T00:00:00.000Z') } }, options);
    expect(result.doNotContact).toBe(true);
    expect(result.history).toContainEqual(expect.objectContaining({ field: 'doNotContact', value: false }));
  });

  test('the latest contact is the latest, whichever record saw it', () => {
    const result = mergePeople({ ...older, lastContactAt: '2026-02-20T00:00:00.000Z' }, { ...newer, lastContactAt: '2026-01-01T00:00:00.000Z' }, options);
    expect(result.lastContactAt).toBe('2026-02-20T00:00:00.000Z');
  });

  test('timestamps compare as instants, not text: Tehran time against UTC', () => {
    const tehran = { ...older, title: 'Tehran', provenance: { title: from('web', '2026-01-01T03:00:00+03:30') } }; // 23:30Z the day before
    const utc = { ...newer, title: 'UTC', provenance: { title: from('web', '2026-01-01T00:00:00Z') } };
    expect(mergePeople(tehran, utc, options).title).toBe('UTC');
  });

  test('a value without provenance yields to one with it', () => {
    const bare = { ...newer, title: 'Bare', provenance: {} };
    expect(mergePeople(older, bare, options).title).toBe('Engineer');
  });

  test('equal timestamps: a rep\'s manual edit beats a capture', () => {
    const same = '2026-01-01T00:00:00.000Z';
    const captured = { ...older, title: 'Captured', provenance: { title: from('linkedin', same) } };
    const typed = { ...newer, title: 'Typed', provenance: { title: from('manual', same) } };
    expect(mergePeople(captured, typed, options).title).toBe('Typed');
    expect(mergePeople(typed, captured, options).title).toBe('Typed');
  });

  test('notes beyond the limit wait in history and come back when there is room', () => {
    const a = makePerson({ id: 'a', notes: 'aaaa' });
    const b = makePerson({ id: 'b', notes: 'bbbb' });
    const tight = mergePeople(a, b, { ...options, notesLimit: 6 });
    expect(tight.notes).toBe('aaaa');
    expect(tight.history).toContainEqual({ field: NOTES_OVERFLOW, value: 'bbbb', replacedAt: AT });
    const roomy = mergePeople(tight, makePerson({ id: 'c' }), { ...options, notesLimit: 100 });
    expect(roomy.notes).toBe(`aaaa${NOTES_SEPARATOR}bbbb`);
    expect(roomy.history.some((entry) => entry.field === NOTES_OVERFLOW)).toBe(false);
  });

  test('lists beyond the limit keep the rest in history', () => {
    const a = makePerson({ id: 'a', tags: ['t1', 't3'] });
    const b = makePerson({ id: 'b', tags: ['t2', 't4'] });
    const merged = mergePeople(a, b, { ...options, listLimit: 3 });
    expect(merged.tags).toEqual(['t1', 't2', 't3']);
    expect(merged.history).toContainEqual({ field: 'tags', value: 't4', replacedAt: AT });
  });

  test('mergeAllPeople folds a cluster; none gives undefined', () => {
    expect(mergeAllPeople([], options)).toBeUndefined();
    const three = mergeAllPeople([newer, older, makePerson({ id: 'p-mid', createdAt: '2025-06-01T00:00:00.000Z' })], options)!;
    expect(three.id).toBe('p-old');
    expect(three.history.filter((entry) => entry.field === 'id').map((entry) => entry.value)).toEqual(['p-mid', 'p-new']);
  });
});
