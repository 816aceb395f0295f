// Header blocks (RFC 5322 section 2.2): lines -> fields. A line starting with SP or HTAB continues
// the field before it (unfolding, 2.2.3: the CRLF is removed, the white space kept). A line
// without ":" is no field and is skipped. Names are lower case; values are trimmed.
import { MAX_FIELDS } from './limits.js';

export interface Field {
  name: string;
  value: string;
  /**
   * For a folded field whose name is on its first line: the value with each fold (the line end
   * and the white space around it) as one space, which collapsing white space (decodeField)
   * would make of it anyway. Undefined otherwise.
   */
  spaced: string | undefined;
}

/**
 * Parses a header block whose lines end in "\n" (trailing "\r"s are ignored). Lines are grouped
 * first (a line starting with SP/HTAB joins the group before it, even when that group is no
 * field), then each group with a ":" is a field. Linear; a one-line field (most are) is read in
 * place, without slicing its line out first.
 */
export function parseFields(block: string): Field[] {
  const out: Field[] = [];
  readFields(block, { pos: 0, colon: -1 }, STOP_NONE, false, out);
  return out;
}

/** readFields reads to the end of the text. */
export const STOP_NONE = 0;
/** readFields stops at an empty line (nothing but CRs before its LF): the end of a header block. */
export const STOP_EMPTY = 1;
/** readFields stops at an empty line or at one that starts with "--" (maybe a boundary line). */
export const STOP_EMPTY_OR_DASH = 2;

/** Where readFields is in a text, and the last answer of its search for ":" (see readFields). */
export interface FieldCursor {
  pos: number;
  colon: number;
}

/**
 * Parses the header lines of `text` from cursor.pos into `out` (as parseFields does) until a
 * line that `stop` names, but not the line at cursor.pos when `resume` (the caller found that it
 * does not end the block). Sets cursor.pos to where that line starts, or text.length.
 * Past MAX_FIELDS fields the lines are still walked, no more fields are added. cursor.colon is
 * the first ":" at or after a position already passed: the walk only moves forward, so one search
 * serves many lines, however many calls walk one text.
 */
export function readFields(
  text: string,
  cursor: FieldCursor,
  stop: number,
  resume: boolean,
  out: Field[],
): void {
  const len = text.length;
  let pos = cursor.pos;
  let resumed = resume;
  while (pos < len) {
    const next = nextLine(text, pos);
    const end = contentEnd(text, pos, next);
    if (
      stop !== STOP_NONE &&
      !resumed &&
      (end === pos || (stop === STOP_EMPTY_OR_DASH && isDashLine(text, pos)))
    )
      break;
    resumed = false;
    if (out.length >= MAX_FIELDS) {
      if (stop === STOP_NONE) break;
      pos = next;
      continue;
    }
    if (cursor.colon < pos) {
      cursor.colon = text.indexOf(':', pos);
      if (cursor.colon < 0) cursor.colon = len;
    }
    if (next < len && isWsp(text.charCodeAt(next))) pos = addFolded(out, text, pos, end, next, cursor.colon);
    else {
      addField(out, text, pos, end, cursor.colon, undefined);
      pos = next;
    }
  }
  cursor.pos = Math.min(pos, len);
}

function isDashLine(text: string, pos: number): boolean {
  return text.charCodeAt(pos) === 45 && text.charCodeAt(pos + 1) === 45;
}

/**
 * Adds the field of a line [pos, end) and its continuation lines from `next` on (joined without
 * their line ends); returns where the line after them starts.
 */
function addFolded(
  out: Field[],
  block: string,
  pos: number,
  end: number,
  next: number,
  colon: number,
): number {
  const len = block.length;
  let joined = block.slice(pos, end);
  let spaced = colon < end ? sliceTrimmed(block, colon + 1, end) : undefined;
  while (next < len && isWsp(block.charCodeAt(next))) {
    const after = nextLine(block, next);
    const lineEnd = contentEnd(block, next, after);
    joined += block.slice(next, lineEnd);
    if (spaced !== undefined) {
      const piece = sliceTrimmed(block, next, lineEnd);
      if (piece) spaced = spaced ? `${spaced} ${piece}` : piece;
    }
    next = after;
  }
  addField(out, joined, 0, joined.length, joined.indexOf(':'), spaced);
  return next;
}

/** Where the line after the one at `pos` starts (past the end when there is none). */
function nextLine(block: string, pos: number): number {
  const nl = block.indexOf('\n', pos);
  return nl < 0 ? block.length + 1 : nl + 1;
}

/** Where the content of the line [pos, next) ends: before its line end and any CRs before it. */
function contentEnd(block: string, pos: number, next: number): number {
  let end = Math.min(next - 1, block.length);
  while (end > pos && block.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** Adds the field in text[start, end) when its first ":" from `start` (at `colon`) is in it. */
function addField(
  out: Field[],
  text: string,
  start: number,
  end: number,
  colon: number,
  spaced: string | undefined,
): void {
  if (colon < 0 || colon >= end) return;
  let a = start;
  let b = colon;
  while (a < b && isWsp(text.charCodeAt(a))) a++;
  while (b > a && isWsp(text.charCodeAt(b - 1))) b--;
  const name = text.slice(a, b).toLowerCase();
  let value = sliceTrimmed(text, colon + 1, end);
  // (a CR read as a space may make more white space to trim)
  if (value.includes('\r')) value = trimWsp(value.replace(/\r/g, ' '));
  out.push({ name, value, spaced });
}

function isWsp(c: number): boolean {
  return c === 32 || c === 9;
}

/** trimWsp(text.slice(start, end)), sliced once. */
function sliceTrimmed(text: string, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a < b && isWsp(text.charCodeAt(a))) a++;
  while (b > a && isWsp(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b);
}

/** Trims SP and HTAB only (RFC 5322 WSP): other Unicode spaces are content. */
function trimWsp(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isWsp(s.charCodeAt(a))) a++;
  while (b > a && isWsp(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
