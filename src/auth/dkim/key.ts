// The DKIM key-record linter: one TXT record at <selector>._domainkey.<domain> (RFC 6376 §3.6.1,
// RFC 8463 for Ed25519, RFC 8301 for key sizes and sha1). Every fault is a finding with its span in
// the record; where the record can be repaired mechanically, the corrected record is `fixed`.
//
// The record is read in stages, each on the text the previous one left: quote characters stored
// in the value, invisible and non-ASCII characters, wrong tag separators, then the tag list and its
// tags. A finding's `record` is the text it was found in, so its span always fits its record.
import type { Finding, Severity } from '../../types.js';
import { finding } from '../findings.js';
import {
  EMAIL_SERVICES,
  FORBIDDEN_HASHES,
  KEY_TAGS,
  KEY_TYPES,
  KNOWN_HASHES,
  MAX_KEY_RECORD_LENGTH,
  RSA_MAX_VERIFIED_BITS,
  RSA_MIN_BITS,
  RSA_RECOMMENDED_BITS,
} from './key-rules.js';
import { decodeBase64, identifyKey, type PublicKeyInfo } from './public-key.js';
import { findQuoteRuns, removeQuoteRuns } from './quotes.js';
import { parseTagList, type Tag, type TagList } from './tag-list.js';

export interface DkimKeyOptions {
  /**
   * The selector was named by the user (or by a signature), so it is meant to be in use: a
   * revoked key is then an error rather than a note.
   */
  expected?: boolean;
}

/** What the record says, as far as it could be read. */
export interface DkimKey {
  version?: string;
  /** k=, or "rsa" when absent */
  keyType: string;
  hashes?: string[];
  services?: string[];
  flags: string[];
  notes?: string;
  /** p= present and empty: the key is revoked (RFC 6376 §3.6.1) */
  revoked: boolean;
  /** t=y */
  testing: boolean;
  publicKey?: PublicKeyInfo;
}

export interface DkimKeyLint {
  /** the record as published (character-strings joined) */
  record: string;
  key: DkimKey;
  findings: Finding[];
  /** the corrected record, when every error in it could be repaired */
  fixed?: string;
}

const RFC = 'RFC 6376 §3.6.1';

/** Lints one DKIM key record (the TXT character-strings already joined, RFC 6376 §3.6.2.2). */
export function lintDkimKey(record: string, options: DkimKeyOptions = {}): DkimKeyLint {
  const lint = new KeyLint(options);
  const key: DkimKey = { keyType: 'rsa', flags: [], revoked: false, testing: false };
  if (record.length > MAX_KEY_RECORD_LENGTH) {
    lint.add(
      'dkim.record-too-long',
      'error',
      `The record is ${record.length} characters long; no key record is.`,
      {
        record,
        fix: 'Publish only the key record: v=DKIM1; k=rsa; p=<base64 public key>.',
        repairable: false,
      },
    );
    return { record, key, findings: lint.findings };
  }
  let text = record;
  text = lintQuotes(text, lint);
  text = lintCharacters(text, lint);
  text = lintSeparators(text, lint);
  const list = parseTagList(text);
  const rebuilt = lintTags(text, list, key, lint);
  return lint.result(record, key, rebuilt);
}

interface AddOptions {
  record: string;
  span?: [number, number];
  fix?: string;
  /** whether the corrected record repairs this fault (default true for errors and warnings) */
  repairable?: boolean;
}

/** Collects findings and whether a corrected record can be proposed. */
class KeyLint {
  readonly findings: Finding[] = [];
  private readonly repaired: Finding[] = [];
  /** an error that no corrected record can repair (a missing key, a damaged key...) */
  private blocked = false;
  /** a change was made that the corrected record carries */
  changed = false;

  constructor(readonly options: DkimKeyOptions) {}

  add(code: string, severity: Severity, message: string, o: AddOptions): Finding {
    const f = finding(code, severity, message, { record: o.record, span: o.span, fix: o.fix });
    this.findings.push(f);
    if (severity !== 'info') {
      if (o.repairable === false) {
        if (severity === 'error') this.blocked = true;
      } else {
        this.repaired.push(f);
        this.changed = true;
      }
    }
    return f;
  }

  result(record: string, key: DkimKey, rebuilt: string | undefined): DkimKeyLint {
    const out: DkimKeyLint = { record, key, findings: this.findings };
    if (!this.blocked && this.changed && rebuilt !== undefined && rebuilt !== record) {
      out.fixed = rebuilt;
      for (const f of this.repaired) f.fixed = rebuilt;
    }
    return out;
  }
}

