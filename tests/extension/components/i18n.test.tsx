// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Workspace } from '../../../extension/components/Workspace';
import { en, enVocabulary } from '../../../extension/i18n/en';
import { fa, faVocabulary } from '../../../extension/i18n/fa';
import { createTranslator, pickLanguage } from '../../../extension/i18n/i18n';
import { STAGES, INTERACTION_TYPES, LEVELS, LOST_REASONS, DISQUALIFY_REASONS, VOICE_OF_CUSTOMER } from '../../../shared/model';
import { aPerson } from '../support';
import { renderWith, workspace } from './harness';

afterEach(cleanup);

describe('the two languages', () => {
  test('every English message has a Persian one with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(fa[key], key).toBeTruthy();
      expect(placeholders(fa[key]), key).toEqual(placeholders(en[key]));
    }
  });

  test('every value of the domain vocabulary has a name in both languages', () => {
    const groups = { stage: STAGES, interaction: INTERACTION_TYPES, level: LEVELS, lost: LOST_REASONS, disqualify: DISQUALIFY_REASONS, voc: VOICE_OF_CUSTOMER } as const;
    for (const [group, values] of Object.entries(groups)) {
      for (const value of values) {
        expect((enVocabulary as Record<string, Record<string, string>>)[group]![value], `${group}.${value}`).toBeTruthy();
        expect((faVocabulary as Record<string, Record<string, string>>)[group]![value], `${group}.${value}`).toBeTruthy();
      }
    }
  });

  test('Persian dates are in the Persian calendar with Persian digits; English follows the browser locale', () => {
    const at = '2026-03-21T08:30:00.000Z'; // Nowruz 1405
    expect(createTranslator('fa').date(at)).toBe('۱ فروردین ۱۴۰۵');
    expect(createTranslator('fa').t('search.count', { count: 1234 })).toBe('۱٬۲۳۴ مخاطب');
    expect(createTranslator('en', 'en-GB').date(at)).toBe('21 Mar 2026');
    expect(createTranslator('en', 'en-US').date(at)).toBe('Mar 21, 2026');
    expect(createTranslator('en', 'en-US').date(undefined)).toBe('');
  });

  test('the language follows the browser unless the rep chose one', () => {
    expect(pickLanguage('fa-IR')).toBe('fa');
    expect(pickLanguage('en-GB')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });
});

test('in Persian the workspace is right-to-left and speaks Persian, down to the stage names', async () => {
  const { store } = await workspace({ seed: (db) => db.people.put(aPerson({ id: 'ada', fullName: 'آدا لاولیس', stage: 'prospect' })), settings: { language: 'fa' } });
  renderWith(store, <Workspace locale="en-GB" />, 'fa');
  await screen.findByTestId('search-input');
  expect(document.documentElement.dir).toBe('rtl');
  expect(document.documentElement.lang).toBe('fa');
  expect(screen.getByTestId('tab-contacts').textContent).toBe('مخاطبان');
  await waitFor(() => expect(screen.getByTestId('search-row').textContent).toContain('مشتری بالقوه'));
  // Arrow keys follow the reading direction on the tabs: in RTL, left is forward.
  fireEvent.keyDown(screen.getByTestId('tab-contacts'), { key: 'ArrowLeft' });
  await waitFor(() => expect(screen.getByTestId('tab-today').getAttribute('aria-selected')).toBe('true'));
  // Switching to English flips the page back.
  await store.setLanguage('en');
  await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
  expect(screen.getByTestId('tab-contacts').textContent).toBe('Contacts');
});
