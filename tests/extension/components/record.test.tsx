// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { Workspace } from '../../../extension/components/Workspace';
import type { ClipsheetDb } from '../../../extension/store/db';
import { logInteraction } from '../../../extension/store/interactions';
import { rowsFromRecords, predictCustomers } from '../../../shared/metrics';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { generateTeamData } from '../../support/generate-team-data';
import { aPerson, contextAt } from '../support';
import { renderWith, workspace } from './harness';

afterEach(cleanup);

async function openAda(seedMore?: (db: ClipsheetDb) => Promise<unknown>) {
  const harness = await workspace({
    seed: async (db) => {
      await db.people.put(aPerson({ id: 'ada', fullName: 'Ada Lovelace', company: 'Analytical Engines', stage: 'prospect', emails: ['ada@engines.test'] }));
      await seedMore?.(db);
    },
  });
  renderWith(harness.store, <Workspace locale="en-GB" />);
  await harness.store.openPerson('ada');
  await screen.findByTestId('person-view');
  return harness;
}

test('the quick log records a meeting with outcome, experience, voice of customer and a next step; the timeline shows it', async () => {
  const { db, changes } = await openAda();
  fireEvent.click(screen.getByTestId('log-type-meeting'));
  fireEvent.input(screen.getByTestId('log-summary'), { target: { value: 'Demo of the engine' } });
  fireEvent.input(screen.getByTestId('log-outcome'), { target: { value: 'wants a quote' } });
  fireEvent.click(screen.getByTestId('log-experience-bad'));
  fireEvent.change(screen.getByTestId('log-voc'), { target: { value: 'complaint' } });
  fireEvent.input(screen.getByTestId('log-next-step'), { target: { value: 'Send the quote' } });
  fireEvent.input(screen.getByTestId('log-next-due'), { target: { value: '2030-01-02T09:30' } });
  fireEvent.keyDown(screen.getByTestId('log-summary'), { key: 'Enter', ctrlKey: true });

  await waitFor(() => expect(screen.getAllByTestId('timeline-item')).toHaveLength(1));
  const item = screen.getByTestId('timeline-item');
  expect(item.textContent).toContain('Meeting');
  expect(item.textContent).toContain('Demo of the engine');
  expect(item.textContent).toContain('wants a quote');
  expect(item.getAttribute('data-experience')).toBe('bad');
  expect(await db.interactions.toArray()).toEqual([expect.objectContaining({ type: 'meeting', experience: 'bad', voiceOfCustomer: 'complaint', outcome: 'wants a quote', personIds: ['ada'] })]);
  expect(await db.tasks.toArray()).toEqual([expect.objectContaining({ title: 'Send the quote', dueAt: new Date(2030, 0, 2, 9, 30).toISOString(), status: 'open', personId: 'ada' })]);
  expect(within(screen.getByTestId('person-tasks')).getByText('Send the quote')).toBeTruthy();
  // The background is told, so it syncs and re-plans reminders.
  expect(changes).toContainEqual(['interaction', 'person', 'task']);
  expect((screen.getByTestId('log-summary') as HTMLTextAreaElement).value).toBe('');
});

test('moving to lost asks for the reason the ladder requires, then moves', async () => {
  const { db } = await openAda();
  fireEvent.change(screen.getByTestId('stage-to'), { target: { value: 'lost' } });
  fireEvent.click(screen.getByTestId('stage-apply'));
  expect((await screen.findByTestId('stage-problem')).textContent).toBe('Moving to Lost needs a reason.');
  expect((await db.people.get('ada'))!.stage).toBe('prospect');

  fireEvent.change(screen.getByTestId('stage-reason'), { target: { value: 'other' } });
  fireEvent.click(screen.getByTestId('stage-apply'));
  await waitFor(() => expect(screen.getByTestId('stage-problem').textContent).toBe('Reason “other” needs a note saying what happened.'));

  fireEvent.input(screen.getByTestId('stage-note'), { target: { value: 'moved abroad' } });
  fireEvent.click(screen.getByTestId('stage-apply'));
  await waitFor(() => expect(screen.getByTestId('stage-current').textContent).toBe('Lost'));
  expect(await db.people.get('ada')).toMatchObject({ stage: 'lost', stageReason: 'other: moved abroad' });
});

