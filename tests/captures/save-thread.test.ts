import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractGmailThread } from '../../extension/captures/gmail-thread';
import { ClipsheetDb } from '../../extension/store/db';
import { saveEmailThread, type ThreadContext } from '../../extension/store/save-thread';
import { planThread } from '../../shared/capture/plan-thread';
import { Person } from '../../shared/model';
import { FIXTURES, parseDocument } from './fixtures';

const THREAD = extractGmailThread(parseDocument(readFileSync(join(FIXTURES, 'sites/mail.google.com/mail/u/0/index.html'), 'utf8')), 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmJhRvpBqmNcWlZkxTtN');
const ALIASES = extractGmailThread(parseDocument(readFileSync(join(FIXTURES, 'pages/gmail/thread-aliases.html'), 'utf8')), 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXLmNpQrStUvWxYzAbCdEf');
const NOBODY = { domains: [], addresses: [] };

let n = 0;
const freshDb = () => new ClipsheetDb(`capture-test-${process.pid}-${++n}`);
function context(own: string[], neverLog = NOBODY): ThreadContext {
  let id = 0;
  return { owner: 'rep@clipsheet.local', now: '2026-11-23T08:00:00.000Z', newId: () => `id-${++id}-${Math.random().toString(36).slice(2, 8)}`, ownAddresses: own, neverLog };
}

describe('planThread', () => {
  test('the rep and their company domain are never people; a message from the rep’s alias is outbound', () => {
    const plan = planThread(ALIASES, ['reza@clipsheet-demo.example'], NOBODY);
    expect(plan.people).toEqual([{ email: 'shirin.nouri+orders@gmail.com', name: 'شیرین نوری' }]);
    expect(plan.messages.map((m) => [m.externalId, m.direction])).toEqual([['gmail:19b0000000000a01', 'inbound']]);
    // The reply from sales@ has no readable date ("دیروز"): skipped, never dated by guess.
    expect(plan.skipped).toEqual([{ messageId: '19b0000000000a02', reason: 'no date' }]);
  });

  test('never-logged addresses and domains are left out, and a message with nobody left is skipped', () => {
    const plan = planThread(THREAD, ['reza@clipsheet-demo.example'], { domains: ['parsian-robotics.example'], addresses: ['Negar.Tehrani@arya-novin.example'] });
    expect(plan.people.map((p) => p.email)).toEqual(['ali.rezaei@arya-novin.example']);
    expect(plan.skipped).toEqual([{ messageId: '19a4c2f1a0b1c002', reason: 'nobody to log' }]);
  });

  test('an address the rep writes from (Gmail dots and tags aside) makes the message outbound', () => {
    const plan = planThread(THREAD, ['Ali.Rezaei@arya-novin.example'], NOBODY);
    expect(plan.messages.find((m) => m.externalId === 'gmail:19a4d8a7c3e4f003')?.direction).toBe('outbound');
  });
});

describe('saveEmailThread', () => {
  test('creates the people, logs each message once, and a second save adds nothing to the store or the outbox', async () => {
    const db = freshDb();
    const first = await saveEmailThread(db, THREAD, context(['rep@clipsheet.local', 'reza@clipsheet-demo.example']));
    expect(first).toMatchObject({ created: 3, updated: 0, logged: 2, alreadyLogged: 0, skipped: 1 });
    expect((await db.people.toArray()).map((p) => p.fullName).sort()).toEqual(['Ali Rezaei', 'Negar Tehrani', 'sara@parsian-robotics.example']);
    expect((await db.interactions.toArray()).map((i) => i.externalId).sort()).toEqual(['gmail:19a4c1e0b2d3f001', 'gmail:19a4d8a7c3e4f003']);
    const outbox = await db.outbox.count();
    expect(outbox).toBe(5);
    const ali = (await db.people.toArray()).find((p) => p.fullName === 'Ali Rezaei')!;
    expect(ali.lastContactAt).toBe(THREAD.messages[2]!.at);

    const again = await saveEmailThread(db, THREAD, context(['rep@clipsheet.local', 'reza@clipsheet-demo.example']));
    expect(again).toMatchObject({ created: 0, updated: 3, logged: 0, alreadyLogged: 2 });
    expect(await db.interactions.count()).toBe(2);
    expect(await db.people.count()).toBe(3);
    expect(await db.outbox.count()).toBe(outbox);
  });

  test('a person stored under another spelling of the address (Gmail dots, plus tag) is updated, not duplicated', async () => {
    const db = freshDb();
    await db.people.put(Person.schema.parse({ id: 'shirin', revision: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', owner: 'rep@clipsheet.local', stage: 'prospect', fullName: 'Shirin Nouri', emails: ['shirinnouri@gmail.com'] }));
    const saved = await saveEmailThread(db, ALIASES, context(['reza@clipsheet-demo.example']));
    expect(saved).toMatchObject({ created: 0, updated: 1, logged: 1 });
    const [shirin] = await db.people.toArray();
    expect(shirin).toMatchObject({ id: 'shirin', fullName: 'Shirin Nouri', emails: ['shirinnouri@gmail.com', 'shirin.nouri+orders@gmail.com'] });
    expect((await db.interactions.toArray())[0]!.personIds).toEqual(['shirin']);
  });
});
