// `bouncedoc auth` in-process: text and JSON output, --zone, --offline, and one-line errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runMain } from '../../check/run-main.js';

const c32 = fileURLToPath(new URL('../../../../shared/corpus/cases/inputs/C32.headers', import.meta.url));
const rfc8463 = fileURLToPath(
  new URL('../../../../shared/corpus/dkim/rfc8463-example/signed.eml', import.meta.url),
);
const dir = mkdtempSync(path.join(tmpdir(), 'bouncedoc-auth-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) => runMain(['auth', ...args], { env });

describe('bouncedoc auth', () => {
  it('--offline: text with the verdict, the cause and the fix; no colour off a TTY; exit 1 for a DMARC fail', async () => {
    const r = await run([c32, '--offline']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Verdict: DMARC fails; delivered only because the policy is p=none/);
    assert.match(r.stdout, /Fix:\n {2}1\. Configure custom DKIM at SocketLabs with d=example\.org/);
    assert.doesNotMatch(r.stdout, /\x1b\[/);
    assert.equal(r.stderr, '');
  });

  it('--json gives the MessageAudit value', async () => {
    const r = await run([c32, '--offline', '--json']);
    const a = JSON.parse(r.stdout);
    assert.equal(a.from.domain, 'example.org');
    assert.equal(a.rootCause.code, 'esp-own-domains');
  });

  it('--zone answers DNS from a zone file: DKIM and DMARC pass for the RFC 8463 message', async () => {
    const zone = path.join(dir, 'football.zone');
    writeFileSync(
      zone,
      [
        '$ORIGIN football.example.com.',
        'brisbane._domainkey IN TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="',
        'test._domainkey IN TXT ( "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR"',
        '  "iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC"',
        '  "DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3"',
        '  "Ip3G+2kryOTIKT+l/K4w3QIDAQAB" )',
        '_dmarc IN TXT "v=DMARC1; p=reject"',
        '',
      ].join('\n'),
    );
    const r = await run([rfc8463, '--zone', zone, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout);
    assert.deepEqual(
      a.dkim.map((d: { result: string }) => d.result),
      ['pass', 'pass'],
    );
    assert.equal(a.dmarc[0].result, 'pass');
  });

  it('one-line errors, no stack traces', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[c32, '--ip', 'not-an-ip'], /^bouncedoc: --ip "not-an-ip" is not an IP address\n$/],
      [
        [c32, '--mail-from', 'not an address'],
        /^bouncedoc: --mail-from "not an address" is not an address \(local-part@domain, or "<>" for none\)\n$/,
      ],
      [
        [c32, '--mail-from', '<a@b@c.example>'],
        /^bouncedoc: --mail-from "<a@b@c\.example>" is not an address/,
      ],
      [
        [c32, '--mail-from', 'Shop <shop@example.org>'],
        /^bouncedoc: --mail-from "Shop <shop@example\.org>" is not/,
      ],
      [
        [c32, '--offline', '--dns', '127.0.0.1:5300'],
        /^bouncedoc: --zone, --dns and --offline exclude each other\n$/,
      ],
      [[c32, '--dns', 'dns.example'], /^bouncedoc: --dns "dns\.example" is not an IP address/],
    ];
    for (const [args, pattern] of cases) {
      const r = await run(args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.split('\n').length, 2);
      assert.equal(r.stdout, '');
    }
  });

  it('an input that is no message exits 1, as explain does: missing, empty, blank, binary', async () => {
    const empty = path.join(dir, 'empty.eml');
    const blank = path.join(dir, 'blank.eml');
    const binary = path.join(dir, 'zero.bin');
    writeFileSync(empty, '');
    writeFileSync(blank, ' \r\n\n');
    writeFileSync(binary, new Uint8Array(1000));
    const cases: Array<[string, RegExp]> = [
      [path.join(dir, 'missing.eml'), /^bouncedoc: cannot read .*missing\.eml: no such file\n$/],
      [empty, /^bouncedoc: .*empty\.eml: input is empty\n$/],
      [blank, /^bouncedoc: .*blank\.eml: input is empty\n$/],
      [binary, /^bouncedoc: .*zero\.bin: input is binary data \(it contains NUL bytes\), not a message\n$/],
    ];
    for (const [file, pattern] of cases) {
      const r = await run([file, '--offline']);
      assert.equal(r.code, 1, file);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, '');
      const e = await runMain(['explain', '--offline', file]);
      assert.equal(e.code, 1, `explain ${file}`);
    }
  });

  it('--mail-from takes an address with or without angle brackets, and "<>" for the null sender', async () => {
    for (const [value, address] of [
      ['<>', ''],
      ['bounces@esp.example', 'bounces@esp.example'],
      ['<bounces@esp.example>', 'bounces@esp.example'],
      ['user@[192.0.2.1]', 'user@[192.0.2.1]'],
    ]) {
      const r = await run([c32, '--offline', '--json', '--mail-from', value]);
      assert.equal(r.stderr, '', value);
      const a = JSON.parse(r.stdout);
      assert.equal(a.mailFrom.address, address, value);
      assert.equal(a.mailFrom.source, 'given', value);
    }
  });

  it('colour when forced', async () => {
    const r = await run([c32, '--offline'], { FORCE_COLOR: '1' });
    assert.match(r.stdout, /\x1b\[/);
  });
});