test('the stage picker offers only moves the ladder allows; recording a purchase makes a first-time customer', async () => {
  const { db } = await openAda();
  const offered = [...(screen.getByTestId('stage-to') as HTMLSelectElement).options].map((option) => option.value).filter(Boolean);
  expect(offered).not.toContain('first-time customer');
  expect(offered).toContain('disqualified');
  fireEvent.click(screen.getByTestId('add-order'));
  fireEvent.input(screen.getByTestId('deal-value'), { target: { value: '1,200' } });
  fireEvent.click(screen.getByTestId('deal-save'));
  await waitFor(() => expect(screen.getByTestId('stage-current').textContent).toBe('First-time customer'));
  expect(screen.getByTestId('value-revenue').textContent).toBe('1,200');
  expect((await db.deals.toArray())[0]).toMatchObject({ kind: 'order', status: 'won', value: 1200 });
});

test('an opportunity closes only with a win/loss reason', async () => {
  const { db } = await openAda();
  fireEvent.click(screen.getByTestId('add-opportunity'));
  fireEvent.input(screen.getByTestId('deal-value'), { target: { value: '500' } });
  fireEvent.click(screen.getByTestId('deal-save'));
  await screen.findByTestId('deal-close');
  fireEvent.change(screen.getByTestId('deal-status'), { target: { value: 'lost' } });
  fireEvent.submit(screen.getByTestId('deal-close').closest('form')!);
  expect((await screen.findByRole('alert')).textContent).toBe('Say why it was lost.');
  fireEvent.input(screen.getByTestId('deal-reason'), { target: { value: 'price' } });
  fireEvent.submit(screen.getByTestId('deal-close').closest('form')!);
  await waitFor(async () => expect((await db.deals.toArray())[0]).toMatchObject({ status: 'lost', reason: 'price' }));
});

// Seeding 1,000 logged interactions one by one into fake-indexeddb takes seconds on a busy machine: a longer timeout.
test('a record with 1,000 interactions opens with the newest first and shows the rest in pages', { timeout: 20_000 }, async () => {
  await openAda(async (db) => {
    const context = contextAt();
    for (let i = 0; i < 1_000; i++) await logInteraction(db, { personId: 'ada', type: i % 2 ? 'call' : 'email', at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), summary: `touch ${i}` }, context);
  });
  const timeline = screen.getByTestId('timeline');
  expect(timeline.getAttribute('data-count')).toBe('1000');
  const items = screen.getAllByTestId('timeline-item');
  expect(items).toHaveLength(50);
  expect(items[0]!.textContent).toContain('touch 999');
  fireEvent.click(screen.getByTestId('timeline-more'));
  await waitFor(() => expect(screen.getAllByTestId('timeline-item')).toHaveLength(250));
});

test('editing details hands the person over and keeps the old owner in history', async () => {
  const { db } = await openAda();
  fireEvent.click(screen.getByTestId('person-edit'));
  fireEvent.input(screen.getByTestId('person-owner'), { target: { value: 'bo@team.test' } });
  fireEvent.input(screen.getByTestId('person-tags'), { target: { value: 'vip, fair-2026' } });
  fireEvent.change(screen.getByTestId('person-level'), { target: { value: 'proactive' } });
  fireEvent.click(screen.getByTestId('person-save'));
  await waitFor(() => expect(screen.getByTestId('person-details').textContent).toContain('bo@team.test'));
  const ada = (await db.people.get('ada'))!;
  expect(ada).toMatchObject({ owner: 'bo@team.test', tags: ['vip', 'fair-2026'], level: 'proactive' });
  expect(ada.history).toContainEqual(expect.objectContaining({ field: 'owner', value: 'rep@clipsheet.test' }));
  // A proactive relationship plans its periodic touch at once.
  expect(await db.tasks.where('personId').equals('ada').toArray()).toEqual([expect.objectContaining({ automatic: 'periodic touch', status: 'open' })]);
});

