// The API on hostile requests: deeply nested JSON, wrong types, IDNs, too many selectors, markup in
// every field. Each gets a clear status and a JSON body; none a stack trace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryResolver } from '../../src/dns/index.js';
import { createApp } from '../../src/server/app.js';
import { MAX_SELECTORS } from '../../src/server/routes/check.js';
import { openSqliteStore } from '../../src/server/sqlite-store.js';

const zone = {
  'xn--bcher-kva.example': { TXT: [['v=spf1 -all']] },
  '_dmarc.xn--bcher-kva.example': { TXT: [['v=DMARC1; p=reject']] },
};

function makeApp() {
  const store = openSqliteStore(':memory:', () => new Date('2026-12-01T10:00:00Z'));
  return createApp({ store, resolver: memoryResolver(zone) });
}

const json = (body: string) => ({ method: 'POST', body, headers: { 'content-type': 'application/json' } });

async function call(path: string, init?: RequestInit) {
  const res = await makeApp().request(path, init);
  const text = await res.text();
  assert.doesNotMatch(text, /\bat [^\n]*\.[jt]s:\d+/, 'a stack trace in the response');
  return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
}

describe('hostile API requests', () => {
  it('deeply nested JSON is not a bounce, not a crash', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const r = await call('/api/explain', json(deep));
    assert.equal(r.status, 200);
    assert.equal(r.body.kind, 'not-bounce');
  });

  it('webhook-looking JSON with wrong types is not a bounce, not a crash', async () => {
    for (const body of [
      { notificationType: 'Bounce', bounce: { bounceType: 5, bouncedRecipients: 'x' }, mail: null },
      [{ event: 'bounce', email: 5, reason: {}, status: [] }, null, 7],
      { 'event-data': { event: 'failed', recipient: [] }, signature: 5 },
      { RecordType: 'Bounce', Type: 5, Email: {} },
      { message: 5 },
    ]) {
      const r = await call('/api/explain', json(JSON.stringify(body)));
      assert.equal(r.status, 200, JSON.stringify(body));
      assert.equal(r.body.kind, 'not-bounce', JSON.stringify(body));
    }
  });

  it('"messages" of the wrong type is a 400 with a message', async () => {
    const r = await call('/api/bounces', json('{"messages": ["550 5.1.1 x", 5]}'));
    assert.equal(r.status, 400);
    assert.equal(r.body.error, '"messages" must be strings');
  });

  it('an IDN is checked under its A-label', async () => {
    const r = await call(`/api/check/${encodeURIComponent('Bücher.example')}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.domain, 'xn--bcher-kva.example');
  });

  it('a 300-character name and markup are "not a domain name"', async () => {
    for (const d of ['a'.repeat(300), '<script>alert(1)</script>', `${'ü'.repeat(2000)}.example`]) {
      const r = await call(`/api/check/${encodeURIComponent(d)}`);
      assert.equal(r.status, 400);
      assert.equal(r.body.error, 'not a domain name');
    }
  });

  it('an IP address is refused as one (there is no _dmarc.192.0.2.1 to publish)', async () => {
    for (const ip of ['192.0.2.1', '[2001:db8::1]', '2001:db8::1']) {
      const r = await call(`/api/check/${encodeURIComponent(ip)}`);
      assert.equal(r.status, 400, ip);
      assert.equal(r.body.error, 'an IP address, not a domain name (check the domain of the sender address)');
    }
  });

  it('more DKIM selectors than allowed is a 400, not thousands of DNS questions', async () => {
    const many = Array.from({ length: MAX_SELECTORS + 1 }, (_, i) => `selector=s${i}`).join('&');
    const r = await call(`/api/check/xn--bcher-kva.example?${many}`);
    assert.equal(r.status, 400);
    assert.match(String(r.body.error), /at most 20 DKIM selectors/);
    const ok = await call('/api/check/xn--bcher-kva.example?selector=a,b');
    assert.equal(ok.status, 200);
  });

  it('markup in every field comes back as JSON text, with a JSON content type', async () => {
    const res = await makeApp().request('/api/explain', {
      method: 'POST',
      body: '550 5.1.1 <script>alert(1)</script>@x.example <img src=x onerror=alert(1)> user unknown',
      headers: { 'content-type': 'text/plain' },
    });
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as { results: { diagnosticCode: string }[] };
    assert.match(body.results[0].diagnosticCode, /<script>alert\(1\)<\/script>/);
  });
});

describe('a batch against a DNS server that never answers', () => {
  it('asks the dead server once for the whole batch, and stores every message', async () => {
    let asked = 0;
    const silent = async () => {
      asked++;
      return { rcode: 'TIMEOUT' as const, answers: [] };
    };
    const store = openSqliteStore(':memory:', () => new Date('2026-12-01T10:00:00Z'));
    const app = createApp({ store, resolver: silent });
    const messages = Array.from(
      { length: 50 },
      (_, i) => `Final-Recipient: rfc822; u${i}@gone${i}.example\nAction: failed\nStatus: 5.1.1\n`,
    );
    const res = await app.request('/api/bounces', json(JSON.stringify({ messages })));
    assert.equal(res.status, 201);
    const body = (await res.json()) as { stored: unknown[]; errors: unknown[] };
    assert.equal(body.stored.length, 50);
    // without the shared guard: one timeout per message, one after the other
    assert.equal(asked, 1);
  });
});
