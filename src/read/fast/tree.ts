// The MIME structure of a message (RFC 2045/2046): one pass over the lines, splitting multipart
// bodies at their boundary lines. Works on a "binary string" (one char per byte) and records
// offsets only; bodies are sliced and decoded later, and only for the parts a bounce needs.
//
// Boundary lines follow RFC 2046 5.1.1: "--" boundary, optionally "--" (the close delimiter),
// then only linear white space. A boundary of any enclosing multipart ends the parts inside it,
// so a missing close delimiter of an inner multipart loses nothing.
import { isAscii } from 'node:buffer';
import { decodeBinary } from './charset.js';
import { type Field, parseFields } from './fields.js';
import { MAX_DEPTH, MAX_PARTS } from './limits.js';
import { parseStructured } from './params.js';

export interface MimeNode {
  /** header fields of this part (values decoded from UTF-8 when valid, not RFC 2047-decoded) */
  fields: Field[];
  /** lower-case media type; text/plain by default, message/rfc822 inside multipart/digest */
  type: string;
  params: Record<string, string>;
  /** lower-case disposition type ("inline", "attachment") or "" */
  disposition: string;
  dispositionParams: Record<string, string>;
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
function applyHeaders(
  node: MimeNode,
  block: string,
  ascii: boolean,
  boundaries: Boundary[],
  limits: LimitsHit,
): void {
  node.fields = parseFields(decodeBinary(block, undefined, ascii));
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
  s: string;
  /** the same message as bytes, for native ASCII checks */
  bytes: Uint8Array;
  limits: LimitsHit;
  boundaries: Boundary[];
  parts: number;
  /** the part being read; null after the last part (epilogues and parts past the limit are skipped) */
  current: MimeNode | null;
  inHeader: boolean;
  headerStart: number;
  /** set by matchBoundary: the matched line is a close delimiter */
  close: boolean;
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
    if (!s.startsWith(d, start)) continue;
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

function endHeaders(st: State, node: MimeNode, end: number, bodyStart: number): void {
  const ascii = isAscii(st.bytes.subarray(st.headerStart, end));
  applyHeaders(node, st.s.slice(st.headerStart, end), ascii, st.boundaries, st.limits);
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

/** Parses the MIME tree of a message given as bytes and as a binary string. Linear in the input. */
export function parseTree(bytes: Uint8Array, s: string): { root: MimeNode; limits: LimitsHit } {
  const len = s.length;
  const root = newNode(undefined);
  const st: State = {
    s,
    bytes,
    limits: { depth: false, parts: false },
    boundaries: [],
    parts: 1,
    current: root,
    inHeader: true,
    headerStart: 0,
    close: false,
  };
  let pos = 0;
  while (pos < len) {
    let nl = s.indexOf('\n', pos);
    if (st.inHeader) {
      // Header lines one by one: the block ends at an empty line (or a boundary line).
      if (nl < 0) nl = len;
      let end = nl;
      while (end > pos && s.charCodeAt(end - 1) === 13) end--;
      const next = nl + 1;
      if (st.boundaries.length > 0 && s.charCodeAt(pos) === 45 && s.charCodeAt(pos + 1) === 45) {
        const i = matchBoundary(st, pos, end);
        if (i >= 0) {
          onBoundary(st, i, pos, next);
          pos = next;
          continue;
        }
      }
      if (end === pos && st.current) endHeaders(st, st.current, pos, Math.min(next, len));
      pos = next;
      continue;
    }
    // Body: jump from one line starting with "--" to the next.
    if (st.boundaries.length === 0) break;
    let cand = s.charCodeAt(pos) === 45 && s.charCodeAt(pos + 1) === 45 ? pos : nextDashLine(s, pos);
    let found = -1;
    let next = len;
    while (cand >= 0) {
      nl = s.indexOf('\n', cand);
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
