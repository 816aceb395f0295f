// The integration tier: a real authoritative DNS server (Knot) serves each seed case's zone on a
// loopback port, and the real command line checks example.com against it:
//   bouncedoc check example.com --selector default --dns 127.0.0.1:PORT --json
// Also: multi-string TXT, NXDOMAIN versus NODATA, and servers that do not answer.
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { after, before, describe, it } from 'node:test';
import { assertNothingMissing, assertSeedExpectation } from '../check/expect-findings.js';
import { caseZoneFile, loadSeed, type SeedCase, type SeedRecord, seedCase } from '../check/seed-zone.js';
import { ensureKnot, freePort, type KnotServer, startKnot } from './knot-server.js';
import { type CliRun, cliEntry, runCli } from './run-cli.js';

interface Json {
  verdict: string;
  verdicts: Record<string, string>;
  findings: Array<{ code: string; severity: string; check: string; message: string }>;
  corrected: Array<{ check: string; fixed: string }>;
  spf: { records: Array<{ strings: string[]; text: string }> };
  dkim: Array<{
    selector: string;
    rcode: string;
    records: string[];
    key?: { key: { publicKey?: { bits?: number } } };
    verdict: string;
  }>;
}

const knot = ensureKnot();
const skip = knot.ok ? false : `Knot is not available: ${knot.why}`;
const seed = loadSeed();

async function checkAgainst(zone: string, args: string[]): Promise<{ run: CliRun; json: Json; log: string }> {
  const server: KnotServer = await startKnot(zone);
  try {
    const run = await runCli([
      'check',
      'example.com',
      '--dns',
      `127.0.0.1:${server.port}`,
      '--json',
      ...args,
    ]);
    let json: Json;
    try {
      json = JSON.parse(run.stdout) as Json;
    } catch {
      throw new Error(`no JSON (exit ${run.code}): ${run.stderr}\n${server.log()}`);
    }
    return { run, json, log: server.log() };
  } finally {
    await server.stop();
  }
}

