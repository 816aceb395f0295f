// The HTTP API, in-process through app.request(): explain, check, bounces, suppressions, the token
// rule, bad input, oversized bodies, and that no response ever carries a stack trace.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { memoryResolver } from '../../src/dns/index.js';
import { createApp } from '../../src/server/app.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security.js';
import { openSqliteStore } from '../../src/server/sqlite-store.js';
import { seedError } from '../integration/seed-errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = (name: string) => readFileSync(path.join(root, 'examples', name), 'utf8');

const zone = {
  'example.com': {
    TXT: [['v=spf1 ip4:192.0.2.0/24 -all']],
    MX: [{ priority: 10, exchange: 'mx.example.com' }],
  },
  'mx.example.com': { A: ['192.0.2.10'] },
  '_dmarc.example.com': { TXT: [['v=DMARC1: p=reject; rua=mailto:d@example.com']] },
};

function makeApp(extra: { token?: string; maxBodyBytes?: number } = {}) {
  const store = openSqliteStore(':memory:', () => new Date('2026-12-01T10:00:00Z'));
  return createApp({ store, resolver: memoryResolver(zone), ...extra });
}

const post = (body: string, type = 'text/plain', headers: Record<string, string> = {}) => ({
  method: 'POST',
  body,
  headers: { 'content-type': type, ...headers },
});

