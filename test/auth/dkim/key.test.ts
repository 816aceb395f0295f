import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lintDkimKey } from '../../../src/auth/dkim/key.js';
import type { Finding } from '../../../src/types.js';

const corpus = new URL('../../../../shared/corpus/dkim/', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, corpus), 'utf8').trim();

interface Vector {
  id: string;
  expect: unknown;
  zone?: Record<string, { TXT: string[][] }>;
}
const vectors = JSON.parse(read('dkim-vectors.json')) as { presigned: Vector[]; sign_then_verify: Vector[] };
const byId = new Map([...vectors.presigned, ...vectors.sign_then_verify].map((v) => [v.id, v]));
/** The single key record of a vector's zone, strings joined. */
function keyOf(id: string): string {
  const zone = byId.get(id)?.zone;
  assert.ok(zone, `vector ${id}`);
  const [entry] = Object.values(zone);
  return entry.TXT[0].join('');
}

const codes = (fs: Finding[], sev: Finding['severity']) =>
  fs
    .filter((f) => f.severity === sev)
    .map((f) => f.code)
    .sort();
/** The text a finding marks. */
const marked = (f: Finding) => f.record?.slice(f.span?.[0], f.span?.[1]);

describe('DKIM key records: dkimpy test data', () => {
  // each file's faults, as the file's content shows them (1024-bit keys are short: RFC 8301 wants 2048)
  const expected: Record<string, { errors: string[]; warnings: string[] }> = {
    '1024_testkey_wo_markers.pub.rsa.txt': { errors: [], warnings: ['dkim.key-pkcs1', 'dkim.key-short'] },
    '1024_testkey_wo_markers.pub.txt': { errors: [], warnings: ['dkim.key-short'] },
    '2048_testkey_PKCS8.key.pub.txt': { errors: [], warnings: [] },
    '2048_testkey_wo_markers.pub.rsa.txt': { errors: [], warnings: ['dkim.key-pkcs1'] },
    '2048_testkey_wo_markers.pub.txt': { errors: [], warnings: [] },
    'badk.txt': { errors: ['dkim.key-type-unknown'], warnings: ['dkim.key-short'] },
    'badversion.txt': { errors: ['dkim.tag-separator'], warnings: ['dkim.key-short'] },
    'test.txt': { errors: [], warnings: ['dkim.key-short'] },
    'test2.txt': { errors: [], warnings: ['dkim.key-short'] },
    'test_bad.txt': { errors: ['dkim.key-invalid'], warnings: [] },
    'test_tlsrpt.txt': { errors: ['dkim.service-not-email'], warnings: ['dkim.key-short'] },
    'ed25519test.dns': { errors: [], warnings: [] },
    'eximtest.dns': { errors: [], warnings: [] },
  };
  for (const [file, want] of Object.entries(expected)) {
    it(file, () => {
      const r = lintDkimKey(read(`dkimpy/${file}`), { expected: true });
      assert.deepEqual(codes(r.findings, 'error'), want.errors);
      assert.deepEqual(codes(r.findings, 'warning'), want.warnings);
    });
  }

  it('PKCS#1 keys get the SubjectPublicKeyInfo form of the same key as the corrected record', () => {
    for (const size of ['1024', '2048']) {
      const pkcs1 = lintDkimKey(read(`dkimpy/${size}_testkey_wo_markers.pub.rsa.txt`));
      const spki = read(`dkimpy/${size}_testkey_wo_markers.pub.txt`);
      assert.equal(pkcs1.key.publicKey?.format, 'pkcs1');
      assert.equal(pkcs1.key.publicKey?.bits, Number(size));
      assert.equal(pkcs1.fixed, spki);
    }
  });

  it('"v=DKIM1:" marks the colon and repairs it to a semicolon', () => {
    const r = lintDkimKey(read('dkimpy/badversion.txt'));
    const f = r.findings.find((x) => x.code === 'dkim.tag-separator');
    assert.equal(marked(f!), ':');
    assert.equal(r.fixed, read('dkimpy/test.txt'));
  });

  it('k=ed25519-sha256 over an RSA key proposes k=rsa', () => {
    const r = lintDkimKey(read('dkimpy/badk.txt'));
    assert.equal(marked(r.findings.find((x) => x.code === 'dkim.key-type-unknown')!), 'ed25519-sha256');
    assert.equal(r.fixed, read('dkimpy/test.txt'));
  });

  it('Ed25519 keys are the raw 32 bytes (RFC 8463)', () => {
    const r = lintDkimKey(read('dkimpy/ed25519test.dns'));
    assert.equal(r.key.keyType, 'ed25519');
    assert.equal(r.key.publicKey?.format, 'raw-ed25519');
  });
});