// ------------------------------------------------------------------- stage 1: quotes

function lintQuotes(text: string, lint: KeyLint): string {
  const runs = findQuoteRuns(text);
  if (runs.length === 0) return text;
  const typographic = runs.some((r) => r.typographic);
  for (const [i, run] of runs.entries()) {
    const where =
      run.span[0] === 0 ? 'at the start' : run.span[1] === text.length ? 'at the end' : 'inside the value';
    const chars = text.slice(run.span[0], run.span[1]);
    const next = text.slice(run.span[1], run.span[1] + 2);
    const message =
      i === 0
        ? run.typographic
          ? `Typographic quotation marks are stored as part of the record (${where}); verifiers cannot read the tags they wrap.`
          : `Quote characters are stored as part of the record (${where}), so the record reads ${chars}${next}... where ${next}... is meant; strict verifiers reject the key. (A DNS panel kept the quotes of a zone-file line.)`
        : `More quote characters stored in the record (${where}).`;
    lint.add(run.typographic ? 'dkim.smart-quotes' : 'dkim.literal-quotes', 'error', message, {
      record: text,
      span: run.span,
      fix: 'Enter the value without any quotes; DNS panels add what the zone needs themselves.',
    });
  }
  if (!typographic) {
    lint.add(
      'dkim.verifiers-differ',
      'info',
      'Some verifiers strip such quotes and still accept the key while others reject it, so results differ from one receiver to the next.',
      { record: text },
    );
  }
  return removeQuoteRuns(text, runs);
}

// ------------------------------------------------------------ stage 2: characters

/** Characters that cannot be seen: zero-width spaces and joiners, bidi marks, BOM, no-break space. */
function isInvisible(c: number): boolean {
  return (
    c === 0xa0 || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || c === 0xfeff || c === 0x2060
  );
}

function lintCharacters(text: string, lint: KeyLint): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const plain = (c >= 0x20 && c <= 0x7e) || c === 0x09 || c === 0x0a || c === 0x0d;
    if (plain) {
      out += text[i++];
      continue;
    }
    const start = i;
    const invisible = isInvisible(c);
    while (i < text.length && isInvisible(text.charCodeAt(i)) === invisible && !isPlain(text.charCodeAt(i)))
      i++;
    const span: [number, number] = [start, i];
    if (invisible) {
      lint.add(
        'dkim.invisible-character',
        'error',
        'The record holds characters that cannot be seen (zero-width or no-break spaces).',
        {
          record: text,
          span,
          fix: 'Remove them: retype the record or paste it as plain text.',
        },
      );
      if (c === 0xa0) out += ' ';
    } else {
      lint.add(
        'dkim.non-ascii',
        'error',
        `Non-ASCII characters ${JSON.stringify(text.slice(start, i))}: no DKIM tag may contain them.`,
        {
          record: text,
          span,
          fix: 'Retype these characters in plain ASCII.',
          repairable: false,
        },
      );
      out += text.slice(start, i);
    }
  }
  return out;
}

function isPlain(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || c === 0x09 || c === 0x0a || c === 0x0d;
}

// ------------------------------------------------------------ stage 3: separators

// A known tag name after ":", "," or whitespace inside another tag's value: the tags were separated
// by something other than ";" (e.g. "v=DKIM1: g=*", "v=DKIM1 k=rsa p=..."). RFC 6376 allows "=" and
// ":" in values, so by the grammar this is one long value; no verifier reads it as the author meant.
const WRONG_SEPARATOR = new RegExp(`([:,][ \\t]*|[ \\t]+)(?:${KEY_TAGS.join('|')})=`, 'g');

