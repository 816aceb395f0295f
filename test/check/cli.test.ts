// `bouncedoc check` in-process: arguments, exit status, text and JSON output, colour rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RunOptions, runMain } from './run-main.js';
import { caseZoneFile, loadSeed, seedCase } from './seed-zone.js';

const seed = loadSeed();
const zoneOf = (id: string) => caseZoneFile(seed, seedCase(seed, id));

const cli = (args: string[], opts: RunOptions = {}) => runMain(['check', ...args], opts);

const ESC = '\u001b[';

describe('bouncedoc check (in-process, --zone)', () => {
  it('the healthy baseline: exit 0, every record ok', async () => {
    const r = await cli(['example.com', '--selector', 'default', '--zone', 'z', '--json'], {
      files: { z: zoneOf('D00') },
    });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.verdict, 'ok');
    assert.deepEqual(json.verdicts, { dmarc: 'ok', spf: 'ok', dkim: 'ok', mx: 'ok' });
    assert.equal(json.dkim[0].key.key.publicKey.bits, 2048);
    assert.equal(json.dmarc.policy.p, 'reject');
    assert.equal(json.dmarc.source, 'author');
    assert.ok(json.spf.tree, 'the SPF lookup tree is in the JSON');
  });

  it('errors: exit 1; the text marks the fault and gives the corrected record', async () => {
    const r = await cli(['example.com', '--selector', 'default', '--zone', 'z'], {
      files: { z: zoneOf('D17') },
    });
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex(
      (l, i) => l.trim() === 'v=spf1 ip4:192.0.2.10 -all.' && lines[i + 1]?.includes('^'),
    );
    assert.ok(at > 0, r.stdout);
    const caret = lines[at + 1];
    // the caret stands under the stray period
    assert.equal(caret.indexOf('^'), lines[at].indexOf('-all.') + 4);
    assert.match(r.stdout, /corrected record for example\.com:\n\s+v=spf1 ip4:192\.0\.2\.10 -all\n/);
    assert.ok(!r.stdout.includes(ESC), 'no colour when stdout is not a terminal');
  });

  it('warnings only: exit 0', async () => {
    const r = await cli(['example.com', '--selector', 'default', '--zone', 'z'], {
      files: { z: zoneOf('D07') },
    });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /warnings/);
  });

  it('colour on a terminal, none under NO_COLOR', async () => {
    const files = { z: zoneOf('D17') };
    const tty = await cli(['example.com', '--selector', 'default', '--zone', 'z'], { files, tty: true });
    assert.ok(tty.stdout.includes(ESC));
    const noColor = await cli(['example.com', '--selector', 'default', '--zone', 'z'], {
      files,
      tty: true,
      env: { NO_COLOR: '1' },
    });
    assert.ok(!noColor.stdout.includes(ESC));
  });

  it('a domain that does not exist: exit 1, the headline says so and nothing else is advised', async () => {
    const r = await cli(['nosuch.example.com', '--zone', 'z'], { files: { z: zoneOf('D00') } });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'nosuch.example.com: does not exist in DNS (NXDOMAIN)');
    assert.match(r.stdout, /\[domain\.nxdomain\]/);
    assert.doesNotMatch(r.stdout, /^(DMARC|SPF|DKIM|MX) |corrected record|Publish/m);
    assert.match(r.stdout, /\n1 DNS query, /);
  });

  it('bad arguments: exit 2 with one line, no stack trace', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['not a domain', '--zone', 'z'], /is not a domain name/],
      [
        ['192.0.2.1', '--zone', 'z'],
        /^bouncedoc: "192\.0\.2\.1" is an IP address, not a domain name \(.*\)\n$/,
      ],
      [['[::1]', '--zone', 'z'], /^bouncedoc: "\[::1\]" is an IP address, not a domain name/],
      [['example.com', '--selector', 'a b', '--zone', 'z'], /is not a DKIM selector/],
      [['example.com', '--zone', 'z', '--dns', '127.0.0.1:53'], /exclude each other/],
      [['example.com', '--zone', 'missing.zone'], /cannot read missing\.zone: no such file/],
      [['example.com', '--dns', 'a b'], /is not an IP address/],
      [['example.com', '--dns', 'dns.example:53'], /is not an IP address/],
      [['example.com', '--timeout', 'soon'], /--timeout/],
      [['example.com', '--dmarc-mode', 'rfc1234'], /Allowed choices/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, { files: { z: zoneOf('D00') } });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
      assert.equal(r.stdout, '');
    }
  });

  it('an internationalized domain is checked in its ASCII form', async () => {
    const r = await cli(['BÜCHER.example.', '--zone', 'z', '--json'], { files: { z: zoneOf('D00') } });
    assert.equal(JSON.parse(r.stdout).domain, 'xn--bcher-kva.example');
  });

  it('--dmarc-mode rfc7489 is passed on', async () => {
    const r = await cli(['example.com', '--zone', 'z', '--json', '--dmarc-mode', 'rfc7489'], {
      files: { z: zoneOf('D00') },
    });
    assert.equal(JSON.parse(r.stdout).dmarcMode, 'rfc7489');
  });

  it('without --selector the common selectors are tried and the key is found', async () => {
    const r = await cli(['example.com', '--zone', 'z', '--json'], { files: { z: zoneOf('D00') } });
    const json = JSON.parse(r.stdout);
    assert.equal(json.dkimSelectors.probed, true);
    assert.deepEqual(
      json.dkim.map((d: { selector: string }) => d.selector),
      ['default'],
    );
  });
});

describe('--dns server syntax', () => {
  it('takes IP addresses with optional ports', async () => {
    const { isServer } = await import('../../src/cli/check.js');
    for (const ok of ['127.0.0.1', '127.0.0.1:5300', '::1', '[::1]:53', '[2001:db8::1]', '2001:db8::53'])
      assert.ok(isServer(ok), ok);
    for (const bad of [
      'dns.example',
      'dns.example:53',
      '127.0.0.1:0',
      '127.0.0.1:70000',
      '[::1',
      '1.2.3:53',
      '',
    ]) {
      assert.ok(!isServer(bad), bad);
    }
  });
});
