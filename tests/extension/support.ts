import 'fake-indexeddb/auto';
import { ClipsheetDb } from '../../extension/store/db';
import type { StoreContext } from '../../extension/store/changes';
import { Person } from '../../shared/model';

let dbCount = 0;

/** A fresh Clipsheet database on fake-indexeddb (the real Dexie, an in-memory IndexedDB). */
export function freshDb(): ClipsheetDb {
  return new ClipsheetDb(`test-${process.pid}-${++dbCount}-${Math.random().toString(36).slice(2)}`);
}

/** A store context at a fixed time with readable, predictable ids. */
export function contextAt(now = '2026-05-04T09:00:00.000Z', owner = 'rep@clipsheet.test'): StoreContext & { ids: string[] } {
  let n = 0;
  const ids: string[] = [];
  return {
    owner,
    now,
    ids,
    newId: () => {
      const id = `id-${String(++n).padStart(4, '0')}`;
      ids.push(id);
      return id;
    },
  };
}

/** A valid person record with the given fields. */
export function aPerson(fields: Partial<Person> & { id: string; fullName: string }): Person {
  return Person.schema.parse({ revision: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', owner: 'rep@clipsheet.test', stage: 'suspect', ...fields });
}
