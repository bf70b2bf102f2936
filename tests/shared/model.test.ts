import { describe, expect, test } from 'vitest';
import { ENTITIES, Person, cellsToValues, escapeForSheet, recordToCells } from '../../shared/model';

describe('entities derive headers and indexes from one definition', () => {
  test('every entity has the record columns first and unique headers', () => {
    for (const entity of Object.values(ENTITIES)) {
      const headers = entity.columns.map((c) => c.header);
      expect(headers.slice(0, 4)).toEqual(['Id', 'Revision', 'Created at', 'Updated at']);
      expect(new Set(headers).size).toBe(headers.length);
      expect(entity.dexieStore.split(', ')[0]).toBe('id');
    }
  });

  test('the person store indexes nothing the extension does not query (each index costs every write)', () => {
    // Exact matches by email or LinkedIn are found by shared/identity's in-memory index over the stored people.
    expect(Person.dexieStore).toBe('id');
  });
});

describe('cells', () => {
  test.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+98 912 000 0000', `'+98 912 000 0000`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['00123', `'00123`],
    ['TRUE', `'TRUE`],
    ['Ada Lovelace', 'Ada Lovelace'],
    ['', ''],
  ])('escapeForSheet(%j) is %j', (input, expected) => {
    expect(escapeForSheet(input)).toBe(expected);
  });

  test('a person survives the round trip through cells', () => {
    const person = Person.schema.parse({
      id: 'p1',
      revision: 3,
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
      owner: 'rep@example.com',
      fullName: 'Ada Lovelace',
      emails: ['ada@example.com', 'ada@analytical.org'],
      stage: 'prospect',
      provenance: { fullName: { source: 'linkedin', at: '2026-01-02T03:04:05.000Z' } },
    });
    // The sheet returns what was written without the quote prefix, as Sheets does.
    const cells = recordToCells(Person.columns, person).map((c) => (typeof c === 'string' ? c.replace(/^'/, '') : c));
    expect(Person.schema.parse(cellsToValues(Person.columns, cells))).toEqual(person);
  });
});
