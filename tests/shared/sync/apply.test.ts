import { describe, expect, test } from 'vitest';
import { applyChanges, changedSince, type ApplyContext } from '../../../shared/sync/apply';
import type { Change } from '../../../shared/sync/protocol';

type Doc = Record<string, unknown> & { id: string; revision: number; updatedAt: string };
const AT = '2026-06-01T00:00:00.000Z';

function context(): ApplyContext {
  let ms = Date.parse('2026-07-01T00:00:00.000Z');
  return { now: () => new Date((ms += 1)).toISOString(), rep: 'rep@team.example', redirects: new Map() };
}
const person = (id: string, fields: Record<string, unknown> = {}) => ({ id, revision: 0, createdAt: AT, updatedAt: AT, owner: '', fullName: `P ${id}`, stage: 'prospect', ...fields });
const change = (record: Record<string, unknown>, key: string, assumedRevision: number | null = null, entity: Change['entity'] = 'person'): Change => ({ entity, key, assumedRevision, record });

describe('applyChanges', () => {
  test('creates, then updates only at the assumed revision', () => {
    const master = new Map<string, Doc>();
    const ctx = context();
    expect(applyChanges('person', master, [change(person('a'), 'key-0001')], ctx).results[0]).toMatchObject({ status: 'applied', record: { revision: 1, owner: 'rep@team.example' } });
    expect(applyChanges('person', master, [change(person('a', { title: 'CTO' }), 'key-0002', 1)], ctx).results[0]).toMatchObject({ status: 'applied', record: { revision: 2, title: 'CTO' } });
    expect(applyChanges('person', master, [change(person('a', { title: 'CEO' }), 'key-0003', 1)], ctx).results[0]).toMatchObject({ status: 'conflict', record: { revision: 2, title: 'CTO' } });
  });

  test("the sheet's segments survive a push: a client's copy is ignored on create, update and merge", () => {
    const master = new Map<string, Doc>();
    const ctx = context();
    applyChanges('person', master, [change(person('a', { emails: ['a@x.example'], segments: ['Forged'] }), 'key-0001')], ctx);
    expect(master.get('a')!.segments).toEqual([]);
    master.set('a', { ...master.get('a')!, segments: ['VIP', 'At risk'] }); // the hourly recompute
    const stale = applyChanges('person', master, [change(person('a', { emails: ['a@x.example'], title: 'CTO', segments: [] }), 'key-0002', 1)], ctx);
    expect(stale.results[0]).toMatchObject({ status: 'applied', record: { title: 'CTO', segments: ['VIP', 'At risk'] } });
    const merged = applyChanges('person', master, [change(person('b', { emails: ['A@x.example'], segments: ['Forged'] }), 'key-0003')], ctx);
    expect(merged.results[0]).toMatchObject({ status: 'merged', record: { id: 'a', segments: ['VIP', 'At risk'] } });
  });

  test('the last applied key is a duplicate and writes nothing', () => {
    const master = new Map<string, Doc>();
    const ctx = context();
    applyChanges('person', master, [change(person('a'), 'key-0001')], ctx);
    const again = applyChanges('person', master, [change(person('a'), 'key-0001')], ctx);
    expect(again.results[0]!.status).toBe('duplicate');
    expect(again.written).toEqual([]);
  });

  test('a new person with the email of a row is merged into that row, which keeps its id', () => {
    const master = new Map<string, Doc>();
    const ctx = context();
    applyChanges('person', master, [change(person('older', { emails: ['ada@example.com'], title: 'Analyst' }), 'key-0001')], ctx);
    const { results, written } = applyChanges('person', master, [change(person('newer', { emails: ['Ada@Example.com'], location: 'London', createdAt: '2020-01-01T00:00:00.000Z' }), 'key-0002')], ctx);
    expect(results[0]).toMatchObject({ id: 'newer', status: 'merged', record: { id: 'older', title: 'Analyst', location: 'London', revision: 2 } });
    expect(written.map((d) => d.id)).toEqual(['older']);
    expect(master.has('newer')).toBe(false);
    expect((master.get('older')!.history as Array<{ field: string; value: unknown }>).filter((h) => h.field === 'id').map((h) => h.value)).toEqual(['newer']);
    expect(ctx.redirects.get('newer')).toBe('older');
  });

  test('replaying the merged change is answered as merged again and writes nothing', () => {
    const master = new Map<string, Doc>();
    const ctx = context();
    applyChanges('person', master, [change(person('older', { emails: ['ada@example.com'] }), 'key-0001')], ctx);
    const merge = change(person('newer', { emails: ['ada@example.com'] }), 'key-0002');
    applyChanges('person', master, [merge], ctx);
    const replay = applyChanges('person', master, [merge], { ...context(), redirects: new Map() });
    expect(replay.results[0]).toMatchObject({ status: 'merged', record: { id: 'older', revision: 2 } });
    expect(replay.written).toEqual([]);
  });

  test('replaying the merged change after the row has changed again still writes nothing', () => {
    const master = new Map<string, Doc>();
    const ctx = context();
    applyChanges('person', master, [change(person('older', { emails: ['ada@example.com'] }), 'key-0001')], ctx);
    const merge = change(person('newer', { emails: ['ada@example.com'] }), 'key-0002');
    applyChanges('person', master, [merge], ctx); // its answer is lost
    applyChanges('person', master, [change({ ...master.get('older')!, title: 'CTO' }, 'key-0003', 2)], ctx);
    master.set('older', { ...master.get('older')!, lastChange: undefined }); // and then edited by hand
    const replay = applyChanges('person', master, [merge], { ...context(), redirects: new Map() });
    expect(replay.results[0]).toMatchObject({ status: 'merged', record: { id: 'older', revision: 3, title: 'CTO' } });
    expect(replay.written).toEqual([]);
    // A later change of the merged-away person (the rep edited it before hearing of the merge) is still merged.
    const later = applyChanges('person', master, [change(person('newer', { emails: ['ada@example.com'], location: 'London' }), 'key-0004')], { ...context(), redirects: new Map() });
    expect(later.results[0]).toMatchObject({ status: 'merged', record: { id: 'older', revision: 4, location: 'London' } });
    expect(applyChanges('person', master, [merge], { ...context(), redirects: new Map() }).written).toEqual([]);
  });

  test('interactions in the same batch follow the redirect to the survivor', () => {
    const people = new Map<string, Doc>();
    const interactions = new Map<string, Doc>();
    const ctx = context();
    applyChanges('person', people, [change(person('older', { linkedinUrl: 'https://www.linkedin.com/in/ada/' }), 'key-0001')], ctx);
    applyChanges('person', people, [change(person('newer', { linkedinUrl: 'https://www.linkedin.com/in/ada/' }), 'key-0002')], ctx);
    const call = { id: 'c1', revision: 0, createdAt: AT, updatedAt: AT, owner: '', personIds: ['newer'], type: 'call', at: AT };
    const { results } = applyChanges('interaction', interactions, [change(call, 'key-0003', null, 'interaction')], ctx);
    expect(results[0]).toMatchObject({ status: 'applied', record: { personIds: ['older'] } });
  });

  test('a new organisation with the LinkedIn page or domain of a row is merged into it; people and deals in the batch follow', () => {
    const organisations = new Map<string, Doc>();
    const ctx = context();
    const org = (id: string, fields: Record<string, unknown>) => ({ id, revision: 0, createdAt: AT, updatedAt: AT, owner: '', stage: 'prospect', ...fields });
    applyChanges('organisation', organisations, [change(org('o-old', { name: 'MAPNA Group', domain: 'mapna.com' }), 'key-0001', null, 'organisation')], ctx);
    const { results } = applyChanges(
      'organisation',
      organisations,
      [
        change(org('o-new', { name: 'Mapna', website: 'https://www.mapna.com/fa', industry: 'Energy' }), 'key-0002', null, 'organisation'),
        change(org('o-elsewhere', { name: 'MAPNA Group', domain: 'mapna.de' }), 'key-0003', null, 'organisation'),
      ],
      ctx,
    );
    expect(results.map((r) => [r.id, r.status, r.record?.id])).toEqual([
      ['o-new', 'merged', 'o-old'],
      ['o-elsewhere', 'applied', 'o-elsewhere'], // the same name on another domain is another organisation
    ]);
    expect(organisations.get('o-old')).toMatchObject({ name: 'Mapna', industry: 'Energy', revision: 2 });
    const people = new Map<string, Doc>();
    const deals = new Map<string, Doc>();
    expect(applyChanges('person', people, [change(person('p1', { organisationId: 'o-new' }), 'key-0004')], ctx).results[0]).toMatchObject({ record: { organisationId: 'o-old' } });
    const order = { id: 'd1', revision: 0, createdAt: AT, updatedAt: AT, owner: '', kind: 'order', status: 'won', personId: 'p1', organisationId: 'o-new', value: 10, openedAt: AT };
    expect(applyChanges('deal', deals, [change(order, 'key-0005', null, 'deal')], ctx).results[0]).toMatchObject({ status: 'applied', record: { organisationId: 'o-old' } });
  });

  test('a row edited in the batch is matched by its new identity, not its old one', () => {
    const master = new Map<string, Doc>();
    const ctx = context();
    applyChanges('person', master, [change(person('a', { emails: ['old@x.example'] }), 'key-0001')], ctx);
    const { results } = applyChanges(
      'person',
      master,
      [
        change(person('b', { emails: ['b@x.example'] }), 'key-0002'), // a new person: the identity index is built here
        change(person('a', { emails: ['new@x.example'] }), 'key-0003', 1),
        change(person('c', { emails: ['old@x.example'] }), 'key-0004'),
        change(person('d', { emails: ['new@x.example'] }), 'key-0005'),
      ],
      ctx,
    );
    expect(results.map((r) => [r.id, r.status, r.record?.id])).toEqual([
      ['b', 'applied', 'b'],
      ['a', 'applied', 'a'],
      ['c', 'applied', 'c'],
      ['d', 'merged', 'a'],
    ]);
  });

  test.each([
    ['an unknown field', { favourite: 'x' }, 'favourite'],
    ['a stage not on the ladder', { stage: 'friend' }, 'stage'],
    ['a list item holding the separator', { tags: ['a; b'] }, 'tags'],
    ['a name that is not text', { fullName: 7 }, 'fullName'],
  ])('rejects %s with the field named, and writes nothing', (_name, fields, field) => {
    const master = new Map<string, Doc>();
    const { results, written } = applyChanges('person', master, [change(person('a', fields), 'key-0001')], context());
    expect(results[0]).toMatchObject({ status: 'rejected', error: expect.stringContaining(field) });
    expect(written).toEqual([]);
  });

  test('answers the record exactly as the sheet will hold it (empty text is no value)', () => {
    const { results } = applyChanges('person', new Map(), [change(person('a', { title: '', notes: '=1+1' }), 'key-0001')], context());
    expect(results[0]!.record).not.toHaveProperty('title');
    expect(results[0]!.record).toMatchObject({ notes: '=1+1' });
  });
});

describe('changedSince', () => {
  const docs = [
    { id: 'b', updatedAt: '2026-01-01T00:00:00.000Z' },
    { id: 'a', updatedAt: '2026-01-01T00:00:00.000Z' },
    { id: 'c', updatedAt: '2026-01-02T00:00:00.000Z' },
  ];
  test('pages in (updatedAt, id) order and resumes after the checkpoint, ties included', () => {
    const first = changedSince(docs, null, 2);
    expect(first.documents.map((d) => d.id)).toEqual(['a', 'b']);
    expect(first.hasMore).toBe(true);
    const second = changedSince(docs, first.checkpoint, 2);
    expect(second.documents.map((d) => d.id)).toEqual(['c']);
    expect(second.hasMore).toBe(false);
    expect(changedSince(docs, second.checkpoint, 2)).toEqual({ documents: [], checkpoint: second.checkpoint, hasMore: false });
  });
});
