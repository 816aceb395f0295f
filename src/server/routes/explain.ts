// POST /api/explain: a raw message, a bare SMTP reply, or a webhook payload -> the report.
// ?store=1 also keeps it in "needs attention".
import { Hono } from 'hono';
import { diagnoseReport } from '../../diagnose/chain.js';
import { explain, InputError } from '../../explain.js';
import type { AppOptions } from '../app.js';
import { BadRequest, readItems, sha256 } from '../input.js';

export function explainRoutes(options: AppOptions): Hono {
  const app = new Hono();
  app.post('/explain', async (c) => {
    let items: Awaited<ReturnType<typeof readItems>>;
    try {
      items = await readItems(c, 'paste');
    } catch (err) {
      if (err instanceof BadRequest) return c.json({ error: err.message }, 400);
      throw err;
    }
    if (items.length === 0)
      return c.json({ error: 'the body is empty: send a bounce or an SMTP reply' }, 400);
    if (items.length > 1)
      return c.json({ error: 'send one message here; use /api/bounces for several' }, 400);
    const [item] = items;
    try {
      const report = await diagnoseReport(await explain(item.bytes), {
        resolver: options.resolver,
        clock: options.clock,
      });
      report.source = item.source;
      const store = c.req.query('store');
      if (store === '1' || store === 'true') {
        // an input stored before keeps its id (add() stores it once)
        const [id] = options.store.add([{ source: item.source, report, inputSha256: sha256(item.bytes) }]);
        return c.json({ ...report, id });
      }
      return c.json(report);
    } catch (err) {
      if (err instanceof InputError) return c.json({ error: err.message, code: err.code }, 400);
      throw err;
    }
  });
  return app;
}
