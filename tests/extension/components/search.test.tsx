// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { Workspace } from '../../../extension/components/Workspace';
import type { ClipsheetDb } from '../../../extension/store/db';
import { aPerson } from '../support';
import { renderWith, unlabelled, workspace } from './harness';

afterEach(cleanup);

const seed = (count: number) => (db: ClipsheetDb) =>
  db.people.bulkPut([
    aPerson({ id: 'ada', fullName: 'Ada Lovelace', company: 'Analytical Engines', title: 'Analyst' }),
    aPerson({ id: 'alan', fullName: 'Alan Turing', company: 'Bletchley Park' }),
    aPerson({ id: 'grace', fullName: 'Grace Hopper', company: 'US Navy' }),
    ...Array.from({ length: count }, (_, i) => aPerson({ id: `p${i}`, fullName: `Person ${String(i).padStart(4, '0')}`, company: 'Filler Ltd' })),
  ]);

test('typing searches as you type; arrows move through the results and Enter opens the record', async () => {
  const { store } = await workspace({ seed: seed(0) });
  renderWith(store, <Workspace locale="en-GB" />);
  const input = await screen.findByTestId('search-input');
  fireEvent.input(input, { target: { value: 'a' } });
  await waitFor(() => expect(screen.getByTestId('search-results').getAttribute('data-query')).toBe('a'));
  expect(screen.getAllByTestId('search-row').map((row) => row.querySelector('.search-row-name')?.textContent)).toEqual(['Ada Lovelace', 'Alan Turing']);

  fireEvent.input(input, { target: { value: 'bletch' } });
  await waitFor(() => expect(screen.getAllByTestId('search-row').map((row) => row.getAttribute('data-person-id'))).toEqual(['alan']));

  fireEvent.input(input, { target: { value: '' } });
  await waitFor(() => expect(screen.getAllByTestId('search-row')).toHaveLength(3));
  expect(input.getAttribute('aria-activedescendant')).toBe('person-option-ada');
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  await waitFor(() => expect(input.getAttribute('aria-activedescendant')).toBe('person-option-grace'));
  expect(document.getElementById('person-option-grace')?.getAttribute('aria-selected')).toBe('true');
  fireEvent.keyDown(input, { key: 'ArrowUp' });
  fireEvent.keyDown(input, { key: 'Enter' });
  expect(await screen.findByTestId('person-name')).toHaveProperty('textContent', 'Alan Turing');

  // Escape goes back to the list.
  fireEvent.keyDown(window, { key: 'Escape' });
  expect(await screen.findByTestId('search-input')).toBeTruthy();
});

test('the list is virtual: 2,000 contacts render a screenful of rows, and the list says how many there are', async () => {
  const { store } = await workspace({ seed: seed(2_000) });
  renderWith(store, <Workspace locale="en-GB" />);
  const list = await screen.findByTestId('search-results');
  await waitFor(() => expect(list.getAttribute('data-count')).toBe('2003'));
  const rendered = list.querySelectorAll('[role="option"]').length;
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  expect(list.querySelector('[role="option"]')?.getAttribute('aria-setsize')).toBe('2003');
});

test('keyboard: Alt+2 opens Today, "/" comes back to the search box, arrow keys move along the tabs', async () => {
  const { store } = await workspace({ seed: seed(0) });
  renderWith(store, <Workspace locale="en-GB" />);
  await screen.findByTestId('search-input');
  fireEvent.keyDown(window, { key: '2', altKey: true });
  await waitFor(() => expect(screen.getByTestId('tab-today').getAttribute('aria-selected')).toBe('true'));
  expect(await screen.findByTestId('today')).toBeTruthy();
  fireEvent.keyDown(screen.getByTestId('tab-today'), { key: 'ArrowRight' });
  await waitFor(() => expect(screen.getByTestId('tab-duplicates').getAttribute('aria-selected')).toBe('true'));
  fireEvent.keyDown(document.body, { key: '/' });
  await waitFor(() => expect(screen.getByTestId('tab-contacts').getAttribute('aria-selected')).toBe('true'));
  expect(await screen.findByTestId('search-input')).toBeTruthy();
});

test('every control of the search view and the record has an accessible name', async () => {
  const { store } = await workspace({ seed: seed(0) });
  renderWith(store, <Workspace locale="en-GB" />);
  await screen.findByTestId('search-input');
  expect(unlabelled(document.body)).toEqual([]);
  await store.openPerson('ada');
  await screen.findByTestId('person-view', {}, { timeout: 3000 });
  expect(unlabelled(document.body)).toEqual([]);
});
