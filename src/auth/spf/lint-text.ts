// SPF lint, first pass: which TXT records are SPF records, and faults in the text itself
// (typographic quotes, dash look-alikes, control characters, leading blanks, character-strings
// joined without a space) that keep a record from being read as intended.
import type { Finding } from '../../types.js';
import type { Edit } from './edits.js';
import { LOOKALIKES, QUOTE_CHARS } from './lint-data.js';
import { isSpfRecord } from './parse.js';
import type { SpfRecordFound } from './types.js';

/** A finding whose `fixed` is filled in at the end, once every edit is known. */
export type Draft = Finding & { fixable?: boolean };

export interface RecordSelection {
  /** records that are SPF records by RFC 7208 §4.5 */
  valid: SpfRecordFound[];
  /** records meant as SPF but not starting exactly with "v=spf1 " (quotes, blanks, v=spf10...) */
  lookalike: SpfRecordFound[];
  /** Sender ID (RFC 4406, experimental, obsolete) records: spf2.0/... */
  senderId: SpfRecordFound[];
}

const LEADING_JUNK = new RegExp(`^[\\s${QUOTE_CHARS}\u00a0\u200b\ufeff]*`);

/** Whether a text looks like an attempt at an SPF record. */
function meantAsSpf(text: string): boolean {
  return /^v\s*=\s*spf/i.test(text.replace(LEADING_JUNK, ''));
}

export function selectRecords(answers: string[][]): RecordSelection {
  const sel: RecordSelection = { valid: [], lookalike: [], senderId: [] };
  for (const strings of answers) {
    const found = { strings, text: strings.join('') };
    if (isSpfRecord(found.text)) sel.valid.push(found);
    // RFC 4406 writes "spf2.0/pra ..."; records seen in DNS often read "v=spf2.0/pra ..."
    else if (/^(v=)?spf2\.0\//i.test(found.text.replace(LEADING_JUNK, ''))) sel.senderId.push(found);
    else if (meantAsSpf(found.text)) sel.lookalike.push(found);
  }
  return sel;
}

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A mechanism or modifier starting right at a string boundary (then a space was forgotten). */
const TERM_START =
  /^[+\-~?]?(all\b|include:|a[:/]|a$|mx[:/]|mx$|ptr[:/]|ptr$|ip4:|ip6:|exists:|redirect=|exp=)/i;

/**
 * Text-level faults of one record. Returns the findings (spans into `found.text`) and the edits
 * that repair them; applying the edits gives the record the publisher meant.
 */
export function textFaults(found: SpfRecordFound): { findings: Draft[]; edits: Edit[] } {
  const text = found.text;
  const findings: Draft[] = [];
  const edits: Edit[] = [];
  const add = (f: Omit<Draft, 'record'>, edit?: Edit) => {
    findings.push({ ...f, record: text, fixable: edit !== undefined });
    if (edit) edits.push(edit);
  };

  const lead = /^[ \t]+/.exec(text);
  if (lead) {
    add(
      {
        code: 'spf.leading-whitespace',
        severity: 'error',
        message:
          'The record starts with blank space, so it does not begin with "v=spf1" and receivers ignore it (RFC 7208 §4.5).',
        fix: 'Remove the blanks before "v=spf1".',
        span: [0, lead[0].length],
      },
      { start: 0, end: lead[0].length, replacement: '' },
    );
  }

  // straight quotes stored as part of the value (a zone-file line pasted into a web form)
  const first = text[lead ? lead[0].length : 0];
  const last = text[text.length - 1];
  if ((first === '"' || first === "'") && last === first && text.length > 1) {
    const at = lead ? lead[0].length : 0;
    add(
      {
        code: 'spf.literal-quotes',
        severity: 'error',
        message: `The value itself contains quote characters (${first}...${last}); they are part of the text, so it does not begin with "v=spf1".`,
        fix: 'Enter the value without quotes; the DNS panel adds its own.',
        span: [at, at + 1],
      },
      { start: at, end: at + 1, replacement: '' },
    );
    edits.push({ start: text.length - 1, end: text.length, replacement: '' });
  }

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = text.charCodeAt(i);
    const look = LOOKALIKES[c];
    if (look) {
      const what =
        look.code === 'spf.smart-quote'
          ? 'a typographic quote'
          : look.code === 'spf.dash-lookalike'
            ? `a dash look-alike where "-" is meant`
            : 'a non-ASCII space';
      add(
        {
          code: look.code,
          severity: 'error',
          message: `${codePoint(c)} ${look.name} is ${what}; SPF records are plain ASCII (RFC 7208 §3.1), so receivers cannot read this${i === 0 ? ' and see no SPF record at all' : ''}.`,
          fix:
            look.meant === ''
              ? 'Delete it; retype the record in plain ASCII.'
              : `Replace it with "${look.meant}" (retype in plain ASCII).`,
          span: [i, i + 1],
        },
        { start: i, end: i + 1, replacement: look.meant },
      );
    } else if (code < 0x20 || code === 0x7f) {
      add(
        {
          code: 'spf.control-character',
          severity: 'error',
          message: `Control character ${codePoint(c)} in the record; only spaces separate terms (RFC 7208 §4.6.1), so receivers return permerror.`,
          fix: 'Replace it with a space.',
          span: [i, i + 1],
        },
        { start: i, end: i + 1, replacement: ' ' },
      );
    } else if (code > 0x7e) {
      add({
        code: 'spf.non-ascii',
        severity: 'error',
        message: `Non-ASCII character ${codePoint(c)} in the record; SPF records are 7-bit ASCII (RFC 7208 §3.1): receivers return permerror.`,
        fix: 'Retype the record in plain ASCII.',
        span: [i, i + 1],
      });
    }
  }

  // character-strings are joined with no separator (RFC 7208 §3.3): a split in the middle of a
  // term is fine, but a new term starting right at a boundary was glued to the previous one
  let offset = 0;
  for (let k = 0; k < found.strings.length - 1; k++) {
    offset += found.strings[k].length;
    if (offset === 0 || text[offset - 1] === ' ' || text[offset] === ' ' || offset >= text.length) continue;
    const termStart = text.lastIndexOf(' ', offset - 1) + 1;
    const termEnd = text.indexOf(' ', offset) < 0 ? text.length : text.indexOf(' ', offset);
    if (!TERM_START.test(text.slice(offset, termEnd))) continue;
    add(
      {
        code: 'spf.strings-joined',
        severity: 'error',
        message: `The record is split into character-strings that are joined without a space: "${text.slice(termStart, termEnd)}" is read as one term.`,
        fix: 'End the first string with a space (or start the next one with one).',
        span: [termStart, termEnd],
      },
      { start: offset, end: offset, replacement: ' ' },
    );
  }
  return { findings, edits };
}
