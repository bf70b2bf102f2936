import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ClipsheetDb } from '../../../extension/store/db';
import { exportPeopleCsv, exportPeopleVCard } from '../../../extension/store/export';
import { guessMapping, importPeople, parseCsv, rowToFields } from '../../../extension/store/import-csv';
import { searchPeople } from '../../../extension/store/search-people';
import { aPerson, contextAt, freshDb } from '../support';
import { queuedRecords } from '../../../extension/store/changes';

let db: ClipsheetDb;
const now = '2026-05-04T09:00:00.000Z';
beforeEach(async () => {
  db = freshDb();
  await db.people.put(aPerson({ id: 'stored', fullName: 'Ada Lovelace', emails: ['ada@engines.test'], title: 'Analyst', company: 'Engines' }));
});

describe('reading a CSV', () => {
  test('headers in English, Persian and our own export are mapped to fields; unknown ones are left out', () => {
    expect(guessMapping(['Full Name', 'E-mail', 'Mobile', 'Company', 'Job title', 'Shoe size'])).toEqual(['fullName', 'emails', 'phones', 'company', 'title', null]);
    expect(guessMapping(['نام و نام خانوادگی', 'ایمیل', 'تلفن همراه', 'شرکت', 'سمت', 'یادداشت'])).toEqual(['fullName', 'emails', 'phones', 'company', 'title', 'notes']);
    expect(guessMapping(['First name', 'Last name', 'Email', 'Email'])).toEqual(['givenName', 'familyName', 'emails', null]);
  });

  test('a BOM, quoted line breaks and semicolon lists are read', () => {
    const csv = parseCsv('\uFEFFName,Emails,Notes\r\n"Ada, Countess",a@x.test; b@x.test,"line 1\nline 2"\r\n\r\n');
    expect(csv.headers).toEqual(['Name', 'Emails', 'Notes']);
    expect(csv.rows).toEqual([['Ada, Countess', 'a@x.test; b@x.test', 'line 1\nline 2']]);
    expect(rowToFields(csv.rows[0]!, guessMapping(csv.headers)).fields).toMatchObject({ fullName: 'Ada, Countess', emails: ['a@x.test', 'b@x.test'] });
  });

  test('given and family name make the full name; an address that is not one is left out and said so', () => {
    expect(rowToFields(['Grace', 'Hopper', 'not-an-email'], ['givenName', 'familyName', 'emails'])).toEqual({
      fields: { givenName: 'Grace', familyName: 'Hopper', fullName: 'Grace Hopper' },
      notes: [{ code: 'bad-email', value: 'not-an-email' }],
    });
  });
});

describe('importing people', () => {
  const csv = [
    'Name,Email,Phone,Company,Title,Stage',
    'Grace Hopper,grace@navy.test,+1 202 555 0100,US Navy,Rear Admiral,prospect', // created
    'ADA LOVELACE,Ada@Engines.test,,Engines,Countess,', // merged into the stored Ada (same email)
    'G. Hopper,grace@navy.test,,,,', // merged into row 2 (same email, earlier in the file)
    ',nobody@x.test,,,,', // rejected: no name
    'Colleague,me@clipsheet.test,,,,', // rejected: the team's own domain is never logged
    'Grace Hopper,,,US Navy,,', // created, but flagged: same name at the same company
    'Alan Turing,,,,,repeat customer', // created; the stage needs purchases a CSV does not carry
    '=HYPERLINK("http://evil.test"),evil@evil.test,,,,', // a name, stored as text (the sheet escapes it)
  ].join('\n');

  test('creates, merges and rejects, and says why for each row', async () => {
    const { headers, rows } = parseCsv(csv);
    const report = await importPeople(db, rows, guessMapping(headers), contextAt(now), { neverLogDomains: ['clipsheet.test'] });
    expect({ created: report.created, merged: report.merged, rejected: report.rejected, flagged: report.flagged }).toEqual({ created: 4, merged: 2, rejected: 2, flagged: 1 });
    const byLine = Object.fromEntries(report.details.map((detail) => [detail.line, [detail.outcome, ...detail.notes.map((note) => note.code)]]));
    expect(byLine).toEqual({
      3: ['merged', 'same-key'],
      4: ['merged', 'same-key'],
      5: ['rejected', 'no-name'],
      6: ['rejected', 'never-log'],
      7: ['created', 'possible-duplicate'],
      8: ['created', 'stage-ignored'],
    });

    const ada = (await db.people.get('stored'))!;
    expect(ada).toMatchObject({ fullName: 'ADA LOVELACE', title: 'Countess' });
    expect(ada.emails.map((email) => email.toLowerCase())).toEqual(['ada@engines.test']); // one address, however written
    expect(ada.history).toContainEqual(expect.objectContaining({ field: 'title', value: 'Analyst' }));
    expect(ada.history.some((entry) => entry.field === 'id')).toBe(false);
    const [graceId] = await searchPeople(db, 'grace@navy.test');
    const grace = (await db.people.get(graceId!))!;
    expect(grace).toMatchObject({ phones: ['+1 202 555 0100'], company: 'US Navy', stage: 'prospect', provenance: { company: { source: 'import', at: now } } });
    // Two rows of one file tie on time; identity's merge decides by its own rule and keeps the other name in history.
    expect([grace.fullName, ...grace.history.filter((entry) => entry.field === 'fullName').map((entry) => entry.value)].sort()).toEqual(['G. Hopper', 'Grace Hopper']);
    expect((await db.people.get((await searchPeople(db, 'alan'))[0]!))!.stage).toBe('suspect');
    expect(await db.people.count()).toBe(5);
    // Every person written is queued for sync.
    expect(await queuedRecords(db)).toEqual(new Set((await db.people.toArray()).map((person) => `person:${person.id}`)));
  });

  test("a merged row keeps the matched person's id, whatever order the ids sort in", async () => {
    const { headers, rows } = parseCsv(csv);
    const context = contextAt(now);
    let n = 1_000;
    context.newId = () => `id-${--n}`; // each new id sorts before the ones made earlier
    const report = await importPeople(db, rows, guessMapping(headers), context, { neverLogDomains: ['clipsheet.test'] });
    expect(report.merged).toBe(2);
    expect(await db.people.count()).toBe(5);
    expect((await db.people.get('stored'))!.title).toBe('Countess');
  });

  test('chunked writes report progress and give the same result', async () => {
    const { headers, rows } = parseCsv(csv);
    const progress: number[] = [];
    const report = await importPeople(db, rows, guessMapping(headers), contextAt(now), { chunkSize: 1, onProgress: (done) => progress.push(done) });
    expect(report.created + report.merged + report.rejected).toBe(rows.length);
    expect(progress.at(-1)).toBe(rows.length);
    expect(progress.length).toBeGreaterThan(2);
  });
});