test('the record shows P(alive), expected purchases and predicted value: the sheet’s Predictions step on the purchases in this browser', async () => {
  const team = generateTeamData({ seed: 9, customers: 400, interactions: 0, deals: 1_500 });
  const harness = await workspace({
    clock: () => new Date(team.now),
    seed: async (db) => {
      await db.people.bulkPut(team.people);
      await db.deals.bulkPut(team.deals);
    },
  });
  renderWith(harness.store, <Workspace locale="en-GB" />);
  const expected = predictCustomers({ deals: rowsFromRecords({ ...team, interactions: [] }).deals }, Date.parse(team.now), DEFAULT_SETTINGS.discountRatePerYear).byCustomer;
  const buyer = team.people.find((p) => (expected.get(p.id)?.expectedPurchases ?? 0) > 0.5 && expected.get(p.id)!.probabilityAlive < 0.99)!;
  const prediction = expected.get(buyer.id)!;

  await harness.store.openPerson(buyer.id);
  const panel = await screen.findByTestId('person-forecast');
  await waitFor(() => expect(panel.getAttribute('data-kind')).toBe('predicted'));
  const percent = new Intl.NumberFormat('en-GB', { style: 'percent' }).format(prediction.probabilityAlive);
  expect(within(panel).getByTestId('forecast.alive').textContent).toBe(percent);
  expect(within(panel).getByTestId('forecast.purchases').textContent).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(prediction.expectedPurchases));
  expect(within(panel).getByTestId('forecast.value').textContent).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(prediction.clv!));

  // Someone who never bought has nothing to forecast, and says so.
  const prospect = team.people.find((p) => !expected.has(p.id))!;
  await harness.store.openPerson(prospect.id);
  await waitFor(() => expect(screen.getByTestId('person-forecast').getAttribute('data-kind')).toBe('no-purchases'));
  expect(screen.getByTestId('person-forecast').textContent).toContain('No purchases yet');
});

const oneOrder = { id: 'd1', revision: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', owner: '', deleted: false, provenance: {}, history: [], personId: 'ada', kind: 'order', status: 'won', value: 100, openedAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-01-02T00:00:00.000Z' } as never;

test('with too little purchase history the record says why there is no forecast', async () => {
  await openAda(async (db) => {
    await db.deals.put(oneOrder);
  });
  const panel = screen.getByTestId('person-forecast');
  await waitFor(() => expect(panel.getAttribute('data-kind')).toBe('unavailable'));
  expect(screen.getByTestId('forecast-reason').getAttribute('data-reason')).toBe('too-few-repeat-buyers');
  expect(panel.textContent).toContain('No forecast: the purchase model needs at least 10 customers who bought more than once; there are 0.');
});

test('the reason there is no forecast is in Persian in the Persian side panel', async () => {
  const harness = await workspace({ settings: { language: 'fa' }, seed: async (db) => {
    await db.people.put(aPerson({ id: 'ada', fullName: 'Ada Lovelace' }));
    await db.deals.put(oneOrder);
  } });
  renderWith(harness.store, <Workspace locale="fa-IR" />, 'fa');
  await harness.store.openPerson('ada');
  const panel = await screen.findByTestId('person-forecast');
  await waitFor(() => expect(panel.getAttribute('data-kind')).toBe('unavailable'));
  // The numbers come through the Persian translator too: 10 and 0 in Persian digits.
  expect(panel.textContent).toContain('پیش‌بینی در دسترس نیست: مدل خرید دست‌کم به ۱۰ مشتری با بیش از یک خرید نیاز دارد؛ اکنون ۰ مشتری چنین‌اند.');
  expect(panel.textContent).not.toMatch(/[A-Za-z]{3,}/);
});
