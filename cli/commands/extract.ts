/**
 * `clipsheet extract FILE --url URL`: runs the extension's own extractor on a saved page and prints the
 * capture as JSON, so a page that clips badly in the browser can be saved, replayed and turned into a fixture.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { UsageError, type Command } from '../command';
import { parseOptions } from '../options';
import { isPage } from '../../extension/captures/pages';
import { CAPTURES, captureFor } from '../../extension/captures/registry';
import { extractSelection } from '../../extension/captures/selection';
import { toPerson } from '../../extension/captures/records';
import { parseVcard, vcardLinks } from '../../extension/captures/vcard';
import { extractWebPage } from '../../extension/captures/web-page';
import type { Capture, PersonCapture } from '../../shared/capture/capture';

const usage = `Usage: clipsheet extract FILE --url URL [--capture ID] [--compact]

Prints what Clipsheet captures from FILE as JSON: each field with its confidence and the strategy that found
it, and the fields no strategy found.
  FILE            a saved page (.html), a text selection (.txt) or a vCard (.vcf)
  --url URL       the address the page was saved from; it chooses the capture (LinkedIn profile, Gmail
                  thread, any page...) as the extension would
  --capture ID    force a capture: ${[...CAPTURES.map((c) => c.id), 'selection', 'vcard'].join(', ')}
  --compact       one line of JSON
A web page's vCard links (.vcf) are read from files of the same name next to FILE, when there.`;

export default {
  name: 'extract',
  summary: 'run the extension’s extractor on a saved page and print the capture as JSON',
  usage,
  async run(args) {
    const { values, positionals } = parseOptions(args, { url: { type: 'string' }, capture: { type: 'string' }, compact: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('give one FILE');
    if (!values.url) throw new UsageError('--url is required: it decides which capture runs');
    const file = positionals[0]!;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`clipsheet extract: cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const capture = extract(file, text, values.url, values.capture);
    process.stdout.write(`${JSON.stringify(capture, null, values.compact ? 0 : 2)}\n`);
    return 0;
  },
} satisfies Command;

function extract(file: string, text: string, url: string, id: string | undefined): Capture {
  const kind = id ?? (file.endsWith('.txt') ? 'selection' : file.endsWith('.vcf') ? 'vcard' : undefined);
  if (kind === 'selection') return extractSelection(text, url);
  if (kind === 'vcard') {
    const people = parseVcard(text).map((raw) => toPerson(raw, url, 'web')).filter((p): p is PersonCapture => !!p);
    return { kind: 'page', source: 'web', url, people, organisations: [] };
  }
  const entry = id ? CAPTURES.find((c) => c.id === id) : captureFor(url, isPage);
  if (!entry) throw new UsageError(id ? `no capture is called '${id}'` : `no capture runs at ${url}`);
  const doc = parseHTML(text).document as unknown as Document;
  if (entry.id !== 'web-page') return entry.extract(doc, url);
  return extractWebPage(doc, url, localVcards(doc, url, file));
}

// A saved page's vCard links, read from files of the same name beside the page (what "Save page as" keeps).
function localVcards(doc: Document, url: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const link of vcardLinks(doc, url)) {
    const local = join(dirname(file), basename(new URL(link).pathname));
    if (existsSync(local)) out[link] = readFileSync(local, 'utf8');
  }
  return out;
}
