import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AppsScriptRuntime } from './runtime';

/**
 * Serves the runtime's doGet/doPost the way a deployed web app is reached: a request to
 * `/macros/s/<id>/exec` runs the script, then answers 302 to `/macros/echo?user_content_key=...`, which
 * must be fetched with GET to read the output. A script error comes back as an HTML page with status 200,
 * as Google's does, so clients learn to treat anything but JSON as a failure.
 */
export interface WebAppOptions {
  runtime: AppsScriptRuntime;
  /** Persist after a request that changed something; awaited before the answer, as Sheets commits first. */
  persist?: () => Promise<void>;
  deploymentId?: string;
  /** Largest body accepted; Google documents none, so this only guards the local machine. */
  maxBodyBytes?: number;
}

const OUTPUT_TTL_MS = 60_000;
const MIME = { JSON: 'application/json; charset=utf-8', TEXT: 'text/plain; charset=utf-8', HTML: 'text/html; charset=utf-8' } as Record<string, string>;

export function createWebApp(options: WebAppOptions): Server {
  const deployment = options.deploymentId ?? 'local';
  const outputs = new Map<string, { content: string; mimeType: string; expires: number }>();
  let queue = Promise.resolve();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };

    if (url.pathname === '/macros/echo') {
      const output = outputs.get(url.searchParams.get('user_content_key') ?? '');
      if (!output || output.expires < Date.now()) return send(404, MIME.HTML!, errorPage('Sorry, the file you have requested does not exist.'));
      return send(200, MIME[output.mimeType] ?? MIME.TEXT!, output.content);
    }
    if (url.pathname !== `/macros/s/${deployment}/exec` || (req.method !== 'GET' && req.method !== 'POST')) {
      if (url.pathname === '/') return send(200, MIME.TEXT!, `Clipsheet local sheet backend. Web app: /macros/s/${deployment}/exec\n`);
      return send(404, MIME.HTML!, errorPage('Sorry, unable to open the file at this time.'));
    }

    // One execution at a time, like a script lock held for the whole request; persistence in order.
    queue = queue.then(async () => {
      try {
        const body = req.method === 'POST' ? await readBody(req, options.maxBodyBytes ?? 50 * 1024 * 1024) : '';
        const query = Object.fromEntries(url.searchParams);
        const output = options.runtime.request(req.method as 'GET' | 'POST', query, body);
        await options.persist?.();
        const key = randomUUID();
        outputs.set(key, { ...output, expires: Date.now() + OUTPUT_TTL_MS });
        for (const [k, v] of outputs) if (v.expires < Date.now()) outputs.delete(k);
        send(302, MIME.HTML!, '<html><body>Moved Temporarily</body></html>', { location: `/macros/echo?user_content_key=${key}` });
      } catch (error) {
        send(200, MIME.HTML!, errorPage(`Error: ${(error as Error).message}`));
      }
    });
  });
  return server;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('Request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const errorPage = (message: string) =>
  `<!DOCTYPE html><html><head><title>Error</title></head><body><div style="font-family:monospace">${message.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}</div></body></html>`;
