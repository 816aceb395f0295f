// Serves the built page (dist/web) from disk. Only files under the folder, by exact name; any
// other path under / gives the page itself (the page routes by its hash).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export function staticFiles(root: string) {
  const base = path.resolve(root);
  return async (c: Context) => {
    const urlPath = decodeURIComponent(new URL(c.req.url).pathname);
    const wanted = path.resolve(base, `.${urlPath}`);
    // never leave the folder (../ and encoded variants are resolved away above)
    const inside = wanted.startsWith(base + path.sep) && !urlPath.endsWith('/');
    const file = inside ? wanted : path.join(base, 'index.html');
    const body = await readFile(file).catch(() => undefined);
    if (body) return send(c, file, body);
    const index = await readFile(path.join(base, 'index.html')).catch(() => undefined);
    if (!index) return c.text('the web page is not built: run npm run build', 503);
    return send(c, 'index.html', index);
  };
}

function send(c: Context, file: string, body: Buffer) {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  c.header('Content-Type', type);
  c.header('Cache-Control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600');
  return c.body(new Uint8Array(body));
}
