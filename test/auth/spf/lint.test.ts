import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { lintSpf, type SpfLintResult } from '../../../src/auth/spf/index.js';
import { type MemoryZone, memoryResolver } from '../../../src/dns/index.js';

const spf = (text: string | string[]) => ({ TXT: [Array.isArray(text) ? text : [text]] });
const codes = (r: SpfLintResult) => r.findings.map((f) => `${f.severity} ${f.code}`);
const finding = (r: SpfLintResult, code: string) => r.findings.find((f) => f.code === code);
const lint = (zone: MemoryZone, domain = 'example.com', parked = false) =>
  lintSpf(domain, { resolver: memoryResolver(zone), parked });

const services: MemoryZone = {
  'a.example': spf('v=spf1 ip4:192.0.2.0/24 -all'),
  'b.example': spf('v=spf1 ip4:198.51.100.0/24 -all'),
};

test('a healthy record: no findings, verdict ok, the strings kept as published', async () => {
  const r = await lint({
    ...services,
    'example.com': spf(['v=spf1 include:a.example ', 'include:b.example -all']),
  });
  assert.deepEqual(codes(r), []);
  assert.equal(r.verdict, 'ok');
  assert.deepEqual(r.records, [
    {
      strings: ['v=spf1 include:a.example ', 'include:b.example -all'],
      text: 'v=spf1 include:a.example include:b.example -all',
    },
  ]);
  assert.equal(r.lookups, 2);
  assert.equal(r.fixed, undefined);
});

test('character-strings joined without a space are pointed at and repaired', async () => {
  const r = await lint({
    ...services,
    'example.com': spf(['v=spf1 include:a.example', 'include:b.example -all']),
  });
  const f = finding(r, 'spf.strings-joined');
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.record?.slice(...(f.span ?? [0, 0])), 'include:a.exampleinclude:b.example');
  assert.equal(r.fixed, 'v=spf1 include:a.example include:b.example -all');
  assert.equal(f.fixed, r.fixed);
});

test('a split inside one term is fine (RFC 7208 §3.3 joins the strings)', async () => {
  const r = await lint({ 'example.com': spf(['v=spf1 ip4:', '192.0.2.5 -all']) });
  assert.deepEqual(codes(r), []);
});

test('+all is an error, ?all a warning, a missing all a warning; each with the corrected record', async () => {
  const pass = await lint({ 'example.com': spf('v=spf1 ip4:192.0.2.1 +all') });
  assert.deepEqual(codes(pass), ['error spf.pass-all']);
  assert.equal(pass.fixed, 'v=spf1 ip4:192.0.2.1 ~all');
  const neutral = await lint({ 'example.com': spf('v=spf1 ip4:192.0.2.1 ?all') });
  assert.deepEqual(codes(neutral), ['warning spf.neutral-all']);
  assert.equal(neutral.verdict, 'warning');
  const none = await lint({ 'example.com': spf('v=spf1 ip4:192.0.2.1') });
  assert.deepEqual(codes(none), ['warning spf.no-all']);
  assert.equal(none.fixed, 'v=spf1 ip4:192.0.2.1 ~all');
});

test('a trailing dot after a domain-spec is allowed by the ABNF and not reported', async () => {
  const r = await lint({ ...services, 'example.com': spf('v=spf1 include:a.example. -all') });
  assert.deepEqual(codes(r), []);
});

test('no SPF record: error, receivers get none', async () => {
  const r = await lint({ 'example.com': { TXT: [['google-site-verification=abc']] } });
  assert.deepEqual(codes(r), ['error spf.no-record']);
  assert.equal(r.receiverResult, 'none');
  assert.equal(r.tree, undefined);
});

test('a DNS timeout is "could not check", never "no record"', async () => {
  const r = await lint({ 'example.com': 'TIMEOUT' });
  assert.deepEqual(codes(r), ['warning spf.dns-unavailable']);
  assert.equal(r.verdict, 'unknown');
  const inner = await lint({
    'example.com': spf('v=spf1 include:slow.example -all'),
    'slow.example': { TXT: 'SERVFAIL' },
  });
  assert.deepEqual(codes(inner), ['warning spf.dns-unavailable']);
  assert.equal(inner.verdict, 'unknown');
  assert.equal(inner.tree?.children[0].status, 'SERVFAIL');
});

test('the whole lookup tree is shown past 10, with running counts and the include to flatten', async () => {
  const zone: MemoryZone = {
    'example.com': {
      TXT: [['v=spf1 include:big.example include:small.example mx -all']],
      MX: [{ priority: 10, exchange: 'host.small.example' }],
    },
    'big.example': spf(
      `v=spf1 ${Array.from({ length: 9 }, (_, i) => `include:s${i}.example`).join(' ')} -all`,
    ),
    'small.example': spf('v=spf1 a:host.small.example -all'),
    'host.small.example': { A: ['192.0.2.9'] },
  };
  for (let i = 0; i < 9; i++) zone[`s${i}.example`] = spf(`v=spf1 ip4:192.0.2.${i} -all`);
  const r = await lint(zone);
  assert.equal(r.lookups, 13);
  const f = finding(r, 'spf.too-many-lookups');
  assert.ok(f);
  assert.match(f.fix ?? '', /include:big\.example/);
  assert.equal(f.record?.slice(...(f.span ?? [0, 0])), 'include:big.example');
  const [big, small, mx] = r.tree?.children ?? [];
  assert.deepEqual([big.lookups, big.runningTotal, big.children.length], [10, 1, 9]);
  assert.deepEqual([small.lookups, small.runningTotal], [2, 11]);
  assert.equal(small.children[0].runningTotal, 12);
  assert.deepEqual([mx.term, mx.runningTotal, mx.names], ['mx', 13, 1]);
});

