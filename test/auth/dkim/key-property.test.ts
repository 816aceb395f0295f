// Properties of the DKIM key linter over generated records (fast-check): it never throws, every
// span lies inside its record, and a corrected record, linted again, has no error left.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintDkimKey } from '../../../src/auth/dkim/key.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');
const ed = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

// building blocks of realistic records, with the faults people make
const tag = fc.oneof(
  fc.constant('v=DKIM1'),
  fc.constant('v=DKIM2'),
  fc.constantFrom('k=rsa', 'k=RSA', 'k=ed25519', 'k=ed25519-sha256'),
  fc.constantFrom(
    `p=${rsa}`,
    `p=${ed}`,
    'p=',
    `p=${rsa.slice(0, 100)} ${rsa.slice(100)}`,
    `p=${ed.slice(0, -1)}`,
  ),
  fc.constantFrom(
    'h=sha1',
    'h=sha256',
    'h=sha1:sha256',
    't=y',
    't=s',
    't=y:s',
    's=email',
    's=tlsrpt',
    'g=*',
    'g=foo',
    'n=notes',
  ),
);
const separator = fc.constantFrom('; ', ';', ' ; ', ': ', ' ', ';;');
const wrap = fc.constantFrom(['', ''], ['"', '"'], ['\'"', '"\''], ['\u201c', '\u201d']);
const record = fc
  .tuple(fc.array(tag, { minLength: 1, maxLength: 6 }), separator, wrap)
  .map(([tags, sep, [open, close]]) => `${open}${tags.join(sep)}${close}`);

describe('DKIM key linter properties', () => {
  it('never throws on any string, and spans lie inside their records', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }), record),
        (text) => {
          const r = lintDkimKey(text);
          for (const f of r.findings) {
            if (!f.span) continue;
            assert.ok(f.record !== undefined);
            assert.ok(
              f.span[0] >= 0 && f.span[0] <= f.span[1] && f.span[1] <= f.record.length,
              JSON.stringify(f),
            );
          }
        },
      ),
      { numRuns: 500, seed: 20261203 },
    );
  });

  it('a corrected record has no error left', () => {
    let corrected = 0;
    fc.assert(
      fc.property(record, (text) => {
        const r = lintDkimKey(text);
        if (r.fixed === undefined) return;
        corrected++;
        const again = lintDkimKey(r.fixed);
        const errors = again.findings.filter((f) => f.severity === 'error').map((f) => f.code);
        assert.deepEqual(errors, [], `${text}\n -> ${r.fixed}`);
        // and it is stable: nothing more to correct
        assert.equal(again.fixed, undefined, `${r.fixed}\n -> ${again.fixed}`);
      }),
      { numRuns: 500, seed: 20261203 },
    );
    assert.ok(corrected > 50, `only ${corrected} of 500 records had a correction`);
  });
});
