// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { StoreContext } from '../../../extension/components/workspace-store';
import { Workspace } from '../../../extension/components/Workspace';
import { Popup, type PopupActions } from '../../../extension/entrypoints/popup/Popup';
import { logInteraction } from '../../../extension/store/interactions';
import { aPerson, contextAt } from '../support';
import { renderWith, unlabelled, workspace } from './harness';

afterEach(cleanup);

test('the popup clips the page, finds people and opens the workspace on them', async () => {
  const { store } = await workspace({ seed: (db) => db.people.bulkPut([aPerson({ id: 'ada', fullName: 'Ada Lovelace', company: 'Engines' }), aPerson({ id: 'alan', fullName: 'Alan Turing' })]) });
  const opened: Array<string | undefined> = [];
  const actions: PopupActions = { clipPage: async () => 'Saved Ada Lovelace.', openWorkspace: async (id) => void opened.push(id) };
  render(
    <StoreContext.Provider value={store}>
      <Popup locale="en-GB" actions={actions} />
    </StoreContext.Provider>,
  );
  fireEvent.click(screen.getByTestId('popup-clip'));
  expect(await screen.findByText('Saved Ada Lovelace.')).toBeTruthy();
  fireEvent.input(screen.getByTestId('popup-search'), { target: { value: 'ada' } });
  await waitFor(() => expect(screen.getAllByTestId('popup-result').map((b) => b.textContent)).toEqual(['Ada LovelaceSuspect · Engines']));
  fireEvent.click(screen.getByTestId('popup-result'));
  await waitFor(() => expect(opened).toEqual(['ada']));
  expect(unlabelled(document.body)).toEqual([]);
});

test('once typing pauses, words from notes and interactions find people too, marked as such', async () => {
  const { store } = await workspace({
    seed: async (db) => {
      await db.people.bulkPut([aPerson({ id: 'ada', fullName: 'Ada Lovelace', notes: 'Asked about volume pricing' }), aPerson({ id: 'alan', fullName: 'Alan Turing' })]);
      await logInteraction(db, { personId: 'alan', type: 'call', summary: 'Discussed the Enigma rotor order' }, contextAt());
    },
  });
  renderWith(store, <Workspace locale="en-GB" />);
  await waitFor(() => expect(store.getState().notesReady).toBe(true), { timeout: 5_000 });
  const input = screen.getByTestId('search-input');
  fireEvent.input(input, { target: { value: 'pricing' } });
  await waitFor(() => expect(screen.getAllByTestId('search-row').map((row) => row.getAttribute('data-person-id'))).toEqual(['ada']));
  expect(screen.getByTestId('search-row').textContent).toContain('in notes');
  fireEvent.input(input, { target: { value: 'enigma rot' } });
  await waitFor(() => expect(screen.getAllByTestId('search-row').map((row) => row.getAttribute('data-person-id'))).toEqual(['alan']));
  // Two letters are too few for full text: they would match most notes.
  fireEvent.input(input, { target: { value: 'pr' } });
  await waitFor(() => expect(screen.getByTestId('search-results').getAttribute('data-query')).toBe('pr'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(screen.queryAllByTestId('search-row')).toHaveLength(0);
});