test('include loops across domains, and include targets without SPF', async () => {
  const loop = await lint({
    'example.com': spf('v=spf1 include:b.example -all'),
    'b.example': spf('v=spf1 include:example.com -all'),
  });
  const f = finding(loop, 'spf.include-loop');
  assert.equal(f?.severity, 'error');
  assert.equal(f?.record, 'v=spf1 include:example.com -all');
  assert.equal(loop.tree?.children[0].children[0].loop, true);
  const missing = await lint({ 'example.com': spf('v=spf1 include:gone.example -all') });
  assert.deepEqual(codes(missing), ['error spf.include-no-spf']);
  assert.equal(missing.voidLookups, 1);
  assert.equal(missing.receiverResult, 'permerror');
});

test('text faults: smart quotes, en dash, control characters, with their positions', async () => {
  const r = await lint({
    ...services,
    'example.com': spf('\u201cv=spf1 include:a.example\u00a0\u2013all\u201d'),
  });
  assert.deepEqual(
    r.findings.filter((f) => f.span).map((f) => [f.code, f.span]),
    [
      ['spf.smart-quote', [0, 1]],
      ['spf.unicode-space', [25, 26]],
      ['spf.dash-lookalike', [26, 27]],
      ['spf.smart-quote', [30, 31]],
    ],
  );
  assert.equal(r.fixed, 'v=spf1 include:a.example -all');
  assert.equal(r.receiverResult, 'none');
  const ctrl = await lint({ 'example.com': spf('v=spf1 ip4:192.0.2.5\ninclude:a.example -all') });
  assert.deepEqual(finding(ctrl, 'spf.control-character')?.span, [20, 21]);
  assert.equal(ctrl.receiverResult, 'permerror');
});

test('ptr is a warning; host bits are info; a parked domain with "v=spf1 -all" is fine', async () => {
  const r = await lint({ 'example.com': spf('v=spf1 ptr ip4:192.0.2.77/24 -all') });
  assert.deepEqual(codes(r), ['warning spf.ptr', 'info spf.cidr-host-bits']);
  assert.equal(r.fixed, 'v=spf1 ptr ip4:192.0.2.0/24 -all');
  const v6 = await lint({ 'example.com': spf('v=spf1 ip6:2001:db8::1/32 exists:%{p}.x.example -all') });
  assert.deepEqual(codes(v6), ['warning spf.p-macro', 'info spf.cidr-host-bits']);
  assert.equal(v6.fixed, 'v=spf1 ip6:2001:db8::/32 exists:%{p}.x.example -all');
  const wide = await lint({
    'example.com': spf('v=spf1 ip4:10.0.0.0/8 ip4:0.0.0.0/0 -ip4:128.0.0.0/1 -all'),
  });
  assert.deepEqual(codes(wide), ['error spf.allows-everything', 'warning spf.wide-range']);
  assert.equal(wide.receiverResult, undefined);
  const parked = await lint({ 'example.com': spf('v=spf1 -all') }, 'example.com', true);
  assert.deepEqual(codes(parked), []);
  assert.equal(parked.verdict, 'ok');
});

test('several records: permerror, and one merged record proposed', async () => {
  const r = await lint({
    ...services,
    'example.com': {
      TXT: [['v=spf1 include:a.example -all'], ['v=spf1 include:b.example include:a.example ~all']],
    },
  });
  assert.equal(finding(r, 'spf.multiple-records')?.severity, 'error');
  assert.equal(r.fixed, 'v=spf1 include:a.example include:b.example -all');
  assert.equal(r.receiverResult, 'permerror');
});

test('junk TXT data never crashes the linter (property)', async () => {
  const chars = fc.constantFrom(
    ...'v=spf1 :include a mx ptr exists all ip4 ip6 redirect= exp= % { } . / - ~ ? + 1 2 \u2013 \u201c "'.split(
      ' ',
    ),
    ' ',
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.array(chars, { maxLength: 40 }).map((a) => a.join('')),
        { minLength: 1, maxLength: 3 },
      ),
      async (strings) => {
        const r = await lint({ 'example.com': { TXT: [strings] } });
        assert.ok(['ok', 'warning', 'error', 'unknown'].includes(r.verdict));
        for (const f of r.findings)
          if (f.span && f.record) assert.ok(f.span[1] <= f.record.length, JSON.stringify(f));
      },
    ),
    { numRuns: 300 },
  );
});
