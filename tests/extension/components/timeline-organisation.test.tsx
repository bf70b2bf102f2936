// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Workspace } from '../../../extension/components/Workspace';
import type { ClipsheetDb } from '../../../extension/store/db';
import { logInteraction } from '../../../extension/store/interactions';
import { Organisation } from '../../../shared/model';
import { aPerson, contextAt } from '../support';
import { renderWith, unlabelled, workspace } from './harness';

afterEach(cleanup);

const logged = '2026-05-04T09:00:00.000Z';

async function seed(db: ClipsheetDb) {
  await db.organisations.put(Organisation.schema.parse({ id: 'org', revision: 0, createdAt: logged, updatedAt: logged, owner: 'rep@clipsheet.test', name: 'Analytical Engines', stage: 'prospect', industry: 'Machinery', domain: 'engines.test' }));
  await db.people.bulkPut([
    aPerson({ id: 'ada', fullName: 'Ada Lovelace', organisationId: 'org', title: 'Analyst', stage: 'prospect' }),
    aPerson({ id: 'charles', fullName: 'Charles Babbage', company: 'Analytical Engines' }),
  ]);
  const context = contextAt(logged);
  await logInteraction(db, { personId: 'ada', type: 'call', direction: 'outbound', at: logged, summary: 'Talked aboot the engine', outcome: 'Send the quote' }, context);
  await logInteraction(db, { personId: 'charles', type: 'meeting', at: '2026-05-03T09:00:00.000Z', summary: 'Met at the fair' }, context);
}

async function openAda(language: 'en' | 'fa' = 'en') {
  const harness = await workspace({ seed, settings: { language } });
  renderWith(harness.store, <Workspace locale="en-GB" />, language);
  await harness.store.openPerson('ada');
  await screen.findByTestId('person-view');
  return harness;
}

const escape = (element: Element) => fireEvent.keyDown(element, { key: 'Escape', bubbles: true });

