// Builders for identity tests: schema-valid people and interactions with only the fields a test cares about.
import { Interaction, Person } from '../../../shared/model';

const T0 = '2026-01-01T00:00:00.000Z';

/** A valid person; `overrides` are applied before schema validation so defaults still fill in. */
export function makePerson(overrides: Partial<Person> & { id: string }): Person {
  return Person.schema.parse({
    revision: 1,
    createdAt: T0,
    updatedAt: T0,
    owner: 'rep@clipsheet.test',
    fullName: 'Ada Lovelace',
    stage: 'prospect',
    ...overrides,
  });
}

/** A valid interaction involving the given people. */
export function makeInteraction(id: string, personIds: string[]): Interaction {
  return Interaction.schema.parse({ id, revision: 1, createdAt: T0, updatedAt: T0, owner: 'rep@clipsheet.test', personIds, type: 'call', at: T0 });
}

/** Provenance of one field, captured from `source` at `at`. */
export const from = (source: 'linkedin' | 'gmail' | 'web' | 'manual' | 'sheet' | 'import', at: string, by?: string) => ({ source, at, ...(by ? { by } : {}) });
