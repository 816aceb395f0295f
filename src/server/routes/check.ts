// GET /api/check/{domain}?selector=S&selector=T: the domain doctor.
import { Hono } from 'hono';
import { isValidSelector } from '../../auth/dkim/selectors.js';
import { checkDomain } from '../../auth/domain.js';
import { isValidDomain } from '../../auth/spf/index.js';
import type { AppOptions } from '../app.js';

export function checkRoutes(options: AppOptions): Hono {
  const app = new Hono();
  app.get('/check/:domain', async (c) => {
    const domain = c.req.param('domain').trim().toLowerCase().replace(/\.$/, '');
    if (domain.length > 253 || !isValidDomain(domain) || /[^a-z0-9._-]/.test(domain)) {
      return c.json({ error: 'not a domain name' }, 400);
    }
    const selectors = (c.req.queries('selector') ?? [])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = selectors.find((s) => !isValidSelector(s));
    if (bad !== undefined) return c.json({ error: 'not a DKIM selector' }, 400);
    const mode = c.req.query('dmarcMode');
    if (mode && mode !== 'rfc9989' && mode !== 'rfc7489')
      return c.json({ error: 'dmarcMode is rfc9989 or rfc7489' }, 400);
    const result = await checkDomain(domain, {
      resolver: options.resolver,
      selectors: selectors.length > 0 ? selectors : undefined,
      clock: options.clock,
      dmarcMode: mode as 'rfc9989' | 'rfc7489' | undefined,
    });
    return c.json(result);
  });
  return app;
}