describe("the record's timeline", () => {
  test('a logged call is corrected in place from the keyboard: Edit, fix the typo, Ctrl+Enter; focus comes back to Edit', async () => {
    const { db, changes } = await openAda();
    const item = screen.getByTestId('timeline-item');
    const edit = within(item).getByRole('button', { name: /^Edit Call, / });
    fireEvent.click(edit);
    const form = await screen.findByTestId('interaction-form');
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByTestId('edit-type')));
    expect(unlabelled(form)).toEqual([]);
    fireEvent.input(within(form).getByTestId('edit-summary'), { target: { value: 'Talked about the engine' } });
    fireEvent.change(within(form).getByTestId('edit-experience'), { target: { value: 'good' } });
    fireEvent.keyDown(within(form).getByTestId('edit-summary'), { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(screen.getByTestId('timeline-item').textContent).toContain('Talked about the engine'));
    expect(screen.queryByTestId('interaction-form')).toBeNull();
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('timeline-edit'));
    const [call] = await db.interactions.where('personIds').equals('ada').toArray();
    expect(call).toMatchObject({ summary: 'Talked about the engine', experience: 'good', at: logged });
    expect(call!.history).toEqual([expect.objectContaining({ field: 'summary', value: 'Talked aboot the engine' })]);
    expect(changes).toContainEqual(['interaction', 'person']);
  });

  test('Esc in the edit form cancels the edit, not the record', async () => {
    const { db } = await openAda();
    fireEvent.click(screen.getByTestId('timeline-edit'));
    const form = await screen.findByTestId('interaction-form');
    fireEvent.input(within(form).getByTestId('edit-summary'), { target: { value: 'never saved' } });
    escape(within(form).getByTestId('edit-summary'));
    await waitFor(() => expect(screen.queryByTestId('interaction-form')).toBeNull());
    expect(screen.getByTestId('person-view')).toBeTruthy();
    expect((await db.interactions.where('personIds').equals('ada').first())!.summary).toBe('Talked aboot the engine');
  });

  test('delete asks first (focus on Cancel, Esc cancels), then leaves a tombstone queued for sync', async () => {
    const { db } = await openAda();
    fireEvent.click(screen.getByRole('button', { name: /^Delete Call, / }));
    const confirm = await screen.findByTestId('timeline-confirm');
    expect(confirm.textContent).toContain('Delete this interaction (Call)?');
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByTestId('timeline-confirm-cancel')));
    escape(within(confirm).getByTestId('timeline-confirm-cancel'));
    await waitFor(() => expect(screen.queryByTestId('timeline-confirm')).toBeNull());
    expect(screen.getByTestId('person-view')).toBeTruthy();
    expect(await db.interactions.filter((interaction) => interaction.deleted).count()).toBe(0);

    fireEvent.click(screen.getByTestId('timeline-delete'));
    fireEvent.click(await screen.findByTestId('timeline-confirm-delete'));
    await waitFor(() => expect(screen.queryAllByTestId('timeline-item')).toHaveLength(0));
    expect(screen.getByTestId('timeline').textContent).toContain('No interactions yet.');
    const [call] = await db.interactions.where('personIds').equals('ada').toArray();
    expect(call).toMatchObject({ deleted: true });
    expect((await db.outbox.toArray()).filter((entry) => entry.recordId === call!.id)).toHaveLength(2); // logged, then deleted
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toBe('Deleted.'));
    expect((await db.people.get('ada'))!.lastContactAt).toBeUndefined();
  });

  test.each([
    ['en', '→'],
    ['fa', '←'],
  ] as const)('in %s, the outcome arrow points the way the line reads, and the outcome keeps its own direction', async (language, arrow) => {
    await openAda(language);
    const outcome = within(screen.getByTestId('timeline-item')).getByTestId('timeline-outcome');
    expect(outcome.closest('[dir]')?.getAttribute('dir')).toBe(language === 'fa' ? 'rtl' : 'ltr');
    expect(outcome.querySelector('[aria-hidden="true"]')?.textContent).toBe(arrow);
    expect(outcome.querySelector('bdi')?.textContent).toBe('Send the quote');
  });

  test('in Persian: the edit and delete controls speak Persian and every one is labelled', async () => {
    await openAda('fa');
    expect(document.documentElement.dir).toBe('rtl');
    const item = screen.getByTestId('timeline-item');
    expect(within(item).getByTestId('timeline-edit').textContent).toBe('ویرایش');
    expect(within(item).getByTestId('timeline-edit').getAttribute('aria-label')).toMatch(/^ویرایش تماس تلفنی، /);
    // The time input writes the browser's calendar; beside it, the Persian-calendar date it means.
    fireEvent.click(within(item).getByTestId('timeline-edit'));
    expect((await screen.findByTestId('edit-at-preview')).textContent).toMatch(/[۰-۹]{4}/);
    expect(unlabelled(document.body)).toEqual([]);
    fireEvent.click(screen.getByTestId('edit-cancel'));
    await waitFor(() => expect(screen.queryByTestId('interaction-form')).toBeNull());
    fireEvent.click(within(item).getByTestId('timeline-delete'));
    expect((await screen.findByTestId('timeline-confirm')).textContent).toContain('حذف شود؟');
    expect(unlabelled(document.body)).toEqual([]);
  });
});