function lintSeparators(text: string, lint: KeyLint): string {
  const list = parseTagList(text);
  const cuts: Array<[number, number]> = [];
  for (const tag of list.tags) {
    if (tag.name === 'n') continue; // notes are free text
    const value = text.slice(tag.valueStart, tag.valueEnd);
    for (const m of value.matchAll(WRONG_SEPARATOR)) {
      const start = tag.valueStart + (m.index ?? 0);
      cuts.push([start, start + m[1].length]);
    }
  }
  if (cuts.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [i, cut] of cuts.entries()) {
    const sep = text.slice(cut[0], cut[1]).trim();
    // mark the separator itself, not the space after it
    const span: [number, number] = sep ? [cut[0], cut[0] + 1] : cut;
    lint.add(
      'dkim.tag-separator',
      'error',
      i === 0
        ? `Tags must be separated by ";" (RFC 6376 §3.2); here ${sep ? `"${sep}"` : 'a space'} separates them, so the previous tag's value swallows the rest.`
        : `Another ${sep ? `"${sep}"` : 'space'} where ";" belongs.`,
      { record: text, span, fix: 'Separate the tags with semicolons: v=DKIM1; k=rsa; p=...' },
    );
    out += text.slice(at, cut[0]) + '; ';
    at = cut[1];
  }
  return out + text.slice(at);
}

// ------------------------------------------------------------------ stage 4: tags

/**
 * The tags as they will be written in the corrected record (null: leave the tag out). A tag set
 * that the record did not have goes before p=, where people expect k= and h=.
 */
class Rebuild extends Map<string, string | null> {
  readonly order: string[] = [];
  override set(name: string, value: string | null): this {
    if (!this.has(name) && this.order !== undefined) {
      const p = this.order.indexOf('p');
      if (p === -1) this.order.push(name);
      else this.order.splice(p, 0, name);
    }
    return super.set(name, value);
  }

  /** Keeps a published tag, in published order. */
  keep(name: string, value: string): void {
    this.order.push(name);
    super.set(name, value);
  }

  /** Writes a tag under another name, in the same place. */
  rename(from: string, to: string): void {
    const value = this.get(from) ?? null;
    this.order[this.order.indexOf(from)] = to;
    this.delete(from);
    super.set(to, value);
  }
}

function lintTags(text: string, list: TagList, key: DkimKey, lint: KeyLint): string | undefined {
  const rebuild = new Rebuild();
  const order = rebuild.order;
  for (const t of list.tags) {
    if (!rebuild.has(t.name))
      rebuild.keep(t.name, t.name === 'p' ? t.value.replace(/[ \t\r\n]+/g, '') : t.value);
  }
  lintListFaults(text, list, lint);
  const byName = new Map<string, Tag>();
  for (const t of list.tags) if (!byName.has(t.name)) byName.set(t.name, t);

  lintUnknownTags(text, list, lint, rebuild, byName);
  lintVersion(text, list, key, lint, rebuild, byName);
  lintKeyTypeAndKey(text, key, lint, rebuild, byName);
  lintHashes(text, key, lint, rebuild, byName);
  lintServices(text, key, lint, rebuild, byName);
  lintFlags(text, key, lint, rebuild, byName);
  lintGranularity(text, lint, rebuild, byName);
  const notes = byName.get('n');
  if (notes) key.notes = notes.value;

  // v= first, then the other tags in their published order
  const names = order.filter((n) => n !== 'v');
  if (rebuild.get('v')) names.unshift('v');
  const parts: string[] = [];
  for (const n of names) {
    const v = rebuild.get(n);
    if (v !== null && v !== undefined) parts.push(`${n}=${v}`);
  }
  return parts.join('; ');
}

function lintListFaults(text: string, list: TagList, lint: KeyLint): void {
  for (const fault of list.faults) {
    const o = { record: text, span: fault.span };
    switch (fault.kind) {
      case 'no-equals':
        lint.add(
          'dkim.tag-syntax',
          'error',
          `"${text.slice(...fault.span)}" is not a tag=value pair, so the tag list is invalid.`,
          {
            ...o,
            fix: 'Remove it, or write it as name=value.',
            repairable: false,
          },
        );
        break;
      case 'bad-name':
        lint.add(
          'dkim.tag-name',
          'error',
          `"${fault.name}" is not a valid tag name (a letter, then letters, digits or "_").`,
          {
            ...o,
            fix: 'Correct the tag name.',
            repairable: false,
          },
        );
        break;
      case 'duplicate': {
        // the same value twice can be repaired by keeping one; different values need a choice
        const values = new Set(list.tags.filter((t) => t.name === fault.name).map((t) => t.value));
        lint.add(
          'dkim.duplicate-tag',
          'error',
          `The ${fault.name}= tag appears twice; RFC 6376 §3.2 makes the whole record invalid.`,
          {
            ...o,
            fix: `Keep one ${fault.name}= tag.`,
            repairable: values.size === 1,
          },
        );
        break;
      }
      case 'empty-spec':
        lint.add(
          'dkim.empty-tag',
          'warning',
          'Two semicolons with nothing between them; the grammar does not allow it and some verifiers reject the record.',
          {
            ...o,
            fix: 'Remove the extra semicolon.',
          },
        );
        break;
      case 'bad-value-char':
        // characters outside ASCII were reported by the character stage already
        break;
    }
  }
}