describe('API', () => {
  it('answers health, with the security headers', async () => {
    const res = await makeApp().request('/api/health');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  it('serves the OpenAPI document naming every route', async () => {
    const doc = (await (await makeApp().request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    for (const p of [
      '/api/explain',
      '/api/check/{domain}',
      '/api/bounces',
      '/api/suppressions',
      '/api/health',
    ]) {
      assert.ok(p in doc.paths, p);
    }
  });

  it("lists every advice field the explain route answers with, the delivery stage's values too", async () => {
    const app = makeApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      components: {
        schemas: { Advice: { properties: Record<string, { enum?: string[] }> } };
      };
    };
    const schema = doc.components.schemas.Advice.properties;
    const report = (await (
      await app.request('/api/explain', post(example('mailbox-full-delay.eml')))
    ).json()) as {
      results: { advice: Record<string, unknown> }[];
    };
    const advice = report.results[0].advice;
    assert.deepEqual(Object.keys(schema).sort(), Object.keys(advice).sort());
    assert.equal(advice.stage, 'retrying');
    assert.deepEqual(schema.stage.enum, ['retrying', 'final', 'open']);
  });

  it('explains seed texts with their expected category', async () => {
    const app = makeApp();
    for (const id of ['S03', 'S20', 'S21']) {
      const c = seedError(id);
      const res = await app.request('/api/explain', post(c.text));
      assert.equal(res.status, 200);
      const report = (await res.json()) as { kind: string; results: { category: string }[] };
      assert.equal(report.kind, 'reply-text');
      const want = Array.isArray(c.expect.category) ? c.expect.category : [c.expect.category];
      assert.ok(want.includes(report.results[0].category), `${id}: ${report.results[0].category}`);
    }
  });

  it('explains a JSON {message} body and a whole message', async () => {
    const app = makeApp();
    const res = await app.request(
      '/api/explain',
      post(JSON.stringify({ message: example('user-unknown.eml') }), 'application/json'),
    );
    const report = (await res.json()) as { kind: string; results: { bounceType: string }[] };
    assert.equal(report.kind, 'bounce');
    assert.equal(report.results[0].bounceType, 'hard');
  });

  it('rejects empty, binary and malformed input with a clear 4xx and no stack', async () => {
    const app = makeApp();
    const empty = await app.request('/api/explain', post(''));
    assert.equal(empty.status, 400);
    const binary = await app.request('/api/explain', {
      method: 'POST',
      body: new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 0, 0, 0, 9]),
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(binary.status, 400);
    const badJson = await app.request('/api/explain', post('{"message": ', 'application/json'));
    assert.equal(badJson.status, 400);
    for (const res of [empty, binary, badJson]) {
      const body = (await res.json()) as { error: string };
      assert.match(body.error, /\S/);
      assert.doesNotMatch(JSON.stringify(body), /at .*\.(ts|js):\d+/);
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const app = makeApp({ maxBodyBytes: 1024 });
    const res = await app.request('/api/explain', post('550 5.1.1 user unknown '.repeat(200)));
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { error: string }).error, /larger than/);
  });

  it('checks a domain through the injected resolver and proposes the corrected DMARC record', async () => {
    const res = await makeApp().request('/api/check/example.com');
    assert.equal(res.status, 200);
    const result = (await res.json()) as {
      corrected: { check: string; fixed: string }[];
      verdicts: { dmarc: string };
    };
    assert.equal(result.verdicts.dmarc, 'errors');
    const dmarc = result.corrected.find((c) => c.check === 'dmarc');
    assert.equal(dmarc?.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
  });

  it('rejects a domain that is not one', async () => {
    const res = await makeApp().request('/api/check/%3Cscript%3E');
    assert.equal(res.status, 400);
  });

  it('stores an mbox, lists it newest first with filters, and derives the suppression list', async () => {
    const app = makeApp();
    const mbox = [
      example('user-unknown.eml'),
      example('blocklisted-ip.eml'),
      example('mailbox-full-delay.eml'),
    ]
      .map((m) => `From MAILER-DAEMON Thu Dec  3 10:00:00 2026\n${m.replace(/^From /gm, '>From ')}\n`)
      .join('');
    const res = await app.request('/api/bounces?source=upload.mbox', post(mbox, 'application/mbox'));
    assert.equal(res.status, 201);
    const stored = (await res.json()) as { stored: { id: number; source: string }[]; errors: unknown[] };
    assert.equal(stored.stored.length, 3);
    assert.deepEqual(stored.errors, []);
    assert.equal(stored.stored[1].source, 'upload.mbox#2');

    const all = (await (await app.request('/api/bounces')).json()) as {
      total: number;
      items: { bounceId: number }[];
    };
    assert.equal(all.total >= 3, true);
    assert.equal(all.items[0].bounceId, stored.stored[2].id, 'newest first');

    const hard = (await (await app.request('/api/bounces?bounceType=hard')).json()) as {
      items: { bounceType: string }[];
    };
    assert.ok(hard.items.length >= 1);
    assert.ok(hard.items.every((i) => i.bounceType === 'hard'));

    const sup = (await (await app.request('/api/suppressions')).json()) as { items: { address: string }[] };
    assert.equal(sup.items.length, hard.items.length);

    const csv = await app.request('/api/suppressions?format=csv');
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines[0], 'address,reason,status,first_seen,last_seen,bounce_id');
    assert.equal(lines.length, sup.items.length + 1);

    const one = await app.request(`/api/bounces/${stored.stored[0].id}`);
    assert.equal(one.status, 200);
    assert.equal(((await one.json()) as { report: { kind: string } }).report.kind, 'bounce');
    assert.equal((await app.request('/api/bounces/99999')).status, 404);
    assert.equal((await app.request('/api/bounces/abc')).status, 400);
    assert.equal((await app.request('/api/bounces?limit=x')).status, 400);
    assert.equal((await app.request('/api/bounces?bounceType=weird')).status, 400);
  });

  it('keeps the messages it could read and reports the ones it could not', async () => {
    const app = makeApp();
    const res = await app.request(
      '/api/bounces',
      post(JSON.stringify({ messages: [example('user-unknown.eml'), ''] }), 'application/json'),
    );
    assert.equal(res.status, 201);
    const body = (await res.json()) as { stored: unknown[]; errors: { source: string }[] };
    assert.equal(body.stored.length, 1);
    assert.equal(body.errors.length, 1);
  });

  it('asks for the token on the API when one is set, but not for health', async () => {
    const app = makeApp({ token: 's3cret-token' });
    assert.equal((await app.request('/api/health')).status, 200);
    assert.equal((await app.request('/api/explain', post('550 5.1.1 no such user'))).status, 401);
    assert.equal(
      (
        await app.request(
          '/api/explain',
          post('550 5.1.1 no such user', 'text/plain', { authorization: 'Bearer wrong' }),
        )
      ).status,
      401,
    );
    const ok = await app.request(
      '/api/explain',
      post('550 5.1.1 no such user', 'text/plain', { authorization: 'Bearer s3cret-token' }),
    );
    assert.equal(ok.status, 200);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await makeApp().request('/api/nothing');
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: 'no such API route' });
    assert.equal((await makeApp().request('/api/bounces/1/more')).status, 404);
  });

  it('answers a method a route does not support with 405 and Allow (RFC 9110 §15.5.6)', async () => {
    const app = makeApp();
    const cases: [string, string, string][] = [
      ['DELETE', '/api/bounces', 'POST, GET, HEAD'],
      ['PUT', '/api/bounces/1', 'GET, HEAD'],
      ['GET', '/api/explain', 'POST'],
      ['POST', '/api/check/example.com', 'GET, HEAD'],
      ['PATCH', '/api/suppressions', 'GET, HEAD'],
      ['POST', '/api/health', 'GET, HEAD'],
      ['DELETE', '/api/openapi.json', 'GET, HEAD'],
    ];
    for (const [method, url, allow] of cases) {
      const res = await app.request(url, { method });
      assert.equal(res.status, 405, `${method} ${url}`);
      assert.equal(res.headers.get('allow'), allow, `${method} ${url}`);
      const body = (await res.json()) as { error: string };
      assert.equal(body.error, `${method} is not supported here; use ${allow.split(', ').join(' or ')}`);
    }
    // what Allow names does answer
    assert.equal((await app.request('/api/bounces', { method: 'HEAD' })).status, 200);
  });

  it('an id that is not a plain positive decimal number is 400, whatever Number() makes of it', async () => {
    const app = makeApp();
    for (const id of ['abc', '1e3', '0x10', '1.0', '+1', '-1', '0', '%201', '1%20']) {
      const res = await app.request(`/api/bounces/${id}`);
      assert.equal(res.status, 400, id);
      assert.deepEqual(await res.json(), { error: 'the id is a positive whole number' }, id);
    }
    assert.equal((await app.request('/api/bounces/1000')).status, 404);
    // a whole number larger than any id is a well-formed id of no bounce
    for (const id of ['99999999999999999', '99999999999999999999']) {
      const res = await app.request(`/api/bounces/${id}`);
      assert.equal(res.status, 404, id);
      assert.deepEqual(await res.json(), { error: 'no bounce with that id' });
    }
  });

  it('says the body limit in MB as the command line does', async () => {
    const app = makeApp({ maxBodyBytes: 1024 * 1024 });
    const res = await app.request('/api/explain', post('x'.repeat(1024 * 1024 + 1)));
    assert.equal(res.status, 413);
    assert.deepEqual(await res.json(), { error: 'request body is larger than 1 MB' });
    const small = await makeApp({ maxBodyBytes: 1000 }).request('/api/explain', post('x'.repeat(1001)));
    assert.deepEqual(await small.json(), { error: 'request body is larger than 1000 bytes' });
  });
});

