// DKIM key-record linter, stages 1 to 3: faults of the text before it can be read as tags —
// quote characters stored in the value, invisible and non-ASCII characters, and tags separated by
// something other than ";". Each stage returns the text with its faults repaired.

import type { KeyLint } from './key-lint.js';
import { KEY_TAGS } from './key-rules.js';
import { findQuoteRuns, removeQuoteRuns } from './quotes.js';
import { parseTagList } from './tag-list.js';

// ------------------------------------------------------------------- stage 1: quotes

export function lintQuotes(text: string, lint: KeyLint): string {
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

export function lintCharacters(text: string, lint: KeyLint): string {
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

export function lintSeparators(text: string, lint: KeyLint): string {
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
