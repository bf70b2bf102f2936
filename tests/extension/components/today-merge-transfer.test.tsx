// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import Papa from 'papaparse';
import { afterEach, expect, test } from 'vitest';
import { Workspace } from '../../../extension/components/Workspace';
import { addOrder } from '../../../extension/store/deals';
import { addTask } from '../../../extension/store/tasks';
import { aPerson, contextAt } from '../support';
import { renderWith, unlabelled, workspace } from './harness';

afterEach(cleanup);
const hour = 3_600_000;

test('Today lists overdue, due and upcoming follow-ups, with the level’s automatic tasks; done rolls a recurring one on', async () => {
  const now = Date.now();
  const { db, store } = await workspace({
    seed: async (db) => {
      await db.people.bulkPut([aPerson({ id: 'ada', fullName: 'Ada Lovelace', level: 'accountable' }), aPerson({ id: 'alan', fullName: 'Alan Turing' })]);
      const context = contextAt(new Date(now).toISOString());
      await addTask(db, { personId: 'alan', title: 'Chase the invoice', dueAt: new Date(now - 50 * hour).toISOString() }, context);
      await addTask(db, { personId: 'alan', title: 'Weekly call', dueAt: new Date(now - 60_000).toISOString(), recurrence: 'weekly' }, { ...context, newId: () => 'weekly-1' });
      // A sale yesterday: an accountable customer gets a post-sale check call, planned when the workspace opens.
      await addOrder(db, { personId: 'ada', value: 100, at: new Date(now - 24 * hour).toISOString() }, { ...context, newId: () => 'order-1' });
    },
  });
  renderWith(store, <Workspace locale="en-GB" />);
  fireEvent.click(await screen.findByTestId('tab-today'));
  const today = await screen.findByTestId('today');
  await waitFor(() => expect(within(today).getByText('Post-sale check call: were expectations met?')).toBeTruthy());
  expect(within(screen.getByTestId('today-overdue')).getByText('Chase the invoice')).toBeTruthy();
  expect(screen.getByTestId('due-count').textContent).not.toBe('0');
  const weekly = screen.getAllByTestId('task').find((task) => task.textContent?.includes('Weekly call'))!;
  expect(within(weekly).getByText('Alan Turing')).toBeTruthy(); // who it is about, a button to their record
  fireEvent.click(within(weekly).getByTestId('task-done'));
  await waitFor(() => expect(within(screen.getByTestId('today-upcoming')).getByText('Weekly call')).toBeTruthy());
  expect((await db.tasks.get('weekly-1'))!.status).toBe('done');
  expect(unlabelled(document.body)).toEqual([]);
});

test('merge proposals are reviewed side by side and merged, or dismissed', async () => {
  const { db, store } = await workspace({
    seed: (db) =>
      db.people.bulkPut([
        aPerson({ id: 'a', fullName: 'Ali Rezaei', company: 'Pars Tak', createdAt: '2026-01-01T00:00:00.000Z', phones: ['+98 912 000 0001'] }),
        aPerson({ id: 'b', fullName: 'Ali Rezaei', company: 'Pars Tak Ltd', title: 'CTO', createdAt: '2026-02-01T00:00:00.000Z' }),
        aPerson({ id: 'c', fullName: 'Sara Karimi', emails: ['sara@x.test'] }),
        aPerson({ id: 'd', fullName: 'S. Karimi', emails: ['SARA@x.test'] }),
      ]),
  });
  renderWith(store, <Workspace locale="en-GB" />);
  fireEvent.click(await screen.findByTestId('tab-duplicates'));
  await waitFor(() => expect(screen.getAllByTestId('merge-proposal')).toHaveLength(2));
  const ali = screen.getAllByTestId('merge-proposal').find((p) => p.textContent?.includes('Ali'))!;
  expect(ali.textContent).toContain('Same name, same company');
  fireEvent.click(within(ali).getByTestId('merge-review'));
  const panel = await screen.findByTestId('merge-review-panel');
  const titleRow = within(panel).getByText('Title').closest('tr')!;
  expect([...titleRow.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['', 'CTO', 'CTO']);
  fireEvent.click(within(panel).getByTestId('merge-confirm'));
  await waitFor(() => expect(screen.getAllByTestId('merge-proposal')).toHaveLength(1));
  expect(await db.people.get('a')).toMatchObject({ title: 'CTO', phones: ['+98 912 000 0001'] });
  expect((await db.people.get('b'))!.deleted).toBe(true);

  fireEvent.click(within(screen.getByTestId('merge-proposal')).getByTestId('merge-review'));
  fireEvent.click(await screen.findByTestId('merge-dismiss'));
  await waitFor(() => expect(screen.queryAllByTestId('merge-proposal')).toHaveLength(0));
  expect(await db.dismissedMerges.count()).toBe(1);
});

test('import: a CSV file is previewed with its columns mapped, imported, and reported; export is formula-safe', async () => {
  const { db, store, downloads } = await workspace({ seed: (db) => db.people.put(aPerson({ id: 'ada', fullName: 'Ada Lovelace', emails: ['ada@engines.test'] })) });
  renderWith(store, <Workspace locale="en-GB" />);
  fireEvent.click(await screen.findByTestId('tab-transfer'));
  const csv = ['Name,E-mail,Company,Shoe size', 'Ada L.,ADA@engines.test,Engines,38', 'Grace Hopper,grace@navy.test,US Navy,40', ',nobody@x.test,,', '=cmd|calc,evil@x.test,,'].join('\n');
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([csv], 'people.csv', { type: 'text/csv' })] } });
  const preview = await screen.findByTestId('import-preview');
  expect(preview.textContent).toContain('4 row(s) in people.csv');
  expect([0, 1, 2, 3].map((i) => (screen.getByTestId(`import-map-${i}`) as HTMLSelectElement).value)).toEqual(['fullName', 'emails', 'company', '']);
  // Unmapping the name leaves nothing to import by, and says so.
  fireEvent.change(screen.getByTestId('import-map-0'), { target: { value: '' } });
  expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(screen.getByTestId('import-map-0'), { target: { value: 'fullName' } });
  expect(unlabelled(document.body)).toEqual([]);
  fireEvent.click(screen.getByTestId('import-run'));

  const report = await screen.findByTestId('import-report');
  expect([report.dataset.created, report.dataset.merged, report.dataset.rejected]).toEqual(['2', '1', '1']);
  expect(screen.getByTestId('import-details').textContent).toContain('Line 4 · rejected: no name');
  expect(screen.getByTestId('import-details').textContent).toContain('Line 2 · merged · Ada L.: same email as an existing contact');
  expect(await db.people.count()).toBe(3);

  fireEvent.click(screen.getByTestId('export-csv'));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0]!.fileName).toMatch(/^clipsheet-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = Papa.parse<string[]>(downloads[0]!.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(4);
  expect(rows.map((row) => row[rows[0]!.indexOf('Full name')])).toContain(`'=cmd|calc`);
  fireEvent.click(screen.getByTestId('export-vcard'));
  await waitFor(() => expect(downloads).toHaveLength(2));
  expect(downloads[1]!.content.match(/BEGIN:VCARD/g)).toHaveLength(3);
});
