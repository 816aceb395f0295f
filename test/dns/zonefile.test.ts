import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { memoryResolver, parseZoneFile, zoneFileResolver } from '../../src/dns/index.js';

const casesDir = new URL('../../../shared/corpus/cases/inputs/', import.meta.url);
const readCase = (name: string) => readFileSync(new URL(name, casesDir), 'utf8');

test('C22: dig-style \\; escapes become plain semicolons in one character-string', async () => {
  const { zone, errors } = parseZoneFile(readCase('C22.zone'));
  assert.deepEqual(errors, []);
  const r = await memoryResolver(zone)('_dmarc.example.no', 'TXT');
  assert.equal(r.rcode, 'NOERROR');
  assert.equal(r.answers.length, 1);
  const strings = r.answers[0] as string[];
  assert.equal(strings.length, 1);
  assert.ok(strings[0].startsWith('v=DMARC1; p= none; rua=mailto:dmarc-agg@example.net; '));
  assert.ok(strings[0].endsWith('sp= none;'));
  assert.ok(!strings[0].includes('\\'));
});

test('C24: two TXT records at one owner stay two records', async () => {
  const resolve = zoneFileResolver(readCase('C24.zone'));
  const r = await resolve('example.nl', 'TXT');
  assert.deepEqual(r.answers, [['v=spf1 mx ~all'], ['v=spf1 a ~all']]);
});

test('C25 and C29: absolute owner names without $ORIGIN', async () => {
  assert.deepEqual((await zoneFileResolver(readCase('C25.zone'))('example.com', 'TXT')).answers, [
    ['v=spf1 ipv4:192.0.2.19/24 ipv4:198.51.100.0/24 -all'],
  ]);
  assert.deepEqual((await zoneFileResolver(readCase('C29.zone'))('EXAMPLE.com.', 'TXT')).answers, [
    ['v=spf1 a mx ip4:192.0.2.38 ?all.'],
  ]);
});

test('C27: UTF-8 text (typographic quotes, en dash) is kept character for character', async () => {
  const r = await zoneFileResolver(readCase('C27.zone'))('example.co.uk', 'TXT');
  const text = (r.answers[0] as string[])[0];
  assert.equal(text[0], '\u201c');
  assert.equal(text[text.length - 1], '\u201d');
  assert.ok(text.includes('\u2013all'));
});

test('C30: escaped quotes inside a quoted string are literal quote characters; comments are skipped', async () => {
  const { zone, records } = parseZoneFile(readCase('C30.zone'));
  assert.equal(records, 1);
  const r = await memoryResolver(zone)('default._domainkey.example.com', 'TXT');
  const strings = r.answers[0] as string[];
  assert.equal(strings.length, 1);
  assert.ok(strings[0].startsWith(`'"v=DKIM1; k=rsa; "  "p=MIGf`));
  assert.ok(strings[0].endsWith(`QAB"'`));
});

test('$ORIGIN, $TTL, @, relative names, omitted owner, class/TTL in either order', async () => {
  const text = [
    '$TTL 1h',
    '$ORIGIN example.org.',
    '@ IN 300 MX 10 mail',
    '  300 IN MX 20 backup.example.net.',
    'mail 3600 IN A 192.0.2.1',
    '     IN AAAA 2001:db8::1',
    'www CNAME mail',
    '$ORIGIN sub.example.org.',
    'host A 192.0.2.2',
  ].join('\n');
  const { zone, errors } = parseZoneFile(text);
  assert.deepEqual(errors, []);
  const resolve = memoryResolver(zone);
  assert.deepEqual((await resolve('example.org', 'MX')).answers, [
    { priority: 10, exchange: 'mail.example.org' },
    { priority: 20, exchange: 'backup.example.net' },
  ]);
  assert.deepEqual((await resolve('mail.example.org', 'AAAA')).answers, ['2001:db8::1']);
  assert.deepEqual((await resolve('host.sub.example.org', 'A')).answers, ['192.0.2.2']);
  const viaCname = await resolve('www.example.org', 'A');
  assert.deepEqual(viaCname.answers, ['192.0.2.1']);
  assert.equal(viaCname.canonicalName, 'mail.example.org');
});

test('multi-string TXT, parentheses across lines, comments, ; inside quotes, \\DDD escapes', async () => {
  const text = [
    'example.com. TXT ( "v=spf1 include:a.example" ; first part',
    '                   " include:b.example -all" )',
    'example.com. TXT "a;b" unquoted "\\072\\226\\128\\147x"',
  ].join('\n');
  const { zone, errors } = parseZoneFile(text);
  assert.deepEqual(errors, []);
  const r = await memoryResolver(zone)('example.com', 'TXT');
  assert.deepEqual(r.answers, [
    ['v=spf1 include:a.example', ' include:b.example -all'],
    ['a;b', 'unquoted', 'H\u2013x'],
  ]);
});

test('the --zone origin option makes relative owners absolute', async () => {
  const { zone } = parseZoneFile('@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"', {
    origin: 'example.com',
  });
  assert.deepEqual(Object.keys(zone).sort(), ['_dmarc.example.com', 'example.com']);
});

test('faults are returned with their line, never thrown', () => {
  const { errors, records } = parseZoneFile(
    [
      'a.example. CAA 0 issue "ca.example"',
      'b.example. MX mail.example.',
      'c.example. TXT "open',
      'd.example. A 192.0.2.9',
      ')',
    ].join('\n'),
  );
  assert.equal(records, 2); // the unterminated TXT keeps its text up to the line end, and d.example
  assert.deepEqual(
    errors.map((e) => e.line),
    [1, 2, 3, 5],
  );
  assert.match(errors[0].message, /CAA/);
});

test('junk input does not crash', () => {
  for (const junk of [
    '',
    '(((',
    '"',
    '\\',
    '$ORIGIN',
    '@',
    ' \n \n',
    'x'.repeat(10_000),
    '\u0000\u0001 TXT "\\999"',
  ]) {
    const r = parseZoneFile(junk);
    assert.ok(Array.isArray(r.errors));
  }
});
