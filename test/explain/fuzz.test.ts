// Property: whatever the bytes, explain() resolves to a report or rejects with an InputError.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { explain, InputError } from '../../src/index.js';

const corpus = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/sisimai/maildir/bsd',
);

async function survives(input: Uint8Array | string): Promise<boolean> {
  try {
    const r = await explain(input);
    return Array.isArray(r.results) && typeof r.kind === 'string';
  } catch (err) {
    return err instanceof InputError;
  }
}

test('random text and bytes never make explain() throw anything but InputError', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string({ maxLength: 2000 }), fc.uint8Array({ maxLength: 2000 })), survives),
    { numRuns: 300 },
  );
});

test('corpus bounces cut, spliced and with bytes flipped never break explain()', async () => {
  const names = (await readdir(corpus)).filter((n) => n.endsWith('.eml')).sort();
  const mails = await Promise.all(names.slice(0, 120).map((n) => readFile(path.join(corpus, n))));
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: mails.length - 1 }),
      fc.nat(),
      fc.nat(),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
      async (i, a, b, flips) => {
        const m = mails[i];
        const [from, to] = [a % m.length, b % m.length].sort((x, y) => x - y);
        const bytes = Uint8Array.from([...m.subarray(0, from), ...m.subarray(to)]);
        for (const [pos, value] of flips) if (bytes.length > 0) bytes[pos % bytes.length] = value;
        assert.ok(await survives(bytes));
        return true;
      },
    ),
    { numRuns: 200 },
  );
});
