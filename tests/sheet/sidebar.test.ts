import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHtml, type HtmlHost } from '../../emulator/html-host';
import { SIDEBAR_FUNCTIONS } from '../../apps-script/sidebar/contract';
import { BUNDLE_DIR, ISO, loadAddOn, person } from '../support/add-on';
import { columnOf, rowsOf } from './helpers';

/**
 * The sidebar as a person uses it: the exact Sidebar.html the build inlines, rendered in a browser DOM,
 * its google.script.run calls running the bundle's functions in the emulator.
 */
let host: HtmlHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

type AddOn = ReturnType<typeof loadAddOn>;
const change = (entity: 'person' | 'interaction' | 'deal' | 'task', record: Record<string, unknown>, key: string) => ({ entity, key, assumedRevision: null, record });
const base = (id: string) => ({ id, revision: 0, createdAt: ISO, updatedAt: ISO, owner: '' });

async function customerWithHistory() {
  const addOn = loadAddOn();
  await addOn.send({
    op: 'push',
    changes: [
      change('person', person('p1', { fullName: 'Ada Lovelace', emails: ['ada@example.com'], company: 'Analytical Engines', stage: 'prospect', level: 'proactive' }), 'k-person-1'),
      change('person', person('p2', { fullName: 'Alan Turing' }), 'k-person-2'),
      change('interaction', { ...base('i1'), personIds: ['p1'], type: 'call', direction: 'outbound', at: '2026-10-01T10:00:00.000Z', subject: 'Intro call', outcome: 'wants a demo' }, 'k-inter-1'),
      change('interaction', { ...base('i2'), personIds: ['p2'], type: 'note', at: '2026-10-02T10:00:00.000Z', subject: 'Not Ada' }, 'k-inter-2'),
      change('deal', { ...base('d1'), personId: 'p1', kind: 'order', status: 'won', product: 'Engine', value: 500, currency: 'GBP', openedAt: '2026-10-05T00:00:00.000Z', closedAt: '2026-10-10T00:00:00.000Z' }, 'k-deal-01'),
      change('task', { ...base('t1'), personId: 'p1', title: 'Send the demo', dueAt: '2026-12-01T09:00:00.000Z', recurrence: 'none', status: 'open' }, 'k-task-01'),
    ],
  });
  // Someone types Ada again by hand.
  addOn.runtime.editByHand('Customers', `${columnOf(addOn.runtime, 'Customers', 'Emails')}4`, [['Ada@Example.com']]);
  addOn.runtime.editByHand('Customers', `${columnOf(addOn.runtime, 'Customers', 'Full name')}4`, [['A. Lovelace']]);
  return addOn;
}

async function openSidebar(addOn: AddOn, sheet: string, a1: string) {
  addOn.runtime.select(sheet, a1);
  addOn.runtime.call('menuOpenSidebar');
  host = await openHtml(addOn.runtime.ui.at(-1)!.content, addOn.runtime);
  return host;
}
const text = (h: HtmlHost, testId: string) => h.window.document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