function lintUnknownTags(
  text: string,
  list: TagList,
  lint: KeyLint,
  rebuild: Rebuild,
  byName: Map<string, Tag>,
): void {
  for (const t of list.tags) {
    if ((KEY_TAGS as readonly string[]).includes(t.name)) continue;
    const lower = t.name.toLowerCase();
    if ((KEY_TAGS as readonly string[]).includes(lower) && !byName.has(lower)) {
      // tag names are case-sensitive (RFC 6376 §3.2): "P=" is not "p="
      lint.add(
        'dkim.tag-case',
        'error',
        `Tag names are case-sensitive: "${t.name}=" is not "${lower}=", so verifiers ignore it.`,
        {
          record: text,
          span: [t.nameStart, t.nameEnd],
          fix: `Write "${lower}=".`,
        },
      );
      byName.set(lower, t);
      rebuild.rename(t.name, lower);
      continue;
    }
    lint.add('dkim.unknown-tag', 'info', `Unknown tag "${t.name}="; verifiers ignore it (${RFC}).`, {
      record: text,
      span: [t.nameStart, t.nameEnd],
    });
  }
}

function lintVersion(
  text: string,
  list: TagList,
  key: DkimKey,
  lint: KeyLint,
  rebuild: Rebuild,
  byName: Map<string, Tag>,
): void {
  const v = byName.get('v');
  if (!v) return;
  key.version = v.value;
  if (v.value !== 'DKIM1') {
    lint.add(
      'dkim.version',
      'error',
      `v= must be exactly "DKIM1" (${RFC}); "${v.value}" makes verifiers discard the record.`,
      {
        record: text,
        span: [v.valueStart, v.valueEnd],
        fix: 'Write v=DKIM1.',
      },
    );
    rebuild.set('v', 'DKIM1');
  }
  if (list.tags[0] !== v) {
    lint.add('dkim.version-not-first', 'error', `v=DKIM1 must be the first tag when present (${RFC}).`, {
      record: text,
      span: [v.nameStart, v.valueEnd],
      fix: 'Move v=DKIM1 to the start of the record, or leave it out.',
    });
  }
}

