import { describe, expect, test } from 'vitest';
import { cleanEmail, normaliseEmail } from '../../../shared/identity';

describe('cleanEmail keeps the address as written, only tidied', () => {
  test.each([
    ['  Ada.Lovelace+crm@GMail.com ', 'ada.lovelace+crm@gmail.com'],
    ['mailto:Bob@Example.COM', 'bob@example.com'],
    ['Ali Rezaei <Ali@Acme.IR>', 'ali@acme.ir'],
    ['\u200Fali@acme.ir\u200E', 'ali@acme.ir'], // RLM/LRM from a Persian page
    ['user@مثال.ایران', 'user@xn--mgbh0fb.xn--mgba3a4f16a'],
    ['ab@bücher.DE.', 'ab@xn--bcher-kva.de'],
    ['ab@xn--bcher-kva.de', 'ab@xn--bcher-kva.de'],
    ['ab@ｅｘａｍｐｌｅ.com', 'ab@example.com'], // full-width letters, IDNA-mapped
  ])('%j -> %j', (raw, expected) => {
    expect(cleanEmail(raw)).toEqual({ ok: true, value: expected });
  });
});

describe('normaliseEmail applies provider aliasing only where the provider documents it', () => {
  test.each([
    ['Ada.Lovelace+crm@gmail.com', 'adalovelace@gmail.com'],
    ['ada.lovelace@googlemail.com', 'adalovelace@gmail.com'],
    ['ali+news@outlook.com', 'ali@outlook.com'],
    ['ali+news@hotmail.com', 'ali@hotmail.com'],
    // Dots count at Microsoft; elsewhere neither dots nor tags are touched.
    ['a.li@outlook.com', 'a.li@outlook.com'],
    ['ali+news@acme.ir', 'ali+news@acme.ir'],
    ['a.li@yahoo.com', 'a.li@yahoo.com'],
    ['ali+x@chmail.ir', 'ali+x@chmail.ir'],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ada', 'malformed'],
    ['@acme.ir', 'formula'], // a leading @ is a formula trigger in Sheets,
    ['ada@', 'malformed'],
    ['ada@localhost', 'malformed'],
    ['ada@1.2.3.4', 'malformed'],
    ['a..b@acme.ir', 'malformed'],
    ['.ab@acme.ir', 'malformed'],
    ['"ada lovelace"@acme.ir', 'malformed'],
    ['ada lovelace@acme.ir', 'malformed'],
    ['ada@acme..ir', 'malformed'],
    ['ada@-acme.ir', 'malformed'],
    ['+tag@gmail.com', 'formula'],
    ['=HYPERLINK("mailto:x@y.com","x")', 'formula'],
    ['mailto:=1+1@acme.ir', 'formula'],
    ['Ali <@acme.ir>', 'formula'],
    ['ada\u0000@acme.ir', 'malformed'],
    [`${'a'.repeat(65)}@acme.ir`, 'malformed'],
    [`ada@${'a'.repeat(64)}.ir`, 'malformed'],
    [42, 'malformed'],
    [null, 'not-text'],
    [{ email: 'ada@acme.ir' }, 'not-text'],
  ])('%j is refused as %s', (raw, code) => {
    const result = normaliseEmail(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ field: 'email', code });
  });
});