/** Runs `work` over the items, at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

describe(`bouncedoc check against Knot: the seed cases (CLI from ${cliEntry})`, { skip }, () => {
  const results = new Map<string, { run: CliRun; json: Json } | Error>();
  before(async () => {
    const done = await pool(seed.cases, 4, (c) =>
      checkAgainst(caseZoneFile(seed, c), ['--selector', 'default']).catch((e: unknown) =>
        e instanceof Error ? e : new Error(String(e)),
      ),
    );
    for (const [i, c] of seed.cases.entries()) results.set(c.id, done[i]);
  });

  const resultOf = (id: string) => {
    const got = results.get(id);
    if (got instanceof Error) throw got;
    assert.ok(got, id);
    return got;
  };
  for (const c of seed.cases) {
    it(`${c.id}: ${c.problem}`, () => {
      const { run, json } = resultOf(c.id);
      const errors = assertSeedExpectation(c, json.findings);
      // exit status: 1 with errors, else 0 (every record could be checked)
      assert.equal(run.code, errors.length > 0 ? 1 : 0, run.stderr);
      assert.ok(!Object.values(json.verdicts).includes('could-not-check'), JSON.stringify(json.verdicts));
    });
    const fixed = c.expect.fixed;
    if (fixed === undefined) continue;
    it(`${c.id}: the corrected record`, () => {
      const proposed = resultOf(c.id).json.corrected.map((x) => x.fixed);
      assert.ok(proposed.includes(fixed), `corrected records proposed: ${proposed.join(' | ')}`);
    });
  }

  it('multi-string TXT: the DKIM key (two strings) and D18 SPF are joined without a separator', () => {
    const d00 = resultOf('D00');
    const d18 = resultOf('D18');
    assert.equal(d00.json.dkim[0].key?.key.publicKey?.bits, 2048);
    const [spf] = d18.json.spf.records;
    assert.equal(spf.strings.length, 2);
    assert.equal(spf.text, spf.strings.join(''));
    assert.ok(spf.text.includes('include:_spf.mailhost.example.net -all'));
  });
});

describe('bouncedoc check against Knot: NXDOMAIN versus NODATA', { skip }, () => {
  it('a selector that does not exist and one that exists without TXT are told apart', async () => {
    const base = seedCase(seed, 'D00');
    const extra: SeedRecord = { name: 'nodata._domainkey.example.com', type: 'A', value: '192.0.2.99' };
    const c: SeedCase = { ...base, records: [extra] };
    const { run, json } = await checkAgainst(caseZoneFile(seed, c), [
      '--selector',
      'default',
      '--selector',
      'gone',
      '--selector',
      'nodata',
    ]);
    assert.equal(run.code, 1, 'named selectors without a key are errors');
    const by = new Map(json.dkim.map((d) => [d.selector, d]));
    assert.equal(by.get('default')?.rcode, 'NOERROR');
    assert.equal(by.get('default')?.verdict, 'ok');
    assert.equal(by.get('gone')?.rcode, 'NXDOMAIN');
    assert.equal(by.get('nodata')?.rcode, 'NOERROR');
    assert.deepEqual(by.get('nodata')?.records, []);
    const missing = json.findings.filter((f) => f.code === 'dkim.key-missing').map((f) => f.message);
    assert.equal(missing.length, 2);
    assert.ok(missing.some((m) => m.includes('gone._domainkey') && m.includes('NXDOMAIN')));
    assert.ok(missing.some((m) => m.includes('nodata._domainkey') && m.includes('no TXT record')));
  });
});

describe('bouncedoc check against Knot: the text for a person', { skip }, () => {
  it('marks the stray period of D17 and prints the corrected record, without colour', async () => {
    const c = seedCase(seed, 'D17');
    const server = await startKnot(caseZoneFile(seed, c));
    try {
      const run = await runCli([
        'check',
        'example.com',
        '--selector',
        'default',
        '--dns',
        `127.0.0.1:${server.port}`,
      ]);
      assert.equal(run.code, 1, run.stderr);
      const lines = run.stdout.split('\n');
      const at = lines.findIndex(
        (l, i) => l.trim() === 'v=spf1 ip4:192.0.2.10 -all.' && /^\s+\^$/.test(lines[i + 1] ?? ''),
      );
      assert.ok(at > 0, run.stdout);
      assert.equal(lines[at + 1].indexOf('^'), lines[at].lastIndexOf('.'));
      assert.match(run.stdout, /corrected record for example\.com:\n\s+v=spf1 ip4:192\.0\.2\.10 -all\n/);
      assert.ok(!run.stdout.includes('\u001b['), 'no colour outside a terminal');
    } finally {
      await server.stop();
    }
  });
});

describe('bouncedoc check: DNS servers that do not answer', () => {
  const unanswered = (json: Json) => {
    assert.equal(json.verdict, 'could-not-check');
    for (const v of Object.values(json.verdicts)) assert.equal(v, 'could-not-check');
    assertNothingMissing(json.findings);
  };

  let silent: dgram.Socket | undefined;
  after(() => silent?.close());

  /** `bouncedoc check` against a DNS server at this loopback port, with a short timeout. */
  const checkAt = (port: number) =>
    runCli([
      'check',
      'example.com',
      '--selector',
      'default',
      '--dns',
      `127.0.0.1:${port}`,
      '--timeout',
      '300',
      '--json',
    ]);

  it('a server that never replies: a timeout, reported as "could not check", exit 2', async () => {
    silent = dgram.createSocket('udp4');
    // count what reaches the dead server: work done, not elapsed time (project rule: no timed test)
    let received = 0;
    silent.on('message', () => received++);
    await new Promise<void>((resolve) => silent!.bind(0, '127.0.0.1', resolve));
    const run = await checkAt((silent.address() as { port: number }).port);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /DNS did not answer/);
    const json = JSON.parse(run.stdout) as Json & { dmarc: { dnsError?: string }; mx: { rcode: string } };
    unanswered(json);
    assert.equal(json.mx.rcode, 'TIMEOUT');
    assert.equal(json.dkim[0].rcode, 'TIMEOUT');
    // each distinct question was sent at most twice (c-ares tries: 2), then given up as TIMEOUT
    const { queries } = (json as unknown as { dns: { queries: number } }).dns;
    assert.ok(received > 0 && received <= queries * 2, `${received} packets for ${queries} questions`);
  });

  it('a closed port: "could not check", exit 2', async () => {
    const run = await checkAt(await freePort());
    assert.equal(run.code, 2, run.stderr);
    unanswered(JSON.parse(run.stdout) as Json);
  });
});
