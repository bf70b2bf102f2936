import { describe, expect, test } from 'vitest';
import { parseQuery, parseUrl } from '../../../shared/identity';

describe('parseUrl, the URL subset shared/ needs without WHATWG URL', () => {
  test.each([
    ['https://www.Example.com/a/b?x=1&y=two#frag', { scheme: 'https', host: 'www.example.com', port: '', path: ['a', 'b'], query: [['x', '1'], ['y', 'two']] }],
    ['example.com', { scheme: '', host: 'example.com', port: '', path: [], query: [] }],
    ['//example.com/a', { scheme: '', host: 'example.com', port: '', path: ['a'], query: [] }],
    ['HTTP://example.com:8080//a///b/', { scheme: 'http', host: 'example.com', port: '8080', path: ['a', 'b'], query: [] }],
    ['www.example.com:443/a', { scheme: '', host: 'www.example.com', port: '443', path: ['a'], query: [] }],
    ['https://user:pw@example.com/a', { scheme: 'https', host: 'example.com', port: '', path: ['a'], query: [] }],
    ['https://linkedin.com@evil.com/in/x', { scheme: 'https', host: 'evil.com', port: '', path: ['in', 'x'], query: [] }],
    ['https:\\\\example.com\\a', { scheme: 'https', host: 'example.com', port: '', path: ['a'], query: [] }],
    ['https://example.com/%D8%B9%D9%84%DB%8C?q=a+b&q=second&bad=%zz', { scheme: 'https', host: 'example.com', port: '', path: ['علی'], query: [['q', 'a b']] }],
    ['https://مثال.ایران/', { scheme: 'https', host: 'xn--mgbh0fb.xn--mgba3a4f16a', port: '', path: [], query: [] }],
    ['https://example.com?x', { scheme: 'https', host: 'example.com', port: '', path: [], query: [['x', '']] }],
  ])('%j', (raw, expected) => {
    const result = parseUrl(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect({ ...result.value, query: [...parseQuery(result.value.query)] }).toEqual(expected);
  });

  test.each([
    ['', 'empty'],
    ['javascript:alert(1)', 'malformed'],
    ['ftp://example.com/a', 'malformed'],
    ['mailto:ada@example.com', 'malformed'],
    ['https://', 'malformed'],
    ['https://localhost/a', 'malformed'],
    ['https://127.0.0.1/a', 'malformed'],
    ['https://[::1]/a', 'malformed'],
    ['https://exa mple.com', 'malformed'],
    ['https://example.com/%E0%A4%A', 'malformed'],
    ['https://example.com:99999999/a', 'malformed'],
    ['=HYPERLINK("https://example.com")', 'formula'],
    [`https://example.com/${'a'.repeat(2_000)}`, 'too-long'],
  ])('%j is refused as %s', (raw, code) => {
    const result = parseUrl(raw);
    expect(result.ok ? undefined : result.problem.code).toBe(code);
  });
});
