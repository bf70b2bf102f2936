// The punycode package's ES module, imported by path: the bare name `punycode` would resolve to Node's
// deprecated built-in, which neither the browser nor Apps Script has.
declare module 'punycode/punycode.es6.js' {
  /** Converts a Unicode domain name to its ASCII (xn--) form; throws RangeError on overflow. */
  export function toASCII(input: string): string;
  /** Converts an ASCII (xn--) domain name to Unicode. */
  export function toUnicode(input: string): string;
}
