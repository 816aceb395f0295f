// Tag-level DMARC checks: terms without "=", known and unknown tags, enumerated values, fo, and the
// tags RFC 9989 removed (pct, rf, ri). Each returns the value for the corrected record.
import { add, type Ctx, type OutTag, toRecord } from './lint-context.js';
import { checkUris } from './lint-uris.js';
import type { DmarcTerm, Span } from './parse.js';
import {
  ENUM_VALUES,
  FO_OPTIONS,
  KNOWN_TAGS,
  REMOVED_TAG_DEFAULTS,
  REMOVED_TAGS,
  TAG_MEANING,
} from './tags.js';

/** Edit distance, bounded (small inputs only). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 24 || b.length > 24) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The one allowed value a wrong value most likely meant (unique prefix or edit distance <= 2). */
function closest(value: string, allowed: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  if (v.length === 0) return undefined;
  const prefix = allowed.filter((a) => a.startsWith(v));
  if (prefix.length === 1) return prefix[0];
  const near = allowed.filter((a) => a.length > 1 && distance(v, a) <= (a.length > 4 ? 2 : 1));
  return near.length === 1 ? near[0] : undefined;
}

/** A term without "=": a tag written with ":" or "-", "pct100", a stray token. */
export function checkBare(ctx: Ctx, t: DmarcTerm, fixedTags: OutTag[]): void {
  const raw = t.raw;
  const sp = toRecord(ctx, t.span);
  const sepForm = /^([A-Za-z]{1,5})[ \t]*([:-])[ \t]*([^:-].*)$/.exec(raw);
  if (sepForm && KNOWN_TAGS.has(sepForm[1].toLowerCase())) {
    const name = sepForm[1].toLowerCase();
    const used = sepForm[2];
    const value = sepForm[3].trim();
    add(
      ctx,
      'dmarc.tag-equals',
      'warning',
      `"${raw}" uses "${used}" where "=" belongs; receivers ignore this term, so ${name} (${TAG_MEANING[name]}) keeps its default.`,
      `Write "${name}=${value}".`,
      sp,
    );
    fixedTags.push({ name, value });
    return;
  }
  const glued = /^([A-Za-z]{1,5}?)([0-9]+)$/.exec(raw);
  if (glued && KNOWN_TAGS.has(glued[1].toLowerCase())) {
    const name = glued[1].toLowerCase();
    add(
      ctx,
      'dmarc.tag-equals',
      'warning',
      `"${raw}" lacks "="; receivers ignore it.`,
      `Write "${name}=${glued[2]}".`,
      sp,
    );
    fixedTags.push({ name, value: glued[2] });
    return;
  }
  if (KNOWN_TAGS.has(raw.toLowerCase())) {
    add(
      ctx,
      'dmarc.tag-no-value',
      raw.toLowerCase() === 'p' ? 'error' : 'warning',
      `The tag "${raw}" has no "=" and no value; receivers ignore it.`,
      `Give it a value ("${raw.toLowerCase()}=...") or remove it.`,
      sp,
      false,
    );
    return;
  }
  if (raw === '.') {
    add(
      ctx,
      'dmarc.stray-period',
      'warning',
      'A stray period stands where a tag should be.',
      'Remove the period.',
      sp,
    );
    return;
  }
  add(
    ctx,
    'dmarc.stray-text',
    'warning',
    `"${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}" is not a tag (no "="); receivers ignore it. If it belonged to a tag (e.g. "fo=${raw}"), that tag keeps its default.`,
    'Remove it, or write the tag it belongs to in full ("name=value").',
    sp,
  );
}

/** Checks one known or unknown tag; returns the value for the corrected record, or null to drop it. */
export function checkTag(ctx: Ctx, t: DmarcTerm, name: string, value: string): string | null {
  const mode = ctx.mode;
  const vspan = toRecord(ctx, t.valueSpan ?? t.span);
  const tspan = toRecord(ctx, t.span);
  if (!KNOWN_TAGS.has(name)) {
    const near = [...KNOWN_TAGS].filter((k) => k.length > 1 && distance(name, k) === 1);
    const hint = near.length === 1 ? ` Did you mean "${near[0]}"?` : '';
    // RFC 9989 §4.7: unknown tags MUST be ignored, so this is a warning, not an error.
    add(
      ctx,
      'dmarc.unknown-tag',
      'warning',
      `"${t.rawName}" is not a DMARC tag; receivers ignore it.${hint}`,
      near.length === 1
        ? `Remove "${t.raw}", or write "${near[0]}=${value}" if that was meant.`
        : `Remove "${t.raw}".`,
      tspan,
      'advice',
    );
    // Dropped from the corrected record: receivers ignore the tag, so removing it changes nothing
    // they do, and the record then carries no warning of it. A guessed rename is not applied: it
    // could change what the record asks for; the fix offers it.
    return null;
  }
  if ((REMOVED_TAGS as readonly string[]).includes(name)) return checkRemoved(ctx, t, name, value);
  if (mode === 'rfc7489' && (name === 'np' || name === 'psd' || name === 't')) {
    add(
      ctx,
      'dmarc.tag-not-in-rfc7489',
      'info',
      `"${name}" (${TAG_MEANING[name]}) is defined by RFC 9989; RFC 7489 receivers ignore it.`,
      'Nothing to change; it takes effect at receivers that follow RFC 9989.',
      tspan,
      'advice',
    );
  }
  const allowed = ENUM_VALUES[name];
  if (allowed) {
    const lower = value.toLowerCase();
    if (allowed.includes(lower)) {
      if (value !== lower) {
        add(
          ctx,
          'dmarc.value-case',
          'info',
          `"${value}" is valid (values are case-insensitive), but some receivers only accept lower case.`,
          `Write "${name}=${lower}".`,
          vspan,
        );
      }
      return lower;
    }
    return invalidEnum(ctx, name, value, allowed, vspan);
  }
  if (name === 'fo') return checkFo(ctx, value, vspan);
  if (name === 'rua' || name === 'ruf') return checkUris(ctx, name, value, t);
  return value;
}

