// GET /api/check/{domain}?selector=S&selector=T: the domain doctor.
import { Hono } from 'hono';
import { isValidSelector } from '../../auth/dkim/selectors.js';
import { checkDomain } from '../../auth/domain.js';
import { domainToCheck } from '../../auth/domain-name.js';
import type { AppOptions } from '../app.js';

export const MAX_SELECTORS = 20;

export function checkRoutes(options: AppOptions): Hono {
  const app = new Hono();
  app.get('/check/:domain', async (c) => {
    const named = domainToCheck(c.req.param('domain'));
    if ('error' in named) return c.json({ error: named.error }, 400);
    const { domain } = named;
    const selectors = (c.req.queries('selector') ?? [])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    // each selector is a DNS question: a request must not turn into thousands of them
    if (selectors.length > MAX_SELECTORS)
      return c.json({ error: `at most ${MAX_SELECTORS} DKIM selectors per check` }, 400);
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
