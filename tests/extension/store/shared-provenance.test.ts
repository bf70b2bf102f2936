import { describe, expect, test } from 'vitest';
import { serialize } from 'node:v8';
import { shareEqualEntries } from '../../../extension/store/shared-provenance';
import { aPerson, freshDb } from '../support';

const at = '2026-05-04T09:00:00.000Z';
const imported = () => ({ source: 'import' as const, at, by: 'rep@clipsheet.test' });

describe('a record is stored with its equal provenance entries as one object', () => {
  test('equal entries become one object; different ones, and entries with other keys, stay their own', () => {
    const record = {
      id: 'p1',
      provenance: { fullName: imported(), emails: imported(), title: { source: 'linkedin', at, url: 'https://www.linkedin.com/in/ada' }, company: { source: 'import', at, by: undefined }, phones: { source: 'import', at } },
    };
    const stored = shareEqualEntries(record);
    expect(stored.provenance.emails).toBe(stored.provenance.fullName);
    expect(stored.provenance.title).not.toBe(stored.provenance.fullName);
    // `by: undefined` is a key of its own, which a clone keeps: sharing `phones`' entry with it would lose that.
    expect(stored.provenance.company).not.toBe(stored.provenance.phones);
    expect(stored).toStrictEqual(record);
    expect(record.provenance.emails).not.toBe(record.provenance.fullName); // the caller's record is left as it was
  });

  test('a structured clone of the shared record is smaller and reads back equal', () => {
    const person = aPerson({ id: 'p1', fullName: 'Ada Lovelace', company: 'Analytical Engines', emails: ['ada@engines.test'], provenance: { fullName: imported(), company: imported(), emails: imported() } });
    const shared = shareEqualEntries(person);
    expect(serialize(shared).length).toBeLessThan(serialize(person).length);
    expect(structuredClone(shared)).toStrictEqual(person);
  });

  test('a record without provenance, or with nothing to share, is passed on as it is', () => {
    const plain = { id: 'x' };
    const single = { id: 'y', provenance: { fullName: imported() } };
    expect(shareEqualEntries(plain)).toBe(plain);
    expect(shareEqualEntries(single)).toBe(single);
  });

  test('every write to the database stores them shared, and reads give the record as written', async () => {
    const db = freshDb();
    const person = aPerson({ id: 'p1', fullName: 'Ada Lovelace', company: 'Analytical Engines', provenance: { fullName: imported(), company: imported() } });
    await db.people.put(person);
    const read = (await db.people.get('p1'))!;
    expect(read).toStrictEqual(person);
    expect(read.provenance.company).toBe(read.provenance.fullName);
    db.close();
  });
});
