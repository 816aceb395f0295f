// The CLI, spawned as a person runs it (from source through tsx; bin/bouncedoc.js runs the same main()).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'bouncedoc-cli-'));

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repo, 'test/cli/run-cli.ts'), ...args],
    {
      cwd: repo,
      input,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...env },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const dsn = file(
  'dsn.eml',
  [
    'From: MAILER-DAEMON@mx.example.net',
    'To: news@shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    'Final-Recipient: rfc822; gone@example.com',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>: User unknown',
    '--b--',
    '',
  ].join('\n'),
);

test('explain FILE prints the recipient and its codes, exit 0', () => {
  const r = cli(['explain', dsn]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /gone@example\.com/);
  assert.match(r.stdout, /5\.1\.1 \/ 550/);
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when piped');
});

test('--json with two files gives an array with a source each', () => {
  const r = cli(['explain', '--json', dsn, dsn]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Array<{
    source: string;
    kind: string;
    results: Array<{ recipient: string }>;
  }>;
  assert.equal(out.length, 2);
  assert.equal(out[0].source, dsn);
  assert.equal(out[0].kind, 'bounce');
  assert.equal(out[0].results[0].recipient, 'gone@example.com');
});

test('--json with one file gives one object', () => {
  const out = JSON.parse(cli(['explain', '--json', dsn]).stdout) as { source: string };
  assert.equal(out.source, dsn);
});

test('standard input: with "-" and with no argument; a bare reply is recognised', () => {
  for (const args of [
    ['explain', '--json', '-'],
    ['explain', '--json'],
  ]) {
    const r = cli(
      args,
      '550-5.7.26 Unauthenticated email from example.com is not accepted\n550 5.7.26 due to DMARC.\n',
    );
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      source: string;
      kind: string;
      results: Array<{ replyCode: string }>;
    };
    assert.equal(out.source, '-');
    assert.equal(out.kind, 'reply-text');
    assert.equal(out.results[0].replyCode, '550');
  }
});

test('standard input redirected from a directory: "is a directory", exit 1', () => {
  const fd = openSync(dir, 'r');
  try {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repo, 'test/cli/run-cli.ts'), 'explain'],
      {
        cwd: repo,
        stdio: [fd, 'pipe', 'pipe'],
        encoding: 'utf8',
      },
    );
    assert.equal(r.stderr, 'bouncedoc: -: cannot read: is a directory\n');
    assert.equal(r.status, 1);
  } finally {
    closeSync(fd);
  }
});

test('standard input named twice is a usage error (exit 2), nothing is read or explained', () => {
  const r = cli(['explain', '--json', '-', dsn, '-'], '550 5.1.1 <a@b.example> user unknown\n');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'bouncedoc: standard input ("-") can be read only once; name it once\n');
  assert.equal(r.stdout, '');
});

test('--ndjson prints one line per input; a bad file does not stop the others', () => {
  const r = cli(['explain', '--ndjson', dsn, path.join(dir, 'missing.eml'), dsn]);
  assert.equal(r.code, 1);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { error?: string; kind?: string });
  assert.equal(lines.length, 3);
  assert.equal(lines[0].kind, 'bounce');
  assert.match(lines[1].error ?? '', /no such file/);
  assert.equal(lines[2].kind, 'bounce');
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('--format sisimai uses Sisimai field names', () => {
  const r = cli(['explain', '--format', 'sisimai', dsn]);
  const [rec] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.equal(rec.recipient, 'gone@example.com');
  assert.equal(rec.deliverystatus, '5.1.1');
  assert.equal(rec.replycode, '550');
  assert.equal(rec.lhost, 'mx.example.net');
  assert.equal(rec.action, 'failed');
  assert.equal(rec.addresser, '');
  assert.equal(typeof rec.hardbounce, 'boolean');
});

test('--format sisimai: a webhook event gets its own time as timestamp', () => {
  const events = [
    {
      email: 'jo@example.org',
      event: 'bounce',
      status: '5.1.1',
      reason: '550 5.1.1 unknown',
      timestamp: 1793000000,
    },
  ];
  const r = cli([
    'explain',
    '--offline',
    '--format',
    'sisimai',
    file('sendgrid.json', JSON.stringify(events)),
  ]);
  assert.equal(r.code, 0, r.stderr);
  const [rec] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.equal(rec.recipient, 'jo@example.org');
  assert.equal(rec.timestamp, 1793000000);
  assert.equal(rec.timezoneoffset, '+0000');
});

test('explain --help says webhook payloads are read, naming the ESPs', () => {
  const r = cli(['explain', '--help']);
  assert.equal(r.code, 0);
  const text = r.stdout.replace(/\s+/g, ' ');
  assert.match(
    text,
    /ESP webhook JSON payloads \(Amazon SES\/SNS, SendGrid, Mailgun, Postmark, SparkPost, Mandrill\)/,
  );
});

test('a JSON array cut short on standard input: one line, exit 1', () => {
  const r = cli(['explain', '--offline'], '[1,2\n');
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    /^bouncedoc: -: input starts like a JSON document \(a webhook body\?\) but is not valid JSON: [^\n]*\n$/,
  );
});

