import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Capture, CapturedField } from '../../shared/capture/capture';

/** tests/fixtures, where every fixture path in code and headers is relative to. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** What a fixture's header comment promises: which capture runs at which URL, and what it must find. */
export interface FixtureSpec {
  path: string;
  capture: string;
  url: string;
  expected: Record<string, string>;
  missing: string[];
  /** Fields found only by class names: lost when they are scrambled; every other field must survive. */
  classOnly: string[];
  html: string;
}

/** Every .html (and `#`-headed .txt) fixture under pages/ and sites/ whose header names a capture. */
export function loadFixtures(): FixtureSpec[] {
  return walk(FIXTURES)
    .filter((file) => /\.(?:html|txt)$/.test(file))
    .map((file) => readSpec(relative(FIXTURES, file), readFileSync(file, 'utf8')))
    .filter((spec): spec is FixtureSpec => !!spec);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

// Built from a string: some parsers read a `<!--` regex literal as an HTML comment.
const HTML_COMMENT = new RegExp('<' + '!--([\\s\\S]*?)-->');

function readSpec(path: string, text: string): FixtureSpec | undefined {
  // A text fixture's header is its leading `#` lines; the rest is the text itself.
  const hashLines = path.endsWith('.txt') ? (/^(?:#.*\n)+/.exec(text)?.[0] ?? '') : '';
  const header = path.endsWith('.txt') ? hashLines.replace(/^# ?/gm, '') : (HTML_COMMENT.exec(text)?.[1] ?? '');
  const html = path.endsWith('.txt') ? text.slice(hashLines.length) : text;
  const target = /Capture:\s*(\S+)\s+at\s+(\S+)/.exec(header);
  if (!target) return undefined;
  const list = (label: string) => (new RegExp(`${label}:([^\\n(]*)`).exec(header)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const block = /Must extract:\n([\s\S]*?)(?:\n\s*(?:Must be missing|Stable|-->)|$)/.exec(header)?.[1] ?? '';
  const expected: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const match = /^\s{4}([\w.]+(?:\[[^\]]+\][\w.]*)*):\s?(.*)$/.exec(line);
    if (match) expected[match[1]!] = match[2]!.trim();
  }
  return { path, capture: target[1]!, url: target[2]!, expected, missing: list('Must be missing'), classOnly: list('Class-only'), html };
}

/** A fresh Document of a fixture's HTML (linkedom, as the CLI uses). */
export const parseDocument = (html: string) => parseHTML(html).document as unknown as Document;

/** A capture as flat `path: value` pairs, the form fixture headers use; dates in local wall-clock time. */
export function flatten(capture: Capture): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = (prefix: string, record: Partial<Record<string, CapturedField>>) => {
    for (const [key, field] of Object.entries(record)) if (field) out[prefix + key] = field.value;
  };
  if (capture.kind === 'page') {
    // Records are named by their name, not their position: a record lost to a mutation shifts no other.
    capture.people.forEach((person, i) => fields(`people[${person.fields.fullName?.value ?? i}].`, person.fields));
    capture.organisations.forEach((org, i) => fields(`organisations[${org.fields.name?.value ?? i}].`, org.fields));
    out['people.length'] = String(capture.people.length);
    out['organisations.length'] = String(capture.organisations.length);
    return out;
  }
  fields('', capture.fields);
  if (capture.kind === 'email-thread') {
    out['messages.length'] = String(capture.messages.length);
    capture.messages.forEach((message, i) => {
      const p = `messages[${i}].`;
      out[`${p}messageId`] = message.messageId;
      if (message.from) out[`${p}from`] = address(message.from);
      out[`${p}recipients`] = message.recipients.map(address).join(', ');
      if (message.at) out[`${p}at`] = localTime(message.at);
      if (message.snippet) out[`${p}snippet`] = message.snippet;
    });
  }
  return out;
}

const address = (a: { email: string; name?: string }) => (a.name ? `${a.name} <${a.email}>` : a.email);
const pad = (n: number) => String(n).padStart(2, '0');
function localTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
