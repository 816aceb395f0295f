// The MIME structure of a message (RFC 2045/2046): one pass over the lines, splitting multipart
// bodies at their boundary lines. Works on a "binary string" (one char per byte) and records
// offsets only; bodies are sliced and decoded later, and only for the parts a bounce needs.
//
// Boundary lines follow RFC 2046 5.1.1: "--" boundary, optionally "--" (the close delimiter),
// then only linear white space. A boundary of any enclosing multipart ends the parts inside it,
// so a missing close delimiter of an inner multipart loses nothing.
import { isAscii } from 'node:buffer';
import { decodeBinary } from './charset.js';
import {
  type Field,
  type FieldCursor,
  parseFields,
  readFields,
  STOP_EMPTY,
  STOP_EMPTY_OR_DASH,
} from './fields.js';
import { MAX_DEPTH, MAX_PARTS } from './limits.js';
import { parseStructured } from './params.js';

export interface MimeNode {
  /** header fields of this part (values decoded from UTF-8 when valid, not RFC 2047-decoded) */
  fields: Field[];
  /** lower-case media type; text/plain by default, message/rfc822 inside multipart/digest */
  type: string;
  params: Readonly<Record<string, string>>;
  /** lower-case disposition type ("inline", "attachment") or "" */
  disposition: string;
  dispositionParams: Readonly<Record<string, string>>;
  /** lower-case transfer encoding token, "" when absent */
  encoding: string;
  description?: string;
  /** multipart subtype when this part is a multipart that is split into children */
  multipart?: string;
  children: MimeNode[];
  parent?: MimeNode;
  depth: number;
  /** body offsets in the binary string */
  bodyStart: number;
  bodyEnd: number;
}

/**
 * One message three ways: its bytes, the same bytes as a binary string (one char per byte, so
 * offsets are byte offsets) and whether every byte is ASCII (then no range needs a check).
 */
export interface Source {
  bytes: Uint8Array;
  s: string;
  ascii: boolean;
}

/** Are the bytes [start, end) ASCII? A native check, skipped when the whole message is ASCII. */
export function asciiRange(src: Source, start: number, end: number): boolean {
  return src.ascii || isAscii(src.bytes.subarray(start, Math.max(start, end)));
}

interface Boundary {
  /** "--" + boundary */
  delimiter: string;
  node: MimeNode;
}

const WSP_TOKEN = /[\w-]+/;

function newNode(parent: MimeNode | undefined): MimeNode {
  const digest = parent?.multipart === 'digest';
  return {
    fields: [],
    type: digest ? 'message/rfc822' : 'text/plain',
    params: {},
    disposition: '',
    dispositionParams: {},
    encoding: '',
    children: [],
    parent,
    depth: parent ? parent.depth + 1 : 0,
    bodyStart: -1,
    bodyEnd: -1,
  };
}

/** Reads the content fields of a part (the first of each wins, as a duplicate must not change the reading). */
function applyHeaders(node: MimeNode, boundaries: Boundary[], limits: LimitsHit): void {
  let type: string | undefined;
  let disposition: string | undefined;
  let encoding: string | undefined;
  for (const f of node.fields) {
    if (f.name === 'content-type') type ??= f.value;
    else if (f.name === 'content-disposition') disposition ??= f.value;
    else if (f.name === 'content-transfer-encoding') encoding ??= f.value;
    else if (f.name === 'content-description') node.description ??= f.value;
  }
  if (type !== undefined) {
    const ct = parseStructured(type);
    if (ct.value) node.type = ct.value;
    node.params = ct.params;
  }
  if (disposition !== undefined) {
    const cd = parseStructured(disposition);
    node.disposition = cd.value;
    node.dispositionParams = cd.params;
  }
  if (encoding !== undefined) node.encoding = (WSP_TOKEN.exec(encoding.toLowerCase()) ?? [''])[0];
  if (node.type.startsWith('multipart/')) {
    const boundary = node.params.boundary;
    // Past the nesting limit the part stays one opaque leaf: its boundary is not looked for.
    if (boundary && node.depth < MAX_DEPTH) {
      node.multipart = node.type.slice('multipart/'.length);
      boundaries.push({ delimiter: `--${boundary}`, node });
    } else if (boundary) {
      limits.depth = true;
    } else {
      // A multipart without a boundary has no parts (RFC 2046 requires the parameter).
      node.multipart = node.type.slice('multipart/'.length);
    }
  }
}

/** Which limits (./limits.ts) the message reached. */
export interface LimitsHit {
  /** multipart nesting deeper than MAX_DEPTH */
  depth: boolean;
  /** more than MAX_PARTS parts */
  parts: boolean;
}

/** The parser's state while it walks the lines (plain functions below, no closures per message). */
interface State {
  src: Source;
  s: string;
  limits: LimitsHit;
  boundaries: Boundary[];
  parts: number;
  /** the part being read; null after the last part (epilogues and parts past the limit are skipped) */
  current: MimeNode | null;
  inHeader: boolean;
  headerStart: number;
  /** set by matchBoundary: the matched line is a close delimiter */
  close: boolean;
  /** where readFields walks the header lines */
  cursor: FieldCursor;
  /** the header line at cursor.pos starts with "--" but is no boundary line: the block goes on */
  resume: boolean;
}

/**
 * Is the line [start, end) (end without CR/LF) a boundary line of an open multipart? Returns the
 * index in `boundaries` (innermost first) and sets st.close, or returns -1.
 */
