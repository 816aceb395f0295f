// `bouncedoc auth --dns 127.0.0.1:PORT` against a real authoritative server (Knot): the RFC 8463
// message verified with multi-string TXT key records served over DNS, SPF and DMARC evaluated.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureKnot, type KnotServer, rootZone, startKnot } from '../../integration/knot-server.js';
import { runCli } from '../../integration/run-cli.js';

const knot = ensureKnot();
const skip = knot.ok ? false : `Knot is not available: ${knot.why}`;
const signed = fileURLToPath(
  new URL('../../../../shared/corpus/dkim/rfc8463-example/signed.eml', import.meta.url),
);
const c34 = fileURLToPath(new URL('../../../../shared/corpus/cases/inputs/C34.headers', import.meta.url));

// The RSA key split into several character-strings, as DNS hosting panels publish long keys.
const ZONE =
  rootZone(`brisbane._domainkey.football.example.com. IN TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
test._domainkey.football.example.com. IN TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR" "iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC" "DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3" "Ip3G+2kryOTIKT+l/K4w3QIDAQAB"
football.example.com. IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
_dmarc.football.example.com. IN TXT "v=DMARC1; p=reject; rua=mailto:d@football.example.com"
gmail.com. IN TXT "v=spf1 ip4:198.51.100.0/24 ~all"
_dmarc.example.org. IN TXT "v=DMARC1; p=quarantine"
`);

describe('bouncedoc auth against Knot', { skip }, () => {
  let server: KnotServer;
  before(async () => {
    server = await startKnot(ZONE);
  });
  after(async () => {
    await server?.stop();
  });

  it('verifies ed25519 and rsa signatures with keys from DNS; SPF fail for an unlisted IP; DMARC passes by DKIM', async () => {
    const run = await runCli([
      'auth',
      signed,
      '--dns',
      `127.0.0.1:${server.port}`,
      '--ip',
      '203.0.113.9',
      '--mail-from',
      'joe@football.example.com',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr + server.log());
    const a = JSON.parse(run.stdout);
    assert.deepEqual(
      a.dkim.map((d: { selector: string; result: string }) => [d.selector, d.result]),
      [
        ['brisbane', 'pass'],
        ['test', 'pass'],
      ],
    );
    assert.equal(a.spf.result, 'fail');
    assert.deepEqual(
      a.dmarc.map((d: { mode: string; result: string; policy: string }) => [d.mode, d.result, d.policy]),
      [
        ['rfc9989', 'pass', 'reject'],
        ['rfc7489', 'pass', 'reject'],
      ],
    );
  });

  it("C34 headers: our evaluation against the receiver's; the text names the cause and the fix", async () => {
    const run = await runCli(['auth', c34, '--dns', `127.0.0.1:${server.port}`]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /SPF {2}gmail\.com {2}pass {2}not aligned/);
    assert.match(run.stdout, /RFC 9989 {2}fail {2}policy quarantine/);
    assert.match(run.stdout, /Why: The message was sent through Gmail's servers/);
    assert.match(
      run.stdout,
      /Fix:\n {2}1\. Send through an SMTP service that DKIM-signs with d=example\.org/,
    );
  });
});
