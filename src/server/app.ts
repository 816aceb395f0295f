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
      onError: (c) => c.json({ error: `request body is larger than ${Math.round(limit / 1024)} KiB` }, 413),
    }),
  );
  if (options.token) app.use('/api/*', requireToken(options.token));

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  app.route('/api', explainRoutes(options));
  app.route('/api', checkRoutes(options));
  app.route('/api', bounceRoutes(options));
  app.all('/api/*', (c) => c.json({ error: 'no such API route' }, 404));

  if (options.webDir) app.get('*', staticFiles(options.webDir));

  // Never a stack trace in a response; the error goes to the server's log only.
  app.onError((err, c) => {
    process.stderr.write(`bouncedoc serve: ${err instanceof Error ? err.message : String(err)}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}