describe('exporting people', () => {
  const hostile = aPerson({
    id: 'x',
    fullName: '=HYPERLINK("http://evil.test","click")',
    company: '+cmd|calc',
    title: '-2+3',
    location: '@SUM(A1)',
    notes: '=1+1\nsecond line',
    phones: ['+98 912 345 6789'],
    emails: ['safe@example.test'],
    tags: ['vip', 'fa:مشتری'],
  });

  test('CSV cells that a spreadsheet would run are guarded with an apostrophe', () => {
    const csv = exportPeopleCsv([hostile]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data as [string[], string[]];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Full name')).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(cell('Company')).toBe(`'+cmd|calc`);
    expect(cell('Title')).toBe(`'-2+3`);
    expect(cell('Location')).toBe(`'@SUM(A1)`);
    expect(cell('Notes')).toBe(`'=1+1\nsecond line`);
    expect(cell('Emails')).toBe('safe@example.test');
    for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r\n]/);
  });

  test('an exported CSV imports back into the same people', async () => {
    const people = [hostile, aPerson({ id: 'y', fullName: 'سارا کریمی', company: 'پارس تک', tags: ['a', 'b'] })];
    const { headers, rows } = parseCsv(exportPeopleCsv(people));
    const target = freshDb();
    const report = await importPeople(target, rows, guessMapping(headers), contextAt(now));
    expect(report.created).toBe(2);
    const back = await target.people.toArray();
    const fields = ['company', 'title', 'notes', 'phones', 'tags', 'location', 'emails'] as const;
    const pick = (person: (typeof people)[number] | undefined) => Object.fromEntries(fields.map((field) => [field, person?.[field]]));
    for (const person of people) expect(pick(back.find((p) => p.fullName === person.fullName))).toEqual(pick(person));
  });

  test('vCard escapes text, folds long lines at 75 octets and keeps Persian intact', () => {
    const card = exportPeopleVCard([aPerson({ id: 'v', fullName: 'Lovelace, Ada; Countess', givenName: 'Ada', familyName: 'Lovelace', notes: 'یادداشت '.repeat(20), emails: ['ada@engines.test'] })]);
    expect(card).toContain('FN:Lovelace\\, Ada\\; Countess\r\n');
    expect(card).toContain('N:Lovelace;Ada;;;\r\n');
    expect(card).toContain('EMAIL;TYPE=INTERNET:ada@engines.test\r\n');
    for (const line of card.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = card.replace(/\r\n /g, '');
    expect(unfolded).toContain(`NOTE:${'یادداشت '.repeat(20)}`);
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(card.trimEnd().endsWith('END:VCARD')).toBe(true);
  });
});