describe('DKIM key records: dkim-vectors.json zones', () => {
  it('keys that verify in the vectors have no errors (the 512-bit one aside)', () => {
    for (const v of [...vectors.presigned, ...vectors.sign_then_verify]) {
      if (!v.zone || v.id === 'canonical-512bit' || v.id === 'invalid-d-domain') continue;
      const passes =
        v.expect === 'pass' || (Array.isArray(v.expect) && v.expect.every((e) => e.result === 'pass'));
      if (!passes) continue;
      for (const [name, entry] of Object.entries(v.zone)) {
        const r = lintDkimKey(entry.TXT[0].join(''));
        assert.deepEqual(codes(r.findings, 'error'), [], `${v.id} ${name}`);
      }
    }
  });

  it('keys that do not verify have an error', () => {
    for (const id of [
      'key-bad-version',
      'key-unknown-k',
      'key-truncated',
      'dkimpy-rfc6376-signed-rsa-defective-key',
    ]) {
      const r = lintDkimKey(keyOf(id), { expected: true });
      assert.ok(codes(r.findings, 'error').length > 0, id);
    }
    assert.deepEqual(codes(lintDkimKey(keyOf('dkimpy-rfc6376-signed-rsa-defective-key')).findings, 'error'), [
      'dkim.key-truncated',
    ]);
  });

  it('the 512-bit key is an error (RFC 8301: under 1024 bits)', () => {
    const r = lintDkimKey(keyOf('canonical-512bit'));
    assert.equal(r.key.publicKey?.bits, 512);
    assert.deepEqual(codes(r.findings, 'error'), ['dkim.key-too-short']);
    assert.equal(r.fixed, undefined);
  });

  it('the RFC 8463 record split over four strings reads as one', () => {
    const dns = JSON.parse(read('rfc8463-example/dns.json')) as Record<string, { TXT: string[][] }>;
    const rsa = lintDkimKey(dns['test._domainkey.football.example.com'].TXT[0].join(''));
    assert.equal(rsa.key.publicKey?.bits, 1024);
    assert.deepEqual(codes(rsa.findings, 'error'), []);
  });
});

const ED = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';
const rsa2048 = () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    spki: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
};

