// The "needs attention" store: POST /api/bounces (one, many, an mbox), GET /api/bounces (filters,
// paging), GET /api/bounces/{id}, GET /api/suppressions (JSON or CSV).
import { Hono } from 'hono';
import { diagnoseReport } from '../../diagnose/chain.js';
import { silentGuard } from '../../dns/index.js';
import { explain, InputError } from '../../explain.js';
import type { AppOptions } from '../app.js';
import { BadRequest, readItems, sha256 } from '../input.js';
import type { NewBounce } from '../store.js';

const MAX_MESSAGES = 10_000;

export function bounceRoutes(options: AppOptions): Hono {
  const app = new Hono();
  const { store } = options;

  app.post('/bounces', async (c) => {
    let items: Awaited<ReturnType<typeof readItems>>;
    try {
      items = await readItems(c, c.req.query('source') || 'api');
    } catch (err) {
      if (err instanceof BadRequest) return c.json({ error: err.message }, 400);
      throw err;
    }
    if (items.length === 0)
      return c.json({ error: 'the body is empty: send a bounce, several, or an mbox' }, 400);
    if (items.length > MAX_MESSAGES)
      return c.json({ error: `at most ${MAX_MESSAGES} messages per request` }, 413);
    const accepted: NewBounce[] = [];
    const errors: { source: string; error: string }[] = [];
    // per input read, in order: its report's place in `accepted`, or, for an input stored before
    // (byte for byte), the id it was stored under: an ESP that posts a webhook again gets that id
    const order: ({ accepted: number } | { id: number; source: string })[] = [];
    // one guard for the whole batch: against a dead DNS server, 10,000 messages must not each wait
    // out a timeout (they are explained one after the other)
    const resolver = silentGuard(options.resolver);
    for (const item of items) {
      const inputSha256 = sha256(item.bytes);
      const known = store.findInput(inputSha256);
      if (known !== undefined) {
        order.push({ id: known, source: item.source });
        continue;
      }
      try {
        const report = await diagnoseReport(await explain(item.bytes), {
          resolver,
          clock: options.clock,
        });
        report.source = item.source;
        order.push({ accepted: accepted.length });
        accepted.push({ source: item.source, report, inputSha256 });
      } catch (err) {
        // a message that cannot be read is reported back, never silently dropped; an internal
        // error in one message must not lose the others of the batch either
        if (err instanceof InputError) errors.push({ source: item.source, error: err.message });
        else {
          process.stderr.write(
            `bouncedoc serve: ${item.source}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`,
          );
          errors.push({ source: item.source, error: 'internal error while explaining this message' });
        }
      }
    }
    const ids = accepted.length ? store.add(accepted) : [];
    const seen = new Set<number>(); // an input twice in one body is stored once
    const stored = order.map((o): StoredItem => {
      let entry: StoredItem;
      if ('accepted' in o) {
        const { source, report } = accepted[o.accepted];
        entry = { id: ids[o.accepted], source, kind: report.kind, results: report.results.length };
        if (seen.has(entry.id)) entry.duplicate = true;
      } else {
        const report = store.get(o.id)?.report;
        entry = {
          id: o.id,
          source: o.source,
          kind: report?.kind ?? '',
          results: report?.results.length ?? 0,
          duplicate: true,
        };
      }
      seen.add(entry.id);
      return entry;
    });
    if (errors.length && !stored.length) return c.json({ stored, errors }, 400);
    // nothing new stored: 200 with the ids stored before (201 says something was created)
    return c.json({ stored, errors }, stored.every((s) => s.duplicate) ? 200 : 201);
  });

  app.get('/bounces', (c) => {
    const limit = intParam(c.req.query('limit'), 50, 1, 500);
    const offset = intParam(c.req.query('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
    if (limit === undefined || offset === undefined)
      return c.json({ error: 'limit and offset are whole numbers' }, 400);
    const bounceType = c.req.query('bounceType');
    if (bounceType && !['hard', 'soft', 'block'].includes(bounceType)) {
      return c.json({ error: 'bounceType is hard, soft or block' }, 400);
    }
    const result = store.list({
      category: c.req.query('category') || undefined,
      bounceType: c.req.query('bounceType') || undefined,
      recipient: c.req.query('recipient') || undefined,
      limit,
      offset,
    });
    return c.json({ ...result, limit, offset });
  });

  app.get('/bounces/:id', (c) => {
    // digits only: Number() would also take "1e3", "0x10", " 7" or "1.0"
    const param = c.req.param('id');
    if (!/^\d+$/.test(param)) return c.json({ error: 'the id is a positive whole number' }, 400);
    const id = param.length <= 16 ? Number(param) : Number.NaN;
    if (id === 0) return c.json({ error: 'the id is a positive whole number' }, 400);
    // a whole number beyond any stored id (SQLite's rowids stop at 2^63-1) names no bounce
    if (!Number.isSafeInteger(id)) return c.json({ error: 'no bounce with that id' }, 404);
    const found = store.get(id);
    return found ? c.json(found) : c.json({ error: 'no bounce with that id' }, 404);
  });

  app.get('/suppressions', (c) => {
    const list = store.suppressions();
    if (c.req.query('format') === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="suppressions.csv"');
      const lines = ['address,reason,status,first_seen,last_seen,bounce_id'];
      for (const s of list) {
        lines.push(
          [s.address, s.reason, s.status, s.firstSeen, s.lastSeen, String(s.bounceId)]
            .map(csvField)
            .join(','),
        );
      }
      return c.body(`${lines.join('\r\n')}\r\n`);
    }
    return c.json({ total: list.length, items: list });
  });
  return app;
}

/** One input of a POST /api/bounces body as stored. */
interface StoredItem {
  id: number;
  source: string;
  kind: string;
  results: number;
  /** the same input (byte for byte) was stored before: this is its id, nothing was added */
  duplicate?: true;
}

function intParam(value: string | undefined, dflt: number, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return dflt;
  if (!/^\d{1,15}$/.test(value)) return undefined;
  return Math.min(Math.max(Number(value), min), max);
}

// RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
