import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createScriptApp, type TriggerSpec } from './script-app';
import { track } from './sheets-context';
import type { CallCounter } from './call-counter';

/**
 * The Apps Script services besides SpreadsheetApp, with the platform's limits (../shared/PLATFORM.md)
 * enforced, so that code which would fail in Google fails here too.
 */

export type { TriggerSpec } from './script-app';

/** What the emulator keeps between runs: script properties and installed triggers. */
export interface ScriptState {
  properties: Record<string, string>;
  triggers: TriggerSpec[];
}

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;
const CACHE_KEY_LIMIT = 250;
const CACHE_VALUE_LIMIT = 100 * 1024;
const CACHE_MAX_EXPIRY_S = 6 * 3600;

/** Apps Script returns signed bytes (-128..127) from its digest functions. */
const toSignedBytes = (buffer: Buffer) => Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
const toBuffer = (value: string | number[]) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.map((b) => b & 0xff)));

export interface ServiceOptions {
  calls: CallCounter;
  state: ScriptState;
  /** Who the script runs as (the web app's "Execute as"). */
  user: string;
  /** Files of the pushed project, for HtmlService.createHtmlOutputFromFile. */
  files: Record<string, string>;
  webAppUrl: () => string;
  /** The user at the keyboard, as Session.getActiveUser reports it: '' for an anonymous web-app visitor. */
  activeUser?: () => string;
  now: () => number;
  log: (line: string) => void;
  onStateChange: () => void;
  /** Another execution's turn, once this one releases a lock (AppsScriptRuntime.betweenLocks). */
  onLockReleased: () => void;
  /** Whom the running execution acts as (Session.getEffectiveUser); `user` when not given. */
  effectiveUser?: () => string;
}

