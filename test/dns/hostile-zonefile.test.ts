// Zone files with junk: never a throw, a bounded result, faults named by line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseZoneFile } from '../../src/dns/index.js';

test('a 100,000-digit TTL that fails at its end is read as a name, not scanned quadratically', () => {
  // `^[0-9]+[smhdw]?([0-9]+[smhdw])*$` split this run every way before failing
  const p = parseZoneFile(`$ORIGIN z.example.\n@ ${'9'.repeat(100_000)}! IN TXT "a"\nok IN TXT "b"\n`);
  assert.deepEqual((p.zone['ok.z.example'] as Record<string, unknown> | undefined)?.TXT, [['b']]);
});

test('TTL forms still read', () => {
  const p = parseZoneFile('$ORIGIN z.example.\na 3600 IN TXT "1"\nb 1h30m IN TXT "2"\nc 1W IN TXT "3"\n');
  assert.equal(p.errors.length, 0, JSON.stringify(p.errors));
  assert.equal(p.records, 3);
});

test('binary junk and unbalanced parentheses give errors, not a throw', () => {
  const junk = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)).repeat(50);
  const p = parseZoneFile(`${junk}\n( ( ( (\n`);
  assert.equal(p.records, 0);
  assert.ok(p.errors.length > 0);
  // the messages quote the junk: no control character may reach a terminal through them
  assert.ok(
    p.errors.every(
      (e) => Number.isInteger(e.line) && !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(e.message),
    ),
  );
});
