// The HTTP app behind `bouncedoc serve`: a JSON API and the built page. Dependencies (store, DNS
// resolver, clock) are injected so that the routes are tested in-process with app.request().
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock, Resolver } from '../types.js';
import { openApiDocument } from './openapi.js';
import { bounceRoutes } from './routes/bounces.js';
import { checkRoutes } from './routes/check.js';
import { explainRoutes } from './routes/explain.js';
import { requireToken, securityHeaders } from './security.js';
import { staticFiles } from './static.js';
import type { Store } from './store.js';

export interface AppOptions {
  store: Store;
  /** DNS for the domain check and the diagnosis chain */
  resolver: Resolver;
  /** when set, /api/* (but health and openapi) needs it */
  token?: string;
  /** folder of the built page; without it only the API is served */
  webDir?: string;
  clock?: Clock;
  /** largest accepted request body, bytes (default 25 MB) */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY = 25 * 1024 * 1024;

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;

  app.use('*', securityHeaders);
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limit,
      onError: (c) => c.json({ error: `request body is larger than ${sizeText(limit)}` }, 413),
    }),
  );
  if (options.token) app.use('/api/*', requireToken(options.token));

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  app.route('/api', explainRoutes(options));
  app.route('/api', checkRoutes(options));
  app.route('/api', bounceRoutes(options));
  app.all('/api/*', (c) => {
    const allowed = allowedMethods(c.req.path);
    if (!allowed) return c.json({ error: 'no such API route' }, 404);
    // RFC 9110 §15.5.6: a 405 names the methods the resource does support
    c.header('Allow', allowed.join(', '));
    return c.json({ error: `${c.req.method} is not supported here; use ${allowed.join(' or ')}` }, 405);
  });

  if (options.webDir) app.get('*', staticFiles(options.webDir));

  // Never a stack trace in a response; the error goes to the server's log only.
  app.onError((err, c) => {
    process.stderr.write(`bouncedoc serve: ${err instanceof Error ? err.message : String(err)}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}

/** A byte size as the command line says its limits: whole MB ("25 MB"), else bytes. */
function sizeText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

/**
 * The methods an API path supports, from the OpenAPI document's paths ("{id}" matches one path
 * segment), HEAD with GET (Hono answers HEAD from the GET route); undefined when no route has the path.
 */
export function allowedMethods(pathname: string): string[] | undefined {
  const segments = pathname.split('/');
  for (const [route, ops] of Object.entries(openApiDocument.paths)) {
    const parts = route.split('/');
    if (parts.length !== segments.length) continue;
    if (!parts.every((p, i) => (p.startsWith('{') ? segments[i] !== '' : p === segments[i]))) continue;
    const methods = Object.keys(ops).map((m) => m.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    return methods;
  }
  return undefined;
}
