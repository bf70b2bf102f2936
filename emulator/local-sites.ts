import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { extname, join, normalize } from 'node:path';
import { generate } from 'selfsigned';

/** The host names served: one folder per host under `root`. */
export const siteHosts = (root: string) => readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.vcf': 'text/vcard', '.png': 'image/png', '.svg': 'image/svg+xml' };

/**
 * Local stand-ins for the sites reps clip from: an HTTPS server that answers for www.linkedin.com,
 * mail.google.com and the rest from saved pages in `root/<host>/<path>`, with a throwaway self-signed
 * certificate. Chromium reaches it under the real host names through --host-resolver-rules, so the
 * extension's match patterns and URL predicates see real URLs; the real sites are never contacted.
 */
export async function startLocalSites(root: string, hosts = siteHosts(root)): Promise<{ server: Server; port: number; hostResolverRules: string }> {
  const pems = await generate([{ name: 'commonName', value: hosts[0]! }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 2 * 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2 as const, value })) }],
  });
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0]!;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
    let file = normalize(join(root, host, path));
    if (!file.startsWith(join(root, host))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // A single-page app serves its shell for every in-app route.
    if (!existsSync(file) && existsSync(join(root, host, 'app.html'))) file = join(root, host, 'app.html');
    if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`No fixture for ${host}${path}`);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { server, port, hostResolverRules: hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ') };
}