export function createServices(options: ServiceOptions) {
  const { calls, state } = options;
  const t = <T extends object>(object: T, name: string) => track(object, name, calls);

  const scriptProperties = {
    getProperty: (key: string) => state.properties[key] ?? null,
    getProperties: () => ({ ...state.properties }),
    getKeys: () => Object.keys(state.properties),
    setProperty(key: string, value: string) {
      const text = String(value);
      if (Buffer.byteLength(text) > PROPERTY_VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
      const next = { ...state.properties, [key]: text };
      if (Buffer.byteLength(JSON.stringify(next)) > PROPERTY_STORE_LIMIT) throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
      state.properties[key] = text;
      options.onStateChange();
      return this;
    },
    setProperties(properties: Record<string, string>) {
      for (const [key, value] of Object.entries(properties)) this.setProperty(key, value);
      return this;
    },
    deleteProperty(key: string) {
      delete state.properties[key];
      options.onStateChange();
      return this;
    },
  };

  const cacheEntries = new Map<string, { value: string; expires: number }>();
  const cache = {
    get(key: string) {
      const entry = cacheEntries.get(key);
      if (!entry || entry.expires <= options.now()) return null;
      return entry.value;
    },
    put(key: string, value: string, expirationSeconds = 600) {
      if (key.length > CACHE_KEY_LIMIT) throw new Error('Exception: Argument too large: key');
      if (Buffer.byteLength(value) > CACHE_VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
      cacheEntries.set(key, { value, expires: options.now() + Math.min(expirationSeconds, CACHE_MAX_EXPIRY_S) * 1000 });
    },
    remove(key: string) { cacheEntries.delete(key); },
    getAll(keys: string[]) { return Object.fromEntries(keys.flatMap((k) => { const v = cache.get(k); return v === null ? [] : [[k, v]]; })); },
    putAll(values: Record<string, string>, expirationSeconds?: number) { for (const [k, v] of Object.entries(values)) cache.put(k, v, expirationSeconds); },
  };

  // Requests run one at a time in this process, so a lock is always free; it still must be taken and
  // released correctly, which the emulator checks. Its release is where another execution may run.
  const makeLock = () => {
    let held = false;
    return {
      waitLock() { held = true; },
      tryLock() { held = true; return true; },
      hasLock() { return held; },
      releaseLock() {
        if (!held) return;
        held = false;
        options.onLockReleased();
      },
    };
  };

  class TextOutput {
    private mimeType = 'TEXT';
    constructor(private content = '') {}
    setContent(content: string) { this.content = content; return this; }
    append(content: string) { this.content += content; return this; }
    getContent() { return this.content; }
    setMimeType(mimeType: string) { this.mimeType = mimeType; return this; }
    getMimeType() { return this.mimeType; }
  }

  class HtmlOutput {
    private title = '';
    constructor(private content = '') {}
    getContent() { return this.content; }
    setContent(content: string) { this.content = content; return this; }
    append(content: string) { this.content += content; return this; }
    setTitle(title: string) { this.title = title; return this; }
    getTitle() { return this.title; }
    setWidth() { return this; }
    setHeight() { return this; }
    setSandboxMode() { return this; }
    setXFrameOptionsMode() { return this; }
    addMetaTag() { return this; }
  }

  const Utilities = {
    computeHmacSha256Signature: (value: string | number[], key: string | number[]) =>
      toSignedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest()),
    computeDigest: (_algorithm: string, value: string | number[]) => toSignedBytes(createHash('sha256').update(toBuffer(value)).digest()),
    base64Encode: (value: string | number[]) => toBuffer(value).toString('base64'),
    base64EncodeWebSafe: (value: string | number[]) => toBuffer(value).toString('base64url'),
    base64Decode: (text: string) => toSignedBytes(Buffer.from(text, 'base64')),
    newBlob: (data: string | number[]) => ({ getDataAsString: () => toBuffer(data).toString('utf8'), getBytes: () => toSignedBytes(toBuffer(data)) }),
    getUuid: () => randomUUID(),
    formatDate: (date: Date, _timeZone: string, format: string) => formatDate(date, format),
    sleep: (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms),
    DigestAlgorithm: { SHA_256: 'SHA_256' },
    Charset: { UTF_8: 'UTF_8' },
  };

  const log = (...args: unknown[]) => options.log(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));

  return {
    PropertiesService: t({ getScriptProperties: () => t(scriptProperties, 'PropertiesService.Properties'), getDocumentProperties: () => t(scriptProperties, 'PropertiesService.Properties') }, 'PropertiesService'),
    CacheService: t({ getScriptCache: () => t(cache, 'CacheService.Cache'), getDocumentCache: () => t(cache, 'CacheService.Cache') }, 'CacheService'),
    LockService: t({ getScriptLock: () => t(makeLock(), 'LockService.Lock'), getDocumentLock: () => t(makeLock(), 'LockService.Lock'), getUserLock: () => t(makeLock(), 'LockService.Lock') }, 'LockService'),
    ContentService: t({ createTextOutput: (content?: string) => new TextOutput(content), MimeType: { JSON: 'JSON', TEXT: 'TEXT', CSV: 'CSV', JAVASCRIPT: 'JAVASCRIPT' } }, 'ContentService'),
    HtmlService: t(
      {
        createHtmlOutput: (html = '') => new HtmlOutput(html),
        createHtmlOutputFromFile(name: string) {
          const content = options.files[`${name}.html`];
          if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
          return new HtmlOutput(content);
        },
        SandboxMode: { IFRAME: 'IFRAME' },
        XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
      },
      'HtmlService',
    ),
    Utilities: t(Utilities, 'Utilities'),
    Session: t(
      {
        getActiveUser: () => ({ getEmail: () => options.activeUser?.() ?? options.user }),
        getEffectiveUser: () => ({ getEmail: () => options.effectiveUser?.() ?? options.user }),
        getScriptTimeZone: () => 'Etc/UTC',
        getTemporaryActiveUserKey: () => 'local-user',
      },
      'Session',
    ),
    ScriptApp: createScriptApp({ calls, state, webAppUrl: options.webAppUrl, onStateChange: options.onStateChange }),
    Logger: { log: (...args: unknown[]) => log(...args) },
    console: { log, info: log, warn: log, error: log },
  };
}

/** The few SimpleDateFormat patterns the add-on uses (yyyy, MM, dd, HH, mm, ss), in UTC. */
function formatDate(date: Date, format: string): string {
  const iso = new Date(date.getTime()).toISOString();
  const parts: Record<string, string> = { yyyy: iso.slice(0, 4), MM: iso.slice(5, 7), dd: iso.slice(8, 10), HH: iso.slice(11, 13), mm: iso.slice(14, 16), ss: iso.slice(17, 19) };
  return format.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => parts[token]!);
}