function invalidEnum(
  ctx: Ctx,
  name: string,
  value: string,
  allowed: readonly string[],
  vspan: Span,
): string | null {
  const lower = value.toLowerCase();
  const firstWord = lower.split(/[\s.,:]/)[0];
  if (lower.endsWith('.') && allowed.includes(lower.slice(0, -1))) {
    add(
      ctx,
      'dmarc.stray-period',
      'error',
      `A period follows "${name}=${value.slice(0, -1)}"; the value is invalid as written.`,
      `Write "${name}=${lower.slice(0, -1)}".`,
      vspan,
    );
    return lower.slice(0, -1);
  }
  if (firstWord !== lower && allowed.includes(firstWord)) {
    add(
      ctx,
      'dmarc.trailing-garbage',
      'error',
      `"${name}=${value}" has extra text after "${firstWord}"; the value is invalid as written.`,
      `Write "${name}=${firstWord}".`,
      vspan,
    );
    return firstWord;
  }
  const guess = closest(value, allowed);
  const consequence =
    name === 'p' || name === 'sp' || name === 'np'
      ? ' With an invalid p, sp or np, RFC 9989 §4.10.1 makes receivers treat the whole record as p=none if rua has a valid address, else ignore it.'
      : ' Receivers use the default instead.';
  add(
    ctx,
    'dmarc.invalid-value',
    'error',
    `"${name}=${value}" is not valid: ${name} (${TAG_MEANING[name]}) takes ${allowed.join(', ')}.${consequence}`,
    guess ? `Write "${name}=${guess}".` : `Write ${name}= with one of: ${allowed.join(', ')}.`,
    vspan,
    guess !== undefined,
  );
  return guess ?? value;
}

function checkFo(ctx: Ctx, value: string, vspan: Span): string | null {
  const opts = value.split(':').map((o) => o.trim().toLowerCase());
  if (value.length === 0 || opts.some((o) => !FO_OPTIONS.includes(o))) {
    add(
      ctx,
      'dmarc.invalid-value',
      'error',
      `"fo=${value}" is not valid: fo takes 0, 1, d or s, separated by colons.`,
      'Write e.g. "fo=1" (a report on any failure) or remove fo.',
      vspan,
      false,
    );
    return value;
  }
  const unique = [...new Set(opts)];
  if (unique.length < opts.length || (unique.includes('0') && unique.includes('1'))) {
    // "1" (report if any mechanism fails) already covers "0" (report if all fail).
    add(
      ctx,
      'dmarc.fo-redundant',
      'info',
      `"fo=${value}" is redundant: ${unique.includes('1') && unique.includes('0') ? '"1" already covers "0"' : 'an option is repeated'}.`,
      'Write each option once; with 1, leave out 0.',
      vspan,
    );
    const kept = unique.includes('1') ? unique.filter((o) => o !== '0') : unique;
    return kept.join(':');
  }
  return opts.join(':');
}

/** pct, rf, ri: removed by RFC 9989, still read by RFC 7489 receivers. */
function checkRemoved(ctx: Ctx, t: DmarcTerm, name: string, value: string): string | null {
  const tspan = toRecord(ctx, t.span);
  const valid =
    name === 'pct'
      ? /^[0-9]{1,3}$/.test(value) && Number(value) <= 100
      : name === 'ri'
        ? /^[0-9]{1,10}$/.test(value) && Number(value) <= 4294967295
        : value.split(',').every((v) => ENUM_VALUES.rf.includes(v.trim().toLowerCase()));
  if (ctx.mode === 'rfc7489') {
    if (!valid) {
      add(
        ctx,
        'dmarc.invalid-value',
        'error',
        `"${name}=${value}" is not valid (${TAG_MEANING[name]}).`,
        `Correct or remove "${name}=".`,
        tspan,
        false,
      );
    } else if (name === 'pct' && Number(value) < 100) {
      add(
        ctx,
        'dmarc.pct-partial',
        'info',
        `pct=${value}: the policy applies to ${value}% of failing mail; the rest gets the next weaker policy (RFC 7489 §6.6.4).`,
        'Raise to pct=100 once reports look clean.',
        tspan,
        'advice',
      );
    }
    return value;
  }
  const isDefault = REMOVED_TAG_DEFAULTS[name] === value.toLowerCase();
  if (!valid) {
    add(
      ctx,
      'dmarc.removed-tag',
      'warning',
      `"${name}=${value}": ${name} was removed by RFC 9989 and its value is invalid for the older receivers that still read it.`,
      `Remove "${name}=${value}".`,
      tspan,
    );
    return null;
  }
  if (name === 'pct' && Number(value) < 100) {
    add(
      ctx,
      'dmarc.removed-tag',
      'warning',
      `pct=${value}: RFC 7489 receivers apply the policy to only ${value}% of failing mail; pct was removed by RFC 9989, whose receivers apply it to all. Use t=y for a test phase instead.`,
      'Remove pct (and use t=y while testing).',
      tspan,
      'advice',
    );
    return value;
  }
  add(
    ctx,
    'dmarc.removed-tag',
    isDefault ? 'info' : 'warning',
    `${name} (${TAG_MEANING[name]}) was removed by RFC 9989; older receivers still read it${isDefault ? ', and this is its default value' : ''}.`,
    isDefault
      ? `"${name}=${value}" can be removed; it changes nothing.`
      : `Remove "${name}=${value}" when older receivers no longer matter.`,
    tspan,
    'advice',
  );
  return value;
}
