// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { Workspace } from '../../../extension/components/Workspace';
import type { ClipsheetDb } from '../../../extension/store/db';
import { Organisation } from '../../../shared/model';
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

const withOrganisations = async (db: ClipsheetDb) => {
  await seed(0)(db);
  const organisation = (id: string, name: string, extra: Partial<Organisation> = {}) =>
    Organisation.schema.parse({ id, revision: 0, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', owner: 'rep@clipsheet.test', name, stage: 'prospect', ...extra });
  await db.organisations.bulkPut([
    organisation('engines', 'Analytical Engines', { domain: 'engines.test' }),
    organisation('pars', 'پارس تک'),
    organisation('gone', 'Analytical Ruins', { deleted: true }),
  ]);
};

test('organisations are found as you type, above the people; arrows move through both and Enter opens the organisation', async () => {
  const { store } = await workspace({ seed: withOrganisations });
  renderWith(store, <Workspace locale="en-GB" />);
  const input = await screen.findByTestId('search-input');
  fireEvent.input(input, { target: { value: 'analy' } });
  await waitFor(() => expect(screen.getByTestId('search-organisations').getAttribute('data-query')).toBe('analy'));
  // The deleted one is found by nobody; Ada works there (her company), so she is listed below it.
  expect(screen.getAllByTestId('search-organisation').map((row) => row.getAttribute('data-organisation-id'))).toEqual(['engines']);
  expect(screen.getAllByTestId('search-row').map((row) => row.getAttribute('data-person-id'))).toEqual(['ada']);
  expect(input.getAttribute('aria-activedescendant')).toBe('organisation-option-engines');
  expect(input.getAttribute('aria-controls')).toBe('search-organisations search-results');
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  await waitFor(() => expect(input.getAttribute('aria-activedescendant')).toBe('person-option-ada'));
  expect(document.getElementById('organisation-option-engines')?.getAttribute('aria-selected')).toBe('false');
  fireEvent.keyDown(input, { key: 'ArrowUp' });
  await waitFor(() => expect(input.getAttribute('aria-activedescendant')).toBe('organisation-option-engines'));
  expect(unlabelled(document.body)).toEqual([]);
  fireEvent.keyDown(input, { key: 'Enter' });
  expect((await screen.findByTestId('organisation-view')).textContent).toContain('Analytical Engines');
});

test.each([
  ['engines.test', ['engines']], // the domain
  ['engin', ['engines']], // the start of a word of the name
  ['پارس', ['pars']],
  ['پارس تك', ['pars']], // an Arabic keyboard's ك for the Persian ک
  ['a', ['engines']], // one letter: the start of "Analytical"
  ['turing', []],
])('an organisation is found by the words of its name and its domain, folded as people are: %s', async (query, expected) => {
  const { store } = await workspace({ seed: withOrganisations });
  renderWith(store, <Workspace locale="en-GB" />);
  await screen.findByTestId('search-input');
  fireEvent.input(screen.getByTestId('search-input'), { target: { value: query } });
  // The search that answers may be a later one for the same text (the notes index, once built, searches again).
  await waitFor(() => expect(store.getState().resultsFor).toBe(query));
  expect(store.getState().organisationResults.map((organisation) => organisation.id)).toEqual(expected);
});

test('an organisation created elsewhere (a capture in the background) is found without reopening the panel', async () => {
  const { store, db } = await workspace({ seed: withOrganisations });
  renderWith(store, <Workspace locale="en-GB" />);
  await screen.findByTestId('search-input');
  fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'bletch' } });
  await waitFor(() => expect(store.getState().resultsFor).toBe('bletch'));
  expect(store.getState().organisationResults).toEqual([]);
  await db.organisations.put(Organisation.schema.parse({ id: 'park', revision: 0, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', owner: 'rep@clipsheet.test', name: 'Bletchley Park', stage: 'prospect' }));
  await waitFor(() => expect(store.getState().organisationResults.map((organisation) => organisation.id)).toEqual(['park']));
});
