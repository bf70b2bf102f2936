import { describe, expect, test } from 'vitest';
import { ENTITIES, Interaction, Person, cellsToValues, escapeForSheet, listCellHolding, recordToCells } from '../../shared/model';

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

  test('listCellHolding finds an item in a list cell as it is written or typed, never inside a longer item', () => {
    const holds = (cell: string, item: string) => new RegExp(listCellHolding(item)).test(cell);
    const written = recordToCells(Interaction.columns.filter((c) => c.key === 'personIds'), { personIds: ['p2', 'p1', 'p3'] })[0] as string;
    expect(['p1', 'p2', 'p3'].map((id) => holds(written, id))).toEqual([true, true, true]);
    expect(holds(written, 'p')).toBe(false);
    expect(holds('p12; p21', 'p1')).toBe(false);
    expect(holds('p9\n p1 ', 'p1')).toBe(true); // typed on its own line, with spaces
    expect(holds('axb', 'a.b')).toBe(false); // the item is literal text, not a pattern
    expect(holds('a.b', 'a.b')).toBe(true);
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
