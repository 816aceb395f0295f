// DKIM key-record linter, stage 4: the tag list (RFC 6376 §3.2) and the tags v=, h=, s=, t=, g=
// and unknown ones (RFC 6376 §3.6.1). k= and p= are in key-material.ts.

import { type DkimKey, type KeyLint, Rebuild, RFC, type TagContext } from './key-lint.js';
import { lintKeyTypeAndKey } from './key-material.js';
import { EMAIL_SERVICES, FORBIDDEN_HASHES, KEY_TAGS, KNOWN_HASHES } from './key-rules.js';
import type { Tag, TagList } from './tag-list.js';

/** The tag checks, in the order their findings are listed; each reads and repairs what it owns. */
const TAG_STAGES: ((c: TagContext) => void)[] = [
  lintUnknownTags,
  lintVersion,
  lintKeyTypeAndKey,
  lintHashes,
  lintServices,
  lintFlags,
  lintGranularity,
];

export function lintTags(text: string, list: TagList, key: DkimKey, lint: KeyLint): string | undefined {
  const rebuild = new Rebuild();
  const order = rebuild.order;
  for (const t of list.tags) {
    if (!rebuild.has(t.name))
      rebuild.keep(t.name, t.name === 'p' ? t.value.replace(/[ \t\r\n]+/g, '') : t.value);
  }
  lintListFaults(text, list, lint);
  const byName = new Map<string, Tag>();
  for (const t of list.tags) if (!byName.has(t.name)) byName.set(t.name, t);

  const context: TagContext = { text, list, key, lint, rebuild, byName };
  for (const stage of TAG_STAGES) stage(context);
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

function lintUnknownTags({ text, list, lint, rebuild, byName }: TagContext): void {
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

function lintVersion({ text, list, key, lint, rebuild, byName }: TagContext): void {
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

/** Splits a colon-separated tag value (h=, s=, t=) into its trimmed items. */
function colonList(value: string): string[] {
  return value
    .split(':')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function lintHashes({ text, key, lint, rebuild, byName }: TagContext): void {
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

export function lintServices({ text, key, lint, rebuild, byName }: TagContext): void {
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

export function lintFlags({ text, key, lint, rebuild, byName }: TagContext): void {
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

export function lintGranularity({ text, lint, rebuild, byName }: TagContext): void {
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