describe('the sidebar shows the person on the current row', () => {
  test('their stage, level, 360-degree timeline across sheets, and the duplicate typed by hand', async () => {
    const addOn = await customerWithHistory();
    const h = await openSidebar(addOn, 'Customers', 'E2');
    expect(h.calls).toEqual(['sidebarLoad']);
    expect(text(h, 'person-name')).toBe('Ada Lovelace');
    expect(text(h, 'stage')).toBe('prospect (identify)');
    expect(text(h, 'level')).toBe('proactive');
    const timeline = [...h.window.document.querySelectorAll('[data-testid="timeline"] li')].map((li) => li.textContent);
    expect(timeline).toHaveLength(3);
    expect(timeline[0]).toContain('task (open): Send the demo');
    expect(timeline[1]).toContain('order won: Engine 500 GBP');
    expect(timeline[2]).toContain('call (outbound): Intro call');
    expect(text(h, 'duplicates')).toMatch(/Same person.*row 4, A\. Lovelace.*email:ada@example\.com/);
  });

  test('the newest of their archived interactions join the timeline, with how many the archive holds', async () => {
    const addOn = await customerWithHistory();
    const old = (n: number, personIds: string[]) => change('interaction', { ...base(`old${n}`), personIds, type: 'email', at: new Date(Date.UTC(2025, 0, 1 + n)).toISOString(), subject: `Old ${n}` }, `k-old-${String(n).padStart(4, '0')}`);
    // 22 of Ada's (one shared with Alan), and one of a person whose id starts with hers.
    const changes = [...Array.from({ length: 22 }, (_, n) => old(n, n === 21 ? ['p2', 'p1'] : ['p1'])), old(22, ['p12'])];
    await addOn.send({ op: 'push', changes });
    addOn.runtime.call('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    expect(rowsOf(addOn.runtime, 'Interactions').map((r) => r.Id)).toEqual(['i1', 'i2']);

    let h = await openSidebar(addOn, 'Customers', 'E2');
    const timeline = () => [...h.window.document.querySelectorAll('[data-testid="timeline"] li')].map((li) => li.textContent ?? '');
    expect(timeline()).toHaveLength(3 + 20);
    expect(timeline().slice(3).map((t) => t.match(/Old \d+/)![0])).toEqual(Array.from({ length: 20 }, (_, i) => `Old ${21 - i}`));
    expect(text(h, 'archived')).toBe('Showing the newest 20 of 22 interactions in the interactions archive.');
    expect(h.window.document.querySelector('[data-testid="archived"] a')?.getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\//);
    await h.close();

    // Someone without access to the archive (it was deleted, or its owner never shared it) sees why, and the rest.
    const { id } = JSON.parse(addOn.runtime.state.properties['clipsheet.archive']!) as { id: string };
    addOn.runtime.spreadsheets.delete(id);
    h = await openSidebar(addOn, 'Customers', 'E2');
    expect(timeline()).toHaveLength(3);
    expect(text(h, 'archived')).toMatch(/^Older interactions are in the archive, which you cannot open: ask its owner to share it with you/);
  });

  test('on an interaction, deal or task row it shows that row’s person; elsewhere it says what to do', async () => {
    const addOn = await customerWithHistory();
    const interactionRow = rowsOf(addOn.runtime, 'Interactions').findIndex((r) => r.Id === 'i2') + 2;
    let h = await openSidebar(addOn, 'Interactions', `A${interactionRow}`);
    expect(text(h, 'person-name')).toBe('Alan Turing');
    await h.close();
    h = await openSidebar(addOn, 'Dashboard', 'A1');
    expect(text(h, 'empty')).toContain('Select a row in Customers');
  });

  test('moving the stage applies the ladder’s rules, stamps the row and refreshes the view', async () => {
    const addOn = await customerWithHistory();
    const h = await openSidebar(addOn, 'Customers', 'B2');
    const { document } = h.window;
    const pick = (testId: string, value: string) => {
      const select = document.querySelector(`[data-testid="${testId}"]`) as unknown as HTMLSelectElement;
      select.value = value;
      select.dispatchEvent(new h.window.Event('change', { bubbles: true }) as unknown as Event);
    };
    const submit = async () => {
      (document.querySelector('[data-testid="move"]') as unknown as HTMLButtonElement).click();
      await h.settle();
    };
    pick('stage-select', 'lost');
    await h.settle();
    await submit(); // no reason yet
    expect(text(h, 'stage-problem')).toContain('moving to lost needs a reason');
    pick('reason-select', 'price');
    await h.settle();
    await submit();
    expect(text(h, 'stage')).toBe('lost: price');
    expect(rowsOf(addOn.runtime, 'Customers')[0]).toMatchObject({ Id: 'p1', Stage: 'lost', 'Stage reason': 'price', Revision: 2 });
    expect(rowsOf(addOn.runtime, 'Log').at(-1)).toMatchObject({ Action: 'stage change', Id: 'p1', Detail: 'prospect -> lost (price)' });
    const pulled = await addOn.send({ op: 'pull', entity: 'person', checkpoint: null, limit: 10 });
    expect(pulled.ok && pulled.op === 'pull' && pulled.documents.find((d) => d.id === 'p1')).toMatchObject({ stage: 'lost', revision: 2 });
  });
});

test('every function the sidebar calls is a top-level function of Code.js', () => {
  const code = readFileSync(join(BUNDLE_DIR, 'Code.js'), 'utf8');
  for (const name of SIDEBAR_FUNCTIONS) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
});