function lintKeyTypeAndKey(
  text: string,
  key: DkimKey,
  lint: KeyLint,
  rebuild: Rebuild,
  byName: Map<string, Tag>,
): void {
  const k = byName.get('k');
  const p = byName.get('p');
  let declared = k ? k.value : 'rsa';
  let knownType = (KEY_TYPES as readonly string[]).includes(declared);
  if (k && !knownType && (KEY_TYPES as readonly string[]).includes(declared.toLowerCase())) {
    lint.add(
      'dkim.key-type-case',
      'warning',
      `k=${declared}: key types are written in lower case; some verifiers do not recognise "${declared}".`,
      {
        record: text,
        span: [k.valueStart, k.valueEnd],
        fix: `Write k=${declared.toLowerCase()}.`,
      },
    );
    declared = declared.toLowerCase();
    knownType = true;
    rebuild.set('k', declared);
  }
  key.keyType = declared;

  if (!p) {
    lint.add(
      'dkim.no-key',
      'error',
      `The record has no p= tag, which is required (${RFC}); verifiers cannot use it.`,
      {
        record: text,
        fix: 'Publish the public key: p=<base64>.',
        repairable: false,
      },
    );
    return;
  }
  const raw = p.value.replace(/[ \t\r\n]+/g, '');
  if (raw === '') {
    key.revoked = true;
    if (lint.options.expected) {
      lint.add(
        'dkim.key-revoked',
        'error',
        'p= is empty: the key is revoked, so every signature with this selector fails.',
        {
          record: text,
          span: [p.nameStart, p.valueEnd],
          fix: 'Sign with a selector whose key is published, or publish the key for this one.',
          repairable: false,
        },
      );
    } else {
      lint.add(
        'dkim.key-revoked',
        'info',
        'p= is empty: this key has been revoked (a normal way to retire a selector).',
        {
          record: text,
          span: [p.nameStart, p.valueEnd],
        },
      );
    }
    return;
  }

  const pem = /-----(?:BEGIN|END)[A-Z ]*-----/g;
  let b64 = raw;
  let decoded = decodeBase64(p.value);
  if (!decoded.ok && decoded.fault.kind === 'pem') {
    b64 = raw.replace(pem, '');
    lint.add(
      'dkim.key-pem',
      'error',
      'p= still carries the PEM armour lines ("-----BEGIN ... KEY-----"), which are not base64.',
      {
        record: text,
        span: [p.valueStart + decoded.fault.index, p.valueStart + decoded.fault.index + 5],
        fix: 'Keep only the base64 text between the BEGIN and END lines, without line breaks.',
      },
    );
    decoded = decodeBase64(b64);
  } else if (!decoded.ok && decoded.fault.kind === 'url-safe') {
    b64 = raw.replace(/-/g, '+').replace(/_/g, '/');
    lint.add(
      'dkim.key-url-safe',
      'error',
      'p= uses the URL-safe base64 alphabet ("-" and "_"); DKIM wants plain base64 ("+" and "/").',
      {
        record: text,
        span: [p.valueStart + decoded.fault.index, p.valueStart + decoded.fault.index + 1],
        fix: 'Replace "-" with "+" and "_" with "/".',
      },
    );
    decoded = decodeBase64(b64);
  }
  if (!decoded.ok) {
    const fault = decoded.fault;
    if (fault.kind === 'length') {
      lint.add(
        'dkim.key-truncated',
        'error',
        'p= is not complete base64: characters are missing (cut off when copied?), so no verifier can read the key.',
        {
          record: text,
          span: [p.valueStart, p.valueEnd],
          fix: 'Copy the whole public key again from the signing system.',
          repairable: false,
        },
      );
    } else {
      const at = p.valueStart + fault.index;
      lint.add(
        'dkim.key-base64',
        'error',
        `p= holds "${text[at] ?? ''}", which is not a base64 character; verifiers cannot read the key.`,
        {
          record: text,
          span: [at, at + 1],
          fix: 'Copy the public key again; it holds only A-Z, a-z, 0-9, "+", "/" and "=" at the end.',
          repairable: false,
        },
      );
    }
    return;
  }
  if (decoded.missingPadding) {
    lint.add(
      'dkim.key-padding',
      'warning',
      'p= lacks its "=" padding at the end; lenient verifiers add it, strict ones reject the key.',
      {
        record: text,
        span: [p.valueEnd, p.valueEnd],
        fix: 'Add the missing "=" characters at the end of p=.',
      },
    );
  }
  b64 = decoded.base64;
  rebuild.set('p', b64);
  const info = identifyKey(decoded.bytes);
  key.publicKey = info;
  const span: [number, number] = [p.valueStart, p.valueEnd];
  lintKeyMaterial(text, declared, knownType, k, info, span, lint, rebuild);
}