describe('DKIM key records: faults', () => {
  const key = rsa2048();
  const good = `v=DKIM1; k=rsa; p=${key.spki}`;

  it('a healthy 2048-bit record has no findings', () => {
    const r = lintDkimKey(good, { expected: true });
    assert.deepEqual(r.findings, []);
    assert.equal(r.key.publicKey?.bits, 2048);
    assert.equal(r.fixed, undefined);
  });

  it('literal quotes from a pasted zone-file line (case C30)', () => {
    const published = `'"v=DKIM1; k=rsa; "  "p=${key.spki}"'`;
    const r = lintDkimKey(published, { expected: true });
    const quotes = r.findings.filter((f) => f.code === 'dkim.literal-quotes');
    assert.deepEqual(quotes.map(marked), [`'"`, '"  "', `"'`]);
    assert.ok(quotes.every((f) => f.severity === 'error' && f.record === published));
    assert.equal(r.fixed, good);
    assert.ok(r.findings.some((f) => f.code === 'dkim.verifiers-differ' && f.severity === 'info'));
  });

  it('typographic quotes', () => {
    const r = lintDkimKey(`\u201c${good}\u201d`);
    assert.deepEqual(codes(r.findings, 'error'), ['dkim.smart-quotes', 'dkim.smart-quotes']);
    assert.equal(r.fixed, good);
  });

  it('empty p= is a revoked key: an error for a named selector, a note for a tried one', () => {
    const named = lintDkimKey('v=DKIM1; p=', { expected: true });
    assert.deepEqual(codes(named.findings, 'error'), ['dkim.key-revoked']);
    assert.equal(named.key.revoked, true);
    assert.deepEqual(codes(lintDkimKey('v=DKIM1; p=').findings, 'info'), ['dkim.key-revoked']);
  });

  it('t=y, h=sha1 and h=sha1:sha256', () => {
    const r = lintDkimKey(`v=DKIM1; h=sha1; t=y; p=${key.spki}`);
    assert.deepEqual(codes(r.findings, 'error'), ['dkim.hash-sha1-only']);
    assert.deepEqual(codes(r.findings, 'warning'), ['dkim.testing']);
    assert.equal(r.fixed, `v=DKIM1; h=sha256; p=${key.spki}`);
    const both = lintDkimKey(`v=DKIM1; h=sha1:sha256; t=s; p=${key.spki}`);
    assert.deepEqual(codes(both.findings, 'warning'), ['dkim.hash-sha1']);
    assert.deepEqual(codes(both.findings, 'info'), ['dkim.strict-subdomain']);
    assert.equal(both.fixed, `v=DKIM1; h=sha256; t=s; p=${key.spki}`);
  });

  it('v= not first, or not DKIM1', () => {
    const r = lintDkimKey(`k=rsa; v=DKIM1; p=${key.spki}`);
    assert.deepEqual(codes(r.findings, 'error'), ['dkim.version-not-first']);
    assert.equal(r.fixed, good);
    const v = lintDkimKey(`v=DKIM2; k=rsa; p=${key.spki}`);
    assert.equal(marked(v.findings[0]), 'DKIM2');
    assert.equal(v.fixed, good);
  });

  it('tags separated by spaces', () => {
    const r = lintDkimKey(`v=DKIM1 k=rsa p=${key.spki}`);
    assert.deepEqual(codes(r.findings, 'error'), ['dkim.tag-separator', 'dkim.tag-separator']);
    assert.equal(r.fixed, good);
  });

  it('whitespace inside p= is allowed', () => {
    const spaced = `v=DKIM1; k=rsa; p=${key.spki.slice(0, 100)} ${key.spki.slice(100, 200)}\t${key.spki.slice(200)}`;
    assert.deepEqual(lintDkimKey(spaced).findings, []);
  });

  it('a published private key', () => {
    const r = lintDkimKey(`v=DKIM1; k=rsa; p=${key.pkcs8}`);
    assert.deepEqual(codes(r.findings, 'error'), ['dkim.private-key']);
    assert.equal(r.fixed, undefined);
  });

  it('PEM armour, URL-safe alphabet, missing padding, a bad character', () => {
    const pem = lintDkimKey(
      `v=DKIM1; k=rsa; p=-----BEGIN PUBLIC KEY-----${key.spki}-----END PUBLIC KEY-----`,
    );
    assert.deepEqual(codes(pem.findings, 'error'), ['dkim.key-pem']);
    assert.equal(pem.fixed, good);
    const urlSafe = key.spki.replace(/\+/g, '-').replace(/\//g, '_');
    if (urlSafe !== key.spki) assert.equal(lintDkimKey(`v=DKIM1; k=rsa; p=${urlSafe}`).fixed, good);
    const ed = lintDkimKey(`v=DKIM1; k=ed25519; p=${ED.replace('=', '')}`);
    assert.deepEqual(codes(ed.findings, 'warning'), ['dkim.key-padding']);
    assert.equal(ed.fixed, `v=DKIM1; k=ed25519; p=${ED}`);
    const bad = lintDkimKey(`v=DKIM1; k=rsa; p=${key.spki.slice(0, 40)}*${key.spki.slice(41)}`);
    assert.deepEqual(codes(bad.findings, 'error'), ['dkim.key-base64']);
    assert.equal(marked(bad.findings[0]), '*');
  });

  it('an Ed25519 key without k=ed25519, and one wrapped in SPKI', () => {
    const r = lintDkimKey(`v=DKIM1; p=${ED}`);
    assert.deepEqual(codes(r.findings, 'error'), ['dkim.key-type-mismatch']);
    assert.equal(r.fixed, `v=DKIM1; k=ed25519; p=${ED}`);
    const { publicKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const wrapped = lintDkimKey(`v=DKIM1; k=ed25519; p=${der.toString('base64')}`);
    assert.deepEqual(codes(wrapped.findings, 'error'), ['dkim.ed25519-spki']);
    assert.equal(wrapped.fixed, `v=DKIM1; k=ed25519; p=${der.subarray(12).toString('base64')}`);
  });

  it('duplicate tags, missing p=, a tag without "=", invisible characters', () => {
    assert.deepEqual(codes(lintDkimKey(`v=DKIM1; k=rsa; k=ed25519; p=${key.spki}`).findings, 'error'), [
      'dkim.duplicate-tag',
    ]);
    assert.deepEqual(codes(lintDkimKey('v=DKIM1; k=rsa').findings, 'error'), ['dkim.no-key']);
    assert.ok(
      codes(lintDkimKey(`v=DKIM1; rsa; p=${key.spki}`).findings, 'error').includes('dkim.tag-syntax'),
    );
    const zw = lintDkimKey(`v=DKIM1;\u200b k=rsa; p=${key.spki}`);
    assert.deepEqual(codes(zw.findings, 'error'), ['dkim.invisible-character']);
    assert.equal(zw.fixed, good);
  });

  it('never throws on junk', () => {
    for (const junk of [
      '',
      ';;;',
      '=',
      'p',
      'v=',
      'p==',
      '"',
      '\u201c',
      'x'.repeat(20000),
      'p=' + 'A'.repeat(5000),
    ]) {
      const r = lintDkimKey(junk);
      assert.ok(Array.isArray(r.findings));
    }
  });
});

describe('DKIM key records: tag names', () => {
  it('"P=" is not "p=": repaired in place', () => {
    const r = lintDkimKey(`v=DKIM1; P=${ED}; k=ed25519; t=s`);
    assert.deepEqual(codes(r.findings, 'error'), ['dkim.tag-case']);
    assert.equal(r.fixed, `v=DKIM1; p=${ED}; k=ed25519; t=s`);
  });
});
