// SPF records that explode (100 includes, each with 100 includes that loop back) give a bounded
// result: the lookup count, and each kind of finding listed a few times with the count of the rest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_FINDINGS_PER_CODE } from '../../../src/auth/dmarc/cap-findings.js';
import { checkHost } from '../../../src/auth/spf/evaluate.js';
import { lintSpf } from '../../../src/auth/spf/index.js';
import { MAX_EXPLANATION_CHARS, MAX_MACRO_VALUE_CHARS } from '../../../src/auth/spf/macro.js';
import { cachingResolver, type MemoryZone, memoryResolver } from '../../../src/dns/index.js';

function explodingZone(): MemoryZone {
  const zone: MemoryZone = {
    'boom.example': {
      TXT: [[`v=spf1 ${Array.from({ length: 100 }, (_, i) => `include:i${i}.boom.example`).join(' ')} -all`]],
    },
  };
  for (let i = 0; i < 100; i++) {
    zone[`i${i}.boom.example`] = {
      TXT: [[`v=spf1 ${Array.from({ length: 100 }, (_, j) => `include:j${j}.boom.example`).join(' ')} -all`]],
    };
    zone[`j${i}.boom.example`] = {
      TXT: [[`v=spf1 include:boom.example include:i${i}.boom.example a mx -all`]],
    };
  }
  return zone;
}

test('an exploding include tree: bounded findings and DNS questions', async () => {
  const dns = cachingResolver(memoryResolver(explodingZone()));
  const r = await lintSpf('boom.example', { resolver: dns });
  assert.equal(r.verdict, 'error');
  assert.equal(r.receiverResult, 'permerror');
  assert.ok(r.lookups > 10);
  const perCode = new Map<string, number>();
  for (const f of r.findings) perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
  for (const [code, n] of perCode) assert.ok(n <= MAX_FINDINGS_PER_CODE, `${code}: ${n}`);
  const loops = r.findings.filter((f) => f.code === 'spf.include-loop');
  assert.equal(loops.length, MAX_FINDINGS_PER_CODE);
  assert.match(loops[loops.length - 1].message, /and \d+ more like it, not listed/);
  // 201 names hold SPF; each distinct question once (A and MX of the j names, type 99 of the apex)
  assert.ok(dns.stats.queries <= 201 + 200 + 200 + 1, `${dns.stats.queries} questions`);
});

test('an exp= record of 960 macros and a 100 KB local part: a bounded explanation', async () => {
  const zone: MemoryZone = {
    'exp.example': { TXT: [['v=spf1 -all exp=e.exp.example']] },
    // 16 character-strings of 60 "%{l}" each: one TXT record, 960 macros
    'e.exp.example': { TXT: [Array.from({ length: 16 }, () => '%{l}'.repeat(60))] },
  };
  const r = await checkHost('192.0.2.1', 'exp.example', `${'y'.repeat(100_000)}@exp.example`, {
    resolver: memoryResolver(zone),
  });
  assert.equal(r.result, 'fail');
  // unbounded, this was 96,000,000 characters (and gigabytes with a 64 KB record)
  assert.equal(r.explanation?.length, MAX_EXPLANATION_CHARS);
  assert.ok(r.explanation?.startsWith('y'.repeat(MAX_MACRO_VALUE_CHARS)));
});

test('the RFC 7208 explanation of an ordinary sender is whole', async () => {
  const zone: MemoryZone = {
    'exp.example': { TXT: [['v=spf1 -all exp=e.exp.example']] },
    'e.exp.example': { TXT: [['%{l} is not allowed to send for %{d}']] },
  };
  const r = await checkHost('192.0.2.1', 'exp.example', 'bob@exp.example', {
    resolver: memoryResolver(zone),
  });
  assert.equal(r.explanation, 'bob is not allowed to send for exp.example');
});