function lintKeyMaterial(
  text: string,
  declared: string,
  knownType: boolean,
  k: Tag | undefined,
  info: PublicKeyInfo,
  span: [number, number],
  lint: KeyLint,
  rebuild: Rebuild,
): void {
  const o = { record: text, span };
  if (info.format === 'private') {
    lint.add(
      'dkim.private-key',
      'error',
      'p= holds a PRIVATE key: anyone can now sign mail as this domain, and verifiers cannot use it as a public key.',
      {
        ...o,
        fix: 'Generate a new key pair at once, publish only its public key, and retire this selector.',
        repairable: false,
      },
    );
    return;
  }
  if (info.format === 'unknown') {
    lint.add(
      'dkim.key-invalid',
      'error',
      'p= is base64, but not a public key: it is damaged or truncated, so every signature with this selector fails.',
      {
        ...o,
        fix: 'Copy the whole public key again from the signing system.',
        repairable: false,
      },
    );
    return;
  }
  const actual = info.type ?? 'unknown';
  if (k && !knownType) {
    const guess = (KEY_TYPES as readonly string[]).includes(actual) ? actual : undefined;
    lint.add(
      'dkim.key-type-unknown',
      'error',
      `k=${declared} is not a key type; verifiers know "rsa" and "ed25519"${guess ? ` and p= holds an ${guess} key` : ''}.`,
      {
        record: text,
        span: [k.valueStart, k.valueEnd],
        fix: guess ? `Write k=${guess}.` : 'Write k=rsa or k=ed25519, as the key is.',
        repairable: guess !== undefined,
      },
    );
    if (!guess) return;
    rebuild.set('k', guess);
    declared = guess;
  } else if (declared !== actual && (KEY_TYPES as readonly string[]).includes(actual)) {
    const said = k ? `k=${declared}` : 'without k= (which means rsa)';
    lint.add(
      'dkim.key-type-mismatch',
      'error',
      `The record says ${said}, but p= holds an ${actual} key, so signatures cannot verify.`,
      {
        record: text,
        span: k ? [k.valueStart, k.valueEnd] : span,
        fix: `Write k=${actual}.`,
      },
    );
    rebuild.set('k', actual);
    declared = actual;
  } else if (!(KEY_TYPES as readonly string[]).includes(actual)) {
    lint.add(
      'dkim.key-type-unsupported',
      'error',
      `p= holds an ${actual} key; DKIM signs with rsa or ed25519 keys only.`,
      {
        ...o,
        fix: 'Generate an RSA (2048-bit) or Ed25519 key pair.',
        repairable: false,
      },
    );
    return;
  }

  if (actual === 'ed25519') {
    if (info.format === 'spki' && info.raw) {
      lint.add(
        'dkim.ed25519-spki',
        'error',
        'p= wraps the Ed25519 key in a SubjectPublicKeyInfo structure; RFC 8463 §4.2 wants the bare 32-byte key.',
        {
          ...o,
          fix: 'Publish the 32-byte key alone (the last 32 bytes of this structure).',
        },
      );
      rebuild.set('p', info.raw);
    }
    return;
  }

  if (info.format === 'pkcs1' && info.spki) {
    lint.add(
      'dkim.key-pkcs1',
      'warning',
      'p= holds a bare PKCS#1 RSAPublicKey. RFC 6376 is ambiguous here (erratum 3017); dkimpy and OpenDKIM accept it, but other verifiers (mailauth, for one) reject it. The SubjectPublicKeyInfo form works everywhere.',
      {
        ...o,
        fix: 'Publish the same key in SubjectPublicKeyInfo form (openssl rsa -pubout), as in the corrected record.',
      },
    );
    rebuild.set('p', info.spki);
  }
  const bits = info.bits;
  if (bits === undefined) return;
  if (bits < RSA_MIN_BITS) {
    lint.add(
      'dkim.key-too-short',
      'error',
      `The RSA key has ${bits} bits; RFC 8301 §3.2 forbids verifiers to accept keys under ${RSA_MIN_BITS} bits, so its signatures fail.`,
      {
        ...o,
        fix: `Generate a ${RSA_RECOMMENDED_BITS}-bit key pair and publish it under a new selector.`,
        repairable: false,
      },
    );
  } else if (bits < RSA_RECOMMENDED_BITS) {
    lint.add(
      'dkim.key-short',
      'warning',
      `The RSA key has ${bits} bits; RFC 8301 §3.2 asks for at least ${RSA_RECOMMENDED_BITS}, and some receivers already distrust 1024-bit keys.`,
      {
        ...o,
        fix: `Generate a ${RSA_RECOMMENDED_BITS}-bit key pair and publish it under a new selector.`,
        repairable: false,
      },
    );
  } else if (bits > RSA_MAX_VERIFIED_BITS) {
    lint.add(
      'dkim.key-long',
      'warning',
      `The RSA key has ${bits} bits; verifiers need only handle up to ${RSA_MAX_VERIFIED_BITS} (RFC 8301 §3.2), so some cannot check its signatures.`,
      {
        ...o,
        fix: `Use a ${RSA_RECOMMENDED_BITS}- to ${RSA_MAX_VERIFIED_BITS}-bit key.`,
        repairable: false,
      },
    );
  }
}