test('empty input, binary junk and a missing file: one-line errors, non-zero exit, no stack trace', () => {
  const cases: Array<[string[], string | undefined, RegExp]> = [
    [['explain', file('empty.eml', '')], undefined, /input is empty/],
    [['explain', file('junk.bin', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 9, 1, 2]))], undefined, /binary/],
    [['explain', path.join(dir, 'nope.eml')], undefined, /cannot read: no such file/],
    [['explain', dir], undefined, /cannot read/],
  ];
  for (const [args, input, re] of cases) {
    const r = cli(args, input);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, re);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\s+at\s/);
  }
});

test('an ordinary message says not a bounce, exit 0', () => {
  const r = cli([
    'explain',
    '--json',
    file('hello.eml', 'From: a@example.com\nTo: b@example.com\nSubject: Lunch\n\nNoon?\n'),
  ]);
  assert.equal(r.code, 0);
  assert.equal((JSON.parse(r.stdout) as { kind: string }).kind, 'not-bounce');
});

test('colour only when forced (a terminal), never under NO_COLOR', () => {
  assert.match(cli(['explain', dsn], undefined, { FORCE_COLOR: '1' }).stdout, /\x1b\[/);
  assert.doesNotMatch(cli(['explain', dsn], undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, /\x1b\[/);
});

test('usage errors exit 2 with a hint', () => {
  const r = cli(['explain', '--no-such-option']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option/);
});

/** A DSN with no text part whose delivery-status part fails the recipients user<i>@example.org. */
function statusOnlyDsn(numbers: readonly number[]): string {
  const block = (i: number) =>
    `Final-Recipient: rfc822; user${i}@example.org\nAction: failed\nStatus: 5.1.1\n`;
  return [
    'From: MAILER-DAEMON@mx.example.net',
    'To: news@shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    numbers.map(block).join('\n'),
    '--b--',
    '',
  ].join('\n');
}

test('--format sisimai: a report read only in part says so on stderr (its records have no field for it)', () => {
  const many = file('many.eml', statusOnlyDsn(Array.from({ length: 10_050 }, (_, i) => i)));
  // (10,000 records are more than spawnSync's default 1 MB of output)
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repo, 'test/cli/run-cli.ts'),
      'explain',
      '--offline',
      '--format',
      'sisimai',
      many,
    ],
    { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(r.status, 0);
  assert.equal((JSON.parse(r.stdout) as unknown[]).length, 10_000);
  assert.match(r.stderr, /many\.eml: only the first 10000 recipients of this report were read\n$/);
});

test('an mbox file gives one report per message in it, named FILE#N', () => {
  const bounce = (i: number) => `From MAILER-DAEMON Thu Dec  3 10:00:0${i} 2026\n${statusOnlyDsn([i])}`;
  const mbox = file('three.mbox', [1, 2, 3].map(bounce).join('\n'));
  const r = cli(['explain', '--offline', '--ndjson', mbox]);
  assert.equal(r.code, 0);
  const reports = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    reports.map((x) => [path.basename(x.source), x.results.map((y: { recipient: string }) => y.recipient)]),
    [
      ['three.mbox#1', ['user1@example.org']],
      ['three.mbox#2', ['user2@example.org']],
      ['three.mbox#3', ['user3@example.org']],
    ],
  );
});

test('--ndjson writes the reports in the order of the inputs and of the messages in each', () => {
  const mbox = (name: string, numbers: number[]) =>
    file(
      name,
      numbers.map((i) => `From MAILER-DAEMON Thu Dec  3 10:00:00 2026\n${statusOnlyDsn([i])}`).join('\n'),
    );
  const first = mbox('first.mbox', [1, 2, 3]);
  const last = mbox('last.mbox', [5, 6]);
  const r = cli(['explain', '--offline', '--ndjson', first, dsn, path.join(dir, 'missing.eml'), last]);
  assert.equal(r.code, 1);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { source: string; results?: { recipient: string }[]; error?: string });
  assert.deepEqual(
    lines.map((x) => [path.basename(x.source), x.results?.[0]?.recipient ?? x.error]),
    [
      ['first.mbox#1', 'user1@example.org'],
      ['first.mbox#2', 'user2@example.org'],
      ['first.mbox#3', 'user3@example.org'],
      ['dsn.eml', 'gone@example.com'],
      ['missing.eml', 'cannot read: no such file'],
      ['last.mbox#1', 'user5@example.org'],
      ['last.mbox#2', 'user6@example.org'],
    ],
  );
  assert.match(r.stderr, /missing\.eml: cannot read: no such file\n$/);
});
