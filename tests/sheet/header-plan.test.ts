import { describe, expect, test } from 'vitest';
import { planHeaders } from '../../apps-script/header-plan';
import { headerNote } from '../../apps-script/layout';
import { Segment } from '../../shared/model';

/** Set up's decisions about the header row, on their own: where each column is and what to write. */
const headers = Segment.columns.map((c) => c.header);
const notes = Segment.columns.map(headerNote);
const at = (name: string) => headers.indexOf(name);

describe('planning the header row', () => {
  test('an intact row needs nothing written', () => {
    const plan = planHeaders(Segment, headers, notes);
    expect([plan.headerWrites.size, plan.noteWrites.size, plan.report]).toEqual([0, 0, []]);
  });

  test('a new sheet gets every header and note, in the schema’s order', () => {
    const plan = planHeaders(Segment, [], []);
    expect([...plan.headerWrites]).toEqual(headers.map((h, i) => [i, h]));
    expect(plan.noteWrites.size).toBe(headers.length);
    expect(plan.report).toEqual([]);
  });

  test('the note finds a cleared header’s column, but never claims a column that holds another of ours', () => {
    const row = [...headers];
    row[at('Rule')] = '';
    row[at('Playbook')] = 'Segment'; // a person typed another Clipsheet header over it
    const plan = planHeaders(Segment, row, notes);
    expect(plan.headerWrites.get(at('Rule'))).toBe('Rule');
    expect(plan.positions.get('playbook')).toBe(headers.length); // added at the end instead
    expect(plan.report).toEqual(expect.arrayContaining([expect.stringContaining('"Segment" heads 2 columns')]));
  });

  test('a missing column goes after people’s columns, even one without a header that holds data', () => {
    const row = [...headers.filter((h) => h !== 'Playbook'), 'Our notes', ''];
    const plan = planHeaders(Segment, row, notes.filter((_, i) => i !== at('Playbook')));
    expect(plan.positions.get('playbook')).toBe(row.length);
    expect(plan.width).toBe(row.length + 1);
  });
});