describe("an organisation's record", () => {
  test('opens from the person; lists its people and everyone’s timeline; a person opened from it goes Back to it; Esc steps back', async () => {
    const { store } = await openAda();
    const link = screen.getByTestId('person-organisation');
    expect(link.getAttribute('aria-label')).toBe('Open organisation: Analytical Engines');
    fireEvent.click(link);
    const view = await screen.findByTestId('organisation-view');
    expect(within(view).getByTestId('organisation-name').textContent).toBe('Analytical Engines');
    expect(within(view).getByTestId('organisation-stage').textContent).toBe('Prospect');
    expect(within(view).getAllByTestId('organisation-person').map((row) => row.textContent)).toEqual([expect.stringContaining('Ada Lovelace'), expect.stringContaining('Charles Babbage')]);
    // One timeline, newest first, each entry saying who it was with.
    expect(within(view).getAllByTestId('timeline-item').map((row) => within(row).getByTestId('timeline-with').textContent)).toEqual(['with Ada Lovelace', 'with Charles Babbage']);
    expect(within(view).getByTestId('organisation-details').textContent).toContain('engines.test');
    expect(unlabelled(view)).toEqual([]);

    fireEvent.click(within(view).getAllByTestId('organisation-person')[1]!);
    await waitFor(() => expect(screen.getByTestId('person-name').textContent).toBe('Charles Babbage'));
    expect(screen.getByTestId('person-back').textContent).toContain('Back to Analytical Engines');
    fireEvent.click(screen.getByTestId('person-back'));
    await screen.findByTestId('organisation-view');
    expect(store.getState().openOrganisationId).toBe('org');

    // Esc: from the organisation back to the contacts list.
    escape(document.body);
    await screen.findByTestId('search-input');
    expect(store.getState().openOrganisationId).toBeUndefined();
  });

  test('a change made in it (deleting an entry) shows at once; an organisation no longer there says so', async () => {
    const { store, db } = await openAda();
    await store.openOrganisation('org');
    const view = await screen.findByTestId('organisation-view');
    fireEvent.click(within(view).getAllByTestId('timeline-delete')[1]!);
    fireEvent.click(await screen.findByTestId('timeline-confirm-delete'));
    await waitFor(() => expect(within(screen.getByTestId('organisation-view')).getAllByTestId('timeline-item')).toHaveLength(1));

    await db.organisations.update('org', { deleted: true });
    await store.openOrganisation('org');
    expect((await screen.findByText('This organisation is no longer here (merged or deleted).')).textContent).toBeTruthy();
  });

  test('in Persian, right to left', async () => {
    const { store } = await openAda('fa');
    await store.openOrganisation('org');
    const view = await screen.findByTestId('organisation-view');
    expect(document.documentElement.dir).toBe('rtl');
    expect(within(view).getByTestId('organisation-people').textContent).toContain('افراد');
    expect(within(view).getAllByTestId('timeline-with')[0]!.textContent).toBe('با Ada Lovelace');
    expect(unlabelled(document.body)).toEqual([]);
  });
});

describe('deleting a contact', () => {
  test('asks first (focus on Cancel, Esc keeps the record open), then the record closes and search no longer finds them', async () => {
    const { db, store } = await openAda();
    fireEvent.click(screen.getByTestId('person-delete'));
    const confirm = await screen.findByTestId('person-confirm');
    expect(confirm.textContent).toContain('Delete Ada Lovelace?');
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByTestId('person-confirm-cancel')));
    escape(within(confirm).getByTestId('person-confirm-cancel'));
    await waitFor(() => expect(screen.queryByTestId('person-confirm')).toBeNull());
    expect(screen.getByTestId('person-view')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('person-delete'));

    fireEvent.click(screen.getByTestId('person-delete'));
    fireEvent.click(await screen.findByTestId('person-confirm-delete'));
    await screen.findByTestId('search-input');
    await waitFor(() => expect(screen.getAllByTestId('search-row').map((row) => row.textContent)).toEqual([expect.stringContaining('Charles Babbage')]));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toBe('Contact deleted.'));
    expect(await db.people.get('ada')).toMatchObject({ deleted: true });
    expect((await db.outbox.toArray()).some((entry) => entry.entity === 'person' && entry.recordId === 'ada')).toBe(true);
    expect(store.getState().openPersonId).toBeUndefined();
  });

  test('in Persian', async () => {
    await openAda('fa');
    fireEvent.click(screen.getByTestId('person-delete'));
    expect((await screen.findByTestId('person-confirm')).textContent).toContain('Ada Lovelace حذف شود؟');
    expect(screen.getByTestId('person-confirm-delete').textContent).toBe('حذف');
  });
});