describe('POST /api/bounces stores an input once', () => {
  const webhook = readFileSync(
    path.join(root, 'test/extract/webhooks/fixtures/sendgrid-events.json'),
    'utf8',
  );
  type Answer = { stored: { id: number; source: string; duplicate?: boolean }[]; errors: unknown[] };

  it('the same body again: 200, the same id, marked duplicate, nothing added', async () => {
    const app = makeApp();
    const first = await app.request('/api/bounces', post(webhook, 'application/json'));
    assert.equal(first.status, 201);
    const a = (await first.json()) as Answer;
    assert.equal(a.stored.length, 1);
    assert.equal(a.stored[0].duplicate, undefined);
    const total = ((await (await app.request('/api/bounces')).json()) as { total: number }).total;

    const again = await app.request('/api/bounces', post(webhook, 'application/json'));
    assert.equal(again.status, 200);
    const b = (await again.json()) as Answer;
    assert.deepEqual(b, { stored: [{ ...a.stored[0], duplicate: true }], errors: [] });
    assert.equal(((await (await app.request('/api/bounces')).json()) as { total: number }).total, total);
    const one = (await (await app.request(`/api/bounces/${a.stored[0].id}`)).json()) as {
      inputSha256: string;
    };
    assert.equal(one.inputSha256, createHash('sha256').update(webhook).digest('hex'));
    // a body that differs by one byte is another input
    const other = await app.request('/api/bounces', post(`${webhook} `, 'application/json'));
    assert.equal(other.status, 201);
    assert.notEqual(((await other.json()) as Answer).stored[0].id, a.stored[0].id);
  });

  it('in a batch, inputs stored before keep their id and the new ones are stored: 201', async () => {
    const app = makeApp();
    const one = example('user-unknown.eml');
    const two = example('blocklisted-ip.eml');
    const first = (await (await app.request('/api/bounces', post(one))).json()) as Answer;
    const res = await app.request(
      '/api/bounces',
      post(JSON.stringify({ messages: [two, one, two] }), 'application/json'),
    );
    assert.equal(res.status, 201);
    const b = (await res.json()) as Answer;
    assert.deepEqual(
      b.stored.map((s) => [s.source, s.duplicate ?? false]),
      [
        ['api#1', false],
        ['api#2', true],
        ['api#3', true],
      ],
    );
    assert.equal(b.stored[1].id, first.stored[0].id);
    assert.equal(b.stored[2].id, b.stored[0].id);
  });

  it('/api/explain?store=1 stores a pasted input once too', async () => {
    const app = makeApp();
    const text = '550 5.1.1 <jo@example.com>: User unknown';
    const a = (await (await app.request('/api/explain?store=1', post(text))).json()) as { id: number };
    const b = (await (await app.request('/api/explain?store=1', post(text))).json()) as { id: number };
    assert.equal(b.id, a.id);
  });
});
