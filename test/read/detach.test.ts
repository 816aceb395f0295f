// Cached readings must not keep the messages they were read from alive (a V8 slice is a view of
// its source string).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { detached } from '../../src/read/detach.js';
import { decoderFor } from '../../src/read/fast/charset.js';
import { parseStructured } from '../../src/read/fast/params.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

test('detached: the same characters', () => {
  for (const s of ['', 'a', 'text/plain; charset=us-ascii', 'x'.repeat(5000), 'ünïcødé ✓']) {
    assert.equal(detached(s), s);
  }
});

test('content types and charset names read from 40 messages of 1 MB each keep none of them alive', () => {
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 40; i++) {
    // a fresh 1 MB text per message, with its content type and charset sliced out of it
    const message = `${'x'.repeat(1 << 20)}\nContent-Type: text/plain; charset=x-test-${i}; format=flowed${i}\n`;
    const at = message.indexOf('text/plain');
    const value = message.slice(at, message.indexOf('\n', at));
    const reading = parseStructured(value);
    assert.equal(reading.value, 'text/plain');
    assert.equal(reading.params.format, `flowed${i}`);
    decoderFor(reading.params.charset);
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  // 40 MB of messages were made; only the cached few hundred bytes may stay
  assert.ok(grown < 8 * (1 << 20), `heap grew by ${(grown / (1 << 20)).toFixed(1)} MB`);
});