function matchBoundary(st: State, start: number, end: number): number {
  const s = st.s;
  // the line's content without trailing white space, computed once for all boundaries
  let last = end;
  while (last > start && (s.charCodeAt(last - 1) === 32 || s.charCodeAt(last - 1) === 9)) last--;
  for (let i = st.boundaries.length - 1; i >= 0; i--) {
    const d = st.boundaries[i].delimiter;
    if (!startsAt(s, d, start)) continue;
    const after = start + d.length;
    if (last <= after) {
      st.close = false;
      return i;
    }
    if (last === after + 2 && s.charCodeAt(after) === 45 && s.charCodeAt(after + 1) === 45) {
      st.close = true;
      return i;
    }
  }
  return -1;
}

/**
 * s.startsWith(d, start) for a delimiter ("--" and at least one more character) and a start
 * within the text or past its end (test/read/fast-property.test.ts compares them). Its first
 * character after "--" turns most lines away; the rest is compared as a slice, natively:
 * startsWith compares one character at a time, which costs more for a delimiter of 30 or more.
 */
export function startsAt(s: string, d: string, start: number): boolean {
  return s.charCodeAt(start + 2) === d.charCodeAt(2) && s.slice(start, start + d.length) === d;
}

function endHeaders(st: State, node: MimeNode, end: number, bodyStart: number): void {
  // The fields were read from the binary string as the lines were walked; a block that is not
  // ASCII is read again from its text (UTF-8 when valid, else latin1).
  if (!asciiRange(st.src, st.headerStart, end)) {
    node.fields = parseFields(decodeBinary(st.s.slice(st.headerStart, end), undefined, false));
  }
  applyHeaders(node, st.boundaries, st.limits);
  node.bodyStart = bodyStart;
  st.inHeader = false;
}

function onBoundary(st: State, index: number, lineStart: number, next: number): void {
  const current = st.current;
  if (current) {
    if (st.inHeader) endHeaders(st, current, lineStart, lineStart);
    current.bodyEnd = lineStart;
  }
  const owner = st.boundaries[index].node;
  // The parts inside the owner end here, and so does the owner itself at its close delimiter.
  st.boundaries.length = st.close ? index : index + 1;
  if (!st.close && st.parts >= MAX_PARTS) st.limits.parts = true;
  if (st.close || st.parts >= MAX_PARTS) {
    st.current = null;
    st.inHeader = false;
    return;
  }
  const child = newNode(owner);
  owner.children.push(child);
  st.parts++;
  st.current = child;
  st.inHeader = true;
  st.headerStart = next;
}

/**
 * Reads the header lines of the current part from `pos`, parsing them as they are walked, up to
 * one that may end the block: an empty line (the block ends), or inside a multipart one that
 * starts with "--" (a boundary line ends it; any other is a header line, and the walk goes on
 * from it). Returns where the parser goes on.
 */
function headerLines(st: State, pos: number): number {
  const s = st.s;
  const len = s.length;
  const current = st.current as MimeNode; // a part is being read whenever a header is
  st.cursor.pos = pos;
  readFields(
    s,
    st.cursor,
    st.boundaries.length > 0 ? STOP_EMPTY_OR_DASH : STOP_EMPTY,
    st.resume,
    current.fields,
  );
  st.resume = false;
  const at = st.cursor.pos;
  if (at >= len) return len;
  let nl = s.indexOf('\n', at);
  if (nl < 0) nl = len;
  let end = nl;
  while (end > at && s.charCodeAt(end - 1) === 13) end--;
  const next = nl + 1;
  if (end === at) {
    endHeaders(st, current, at, Math.min(next, len));
    return next;
  }
  const i = matchBoundary(st, at, end);
  if (i < 0) {
    st.resume = true;
    return at;
  }
  onBoundary(st, i, at, next);
  return next;
}

/** Parses the MIME tree of a message. Linear in the input. */
export function parseTree(src: Source): { root: MimeNode; limits: LimitsHit } {
  const s = src.s;
  const len = s.length;
  const root = newNode(undefined);
  const st: State = {
    src,
    s,
    limits: { depth: false, parts: false },
    boundaries: [],
    parts: 1,
    current: root,
    inHeader: true,
    headerStart: 0,
    close: false,
    cursor: { pos: 0, colon: -1 },
    resume: false,
  };
  let pos = 0;
  while (pos < len) {
    if (st.inHeader) {
      pos = headerLines(st, pos);
      continue;
    }
    // Body: jump from one line starting with "--" to the next.
    if (st.boundaries.length === 0) break;
    let cand = s.charCodeAt(pos) === 45 && s.charCodeAt(pos + 1) === 45 ? pos : nextDashLine(s, pos);
    let found = -1;
    let next = len;
    while (cand >= 0) {
      let nl = s.indexOf('\n', cand);
      if (nl < 0) nl = len;
      let end = nl;
      while (end > cand && s.charCodeAt(end - 1) === 13) end--;
      found = matchBoundary(st, cand, end);
      next = nl + 1;
      if (found >= 0) break;
      cand = nextDashLine(s, nl);
    }
    if (found < 0) break;
    onBoundary(st, found, cand, next);
    pos = next;
  }
  const last = st.current;
  if (last !== null) {
    if (st.inHeader) endHeaders(st, last, len, len);
    last.bodyEnd = len;
  }
  return { root, limits: st.limits };
}

/** The start of the next line (after `from`) that begins with "--", or -1. */
function nextDashLine(s: string, from: number): number {
  const i = s.indexOf('\n--', from);
  return i < 0 ? -1 : i + 1;
}