/** Splits a colon-separated tag value (h=, s=, t=) into its trimmed items. */
function colonList(value: string): string[] {
  return value
    .split(':')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function lintHashes(
  text: string,
  key: DkimKey,
  lint: KeyLint,
  rebuild: Rebuild,
  byName: Map<string, Tag>,
): void {
  const h = byName.get('h');
  if (!h) return;
  const hashes = colonList(h.value);
  key.hashes = hashes;
  const o = { record: text, span: [h.valueStart, h.valueEnd] as [number, number] };
  // RFC 6376 §3.6.1: unrecognised algorithms are ignored; a near-miss like "SHA-256" is one of them
  const normal = hashes.map((x) => x.toLowerCase().replace(/-/g, ''));
  const known = normal.filter((x) => (KNOWN_HASHES as readonly string[]).includes(x));
  const allowed = known.filter((x) => !(FORBIDDEN_HASHES as readonly string[]).includes(x));
  const misspelt = hashes.some(
    (x, i) => x !== normal[i] && (KNOWN_HASHES as readonly string[]).includes(normal[i]),
  );
  if (allowed.length === 0) {
    const onlySha1 = known.length > 0;
    lint.add(
      onlySha1 ? 'dkim.hash-sha1-only' : 'dkim.hash-none',
      'error',
      onlySha1
        ? 'h=sha1 allows only SHA-1, which RFC 8301 §3.1 forbids for signing and verifying: every signature with this key fails.'
        : `h=${h.value} names no hash algorithm verifiers know ("sha256"), so no signature can verify.`,
      { ...o, fix: 'Write h=sha256, or leave h= out.' },
    );
    rebuild.set('h', 'sha256');
    return;
  }
  if (known.includes('sha1')) {
    lint.add(
      'dkim.hash-sha1',
      'warning',
      'h= still lists sha1, which RFC 8301 §3.1 forbids; only sha256 counts.',
      {
        ...o,
        fix: 'Write h=sha256, or leave h= out.',
      },
    );
  } else if (misspelt) {
    lint.add('dkim.hash-name', 'warning', `Hash names are written "sha256"; verifiers ignore "${h.value}".`, {
      ...o,
      fix: 'Write h=sha256.',
    });
  } else {
    return;
  }
  rebuild.set('h', [...new Set(allowed)].join(':'));
}

function lintServices(
  text: string,
  key: DkimKey,
  lint: KeyLint,
  rebuild: Rebuild,
  byName: Map<string, Tag>,
): void {
  const s = byName.get('s');
  if (!s) return;
  const services = colonList(s.value);
  key.services = services;
  if (services.some((x) => (EMAIL_SERVICES as readonly string[]).includes(x))) return;
  lint.add(
    'dkim.service-not-email',
    lint.options.expected ? 'error' : 'warning',
    `s=${s.value}: the key is not for e-mail (${RFC} allows "email" or "*"), so verifiers must not use it for mail signatures.`,
    {
      record: text,
      span: [s.valueStart, s.valueEnd],
      fix: 'Add "email" (s=email or s=*), or leave s= out if the key signs mail.',
    },
  );
  rebuild.set('s', ['email', ...services].join(':'));
}

function lintFlags(
  text: string,
  key: DkimKey,
  lint: KeyLint,
  rebuild: Rebuild,
  byName: Map<string, Tag>,
): void {
  const t = byName.get('t');
  if (!t) return;
  const flags = colonList(t.value);
  key.flags = flags;
  key.testing = flags.includes('y');
  const o = { record: text, span: [t.valueStart, t.valueEnd] as [number, number] };
  if (key.testing) {
    lint.add(
      'dkim.testing',
      'warning',
      `t=y marks the key as in testing: verifiers must treat its signatures like unsigned mail (${RFC}), so DKIM does not count for DMARC here.`,
      {
        ...o,
        fix: 'Once signatures verify, remove y from t=.',
      },
    );
    const rest = flags.filter((f) => f !== 'y');
    rebuild.set('t', rest.length > 0 ? rest.join(':') : null);
  }
  if (flags.includes('s')) {
    lint.add(
      'dkim.strict-subdomain',
      'info',
      't=s: signatures must have i= exactly at d=, not at a subdomain of it.',
      o,
    );
  }
  const unknown = flags.filter((f) => f !== 'y' && f !== 's');
  if (unknown.length > 0) {
    lint.add(
      'dkim.unknown-flag',
      'info',
      `Unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in t=; verifiers ignore ${unknown.length > 1 ? 'them' : 'it'}.`,
      o,
    );
  }
}

function lintGranularity(text: string, lint: KeyLint, rebuild: Rebuild, byName: Map<string, Tag>): void {
  const g = byName.get('g');
  if (!g || g.value === '*' || g.value === '') return;
  lint.add(
    'dkim.granularity',
    'warning',
    `g=${g.value} comes from RFC 4871 and was removed by RFC 6376; older verifiers still fail signatures whose i= local part does not match it.`,
    {
      record: text,
      span: [g.nameStart, g.valueEnd],
      fix: 'Remove g=.',
    },
  );
  rebuild.set('g', null);
}
