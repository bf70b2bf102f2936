import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { foldText, normaliseCompanyName, normaliseName } from '../../../shared/identity';

describe('normaliseName: one key for the spellings of one name', () => {
  test.each([
    // Each group of spellings must give the same key.
    [['Ali Rezaei', '  ali   REZAEI ', 'Dr. Ali Rezaei', 'Mr Ali Rezaei', 'ALI\tREZAEI', 'Ali\u00A0Rezaei']],
    [['علی کریمی', 'علي كريمي', 'علی\u200Cکریمی'.replace('\u200C', ' '), 'آقای علی کریمی', 'دکتر علی کریمی', 'جناب آقای علی کریمی']],
    [['علیرضا', 'علی\u200Cرضا', 'علي\u200Cرضا']], // ZWNJ (half-space) is ignored
    [['محمد', 'مُحَمَّد', 'محـــمد']], // harakat and kashida
    [['علی', 'ﻋﻠﻲ']], // Arabic presentation forms, as old PDFs give them
    [['کیان', 'كيان', 'کی\u200Fان']],
    [['José Núñez', 'José Núñez'.normalize('NFD')]], // composed vs decomposed
    [['Sara ۲', 'Sara 2', 'Sara ٢']],
  ])('%j share one key', (spellings) => {
    const keys = spellings.map((s) => normaliseName(s));
    expect(keys.every((k) => k.ok)).toBe(true);
    expect(new Set(keys.map((k) => (k.ok ? k.value : ''))).size).toBe(1);
  });

  test.each([
    ['Ali Rezaei', 'Ali Rezai'],
    ['علی کریمی', 'علی کریم'],
    ['Sara Ahmadi', 'Sarah Ahmadi'],
    ['سید علی', 'علی'], // Seyed is part of the name, not a title
    ['José', 'Jose'], // Latin accents are kept: conservative
  ])('%j and %j stay apart', (a, b) => {
    expect(normaliseName(a)).not.toEqual(normaliseName(b));
  });

  test.each([
    ['Dr', 'dr'], // a title alone is all we know: kept
    ['Dr. Dr. Ali', 'ali'],
    ['Ali Dr', 'ali dr'], // only leading titles go
    ['Ali Rezaei (CEO)', 'ali rezaei (ceo)'],
  ])('%j -> %j', (raw, key) => {
    expect(normaliseName(raw)).toEqual({ ok: true, value: key });
  });

  test.each([
    ['', 'empty'],
    ['\u200C\u200F', 'empty'],
    ['=HYPERLINK("http://evil","x")', 'formula'],
    ['Mr =1+1', 'formula'], // stripping the title exposes the formula
    ['x'.repeat(501), 'too-long'],
  ])('%j is refused as %s', (raw, code) => {
    const result = normaliseName(raw);
    expect(result.ok ? undefined : result.problem.code).toBe(code);
  });
});

describe('normaliseCompanyName', () => {
  test.each([
    ['Acme, Inc.', 'acme'],
    ['ACME Ltd', 'acme'],
    ['The Acme Co', 'acme'],
    ['Acme GmbH & Co', 'acme gmbh &'],
    ['شرکت فولاد مبارکه (سهامی عام)', 'فولاد مبارکه'],
    ['فولاد مباركه', 'فولاد مبارکه'],
    ['شرکت نوآوران با مسئولیت محدود', 'نوآوران'],
    ['Limited', 'limited'], // a legal form alone is kept rather than emptied
  ])('%j -> %j', (raw, key) => {
    expect(normaliseCompanyName(raw)).toEqual({ ok: true, value: key });
  });

  test('punctuation alone gives no key', () => {
    expect(normaliseCompanyName('...')).toMatchObject({ ok: false, problem: { code: 'empty', field: 'company' } });
  });
});

describe('normaliseName folds word by word as the whole name would fold', () => {
  // Letters that fold (Arabic kaf/yeh, marks, presentation forms, digits, final sigma) and characters NFKC
  // turns into a space and a mark (¨, ˘), mixed with every kind of whitespace between words.
  const pieces = fc.constantFrom(...'aZ ΣσΑ\u00A8\u02D8\u00A0\u2002\u3000\t\nيكىیکة\u064B\u0670\u0640\u200C\u0301e\u0308ﻙﯾＡ۱٢1.'.split(''), 'Dr. ', 'خانم ', ' \u0308');
  const wholeNameKey = (raw: string) => {
    const words = foldText(raw.replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g, '').trim()).split(/\s+/).filter(Boolean);
    while (words.length > 1 && ['dr', 'خانم'].includes(words[0]!.replace(/\.$/, ''))) words.shift();
    return words.join(' ');
  };

  test('the same key as folding the whole name at once', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), (raw) => {
        const key = normaliseName(raw);
        if (key.ok) expect(key.value).toBe(wholeNameKey(raw));
        else expect(wholeNameKey(raw) === '' || /^[=+\-@]/.test(wholeNameKey(raw))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
