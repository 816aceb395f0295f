// The DKIM tag=value list (RFC 6376 §3.2), parsed with the character offsets of every part so that
// findings can point at them. Faults of the list itself are returned beside the tags, not thrown.
//
//   tag-list  =  tag-spec *( ";" tag-spec ) [ ";" ]
//   tag-spec  =  [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
//   tag-name  =  ALPHA *ALNUMPUNC          (ALNUMPUNC = ALPHA / DIGIT / "_")
//   tag-value =  [ tval *( 1*(WSP / FWS) tval ) ],  tval = 1*VALCHAR,  VALCHAR = %x21-3A / %x3C-7E

export interface Tag {
  /** the name as written (RFC 6376: tag names are case-sensitive) */
  name: string;
  /** the value, surrounding whitespace removed */
  value: string;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export type TagListFaultKind =
  /** a tag-spec without "=" */
  | 'no-equals'
  /** a tag name that is not ALPHA *(ALPHA / DIGIT / "_") */
  | 'bad-name'
  /** the same tag twice: RFC 6376 §3.2 makes the whole list invalid */
  | 'duplicate'
  /** nothing between two semicolons (the grammar has no empty tag-spec) */
  | 'empty-spec'
  /** a character outside VALCHAR and whitespace inside a value */
  | 'bad-value-char';

export interface TagListFault {
  kind: TagListFaultKind;
  span: [number, number];
  /** the tag concerned, when there is one */
  name?: string;
}

export interface TagList {
  tags: Tag[];
  faults: TagListFault[];
}

const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

export function parseTagList(text: string): TagList {
  const tags: Tag[] = [];
  const faults: TagListFault[] = [];
  const seen = new Set<string>();
  let start = 0;
  while (start <= text.length) {
    const semi = text.indexOf(';', start);
    const end = semi === -1 ? text.length : semi;
    const isLast = semi === -1;
    parseSpec(text, start, end, isLast, tags, faults, seen);
    if (isLast) break;
    start = semi + 1;
  }
  return { tags, faults };
}

function parseSpec(
  text: string,
  start: number,
  end: number,
  isLast: boolean,
  tags: Tag[],
  faults: TagListFault[],
  seen: Set<string>,
): void {
  const [s, e] = trimRange(text, start, end);
  if (s === e) {
    // a trailing ";" (and whitespace after it) is allowed; an empty spec in the middle is not
    if (isLast) return;
    // a run of semicolons is one fault
    const prev = faults[faults.length - 1];
    if (prev?.kind === 'empty-spec' && prev.span[1] === start) prev.span[1] = end + 1;
    else faults.push({ kind: 'empty-spec', span: [start, end + 1] });
    return;
  }
  const eq = text.indexOf('=', s);
  if (eq === -1 || eq >= e) {
    faults.push({ kind: 'no-equals', span: [s, e] });
    return;
  }
  const [ns, ne] = trimRange(text, s, eq);
  const [vs, ve] = trimRange(text, eq + 1, e);
  const name = text.slice(ns, ne);
  if (!TAG_NAME.test(name)) {
    faults.push({ kind: 'bad-name', span: ns === ne ? [s, eq + 1] : [ns, ne], name });
  }
  for (let i = vs; i < ve; i++) {
    const c = text.charCodeAt(i);
    const ok = (c >= 0x21 && c <= 0x3a) || (c >= 0x3c && c <= 0x7e) || WHITESPACE.has(text[i]);
    if (!ok) {
      faults.push({ kind: 'bad-value-char', span: [i, i + 1], name });
      break; // one is enough to show; the lint names the particular characters
    }
  }
  if (seen.has(name)) faults.push({ kind: 'duplicate', span: [ns, ne], name });
  seen.add(name);
  tags.push({ name, value: text.slice(vs, ve), nameStart: ns, nameEnd: ne, valueStart: vs, valueEnd: ve });
}

function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && WHITESPACE.has(text[s])) s++;
  while (e > s && WHITESPACE.has(text[e - 1])) e--;
  return [s, e];
}

/** The first tag of that name (the list is invalid anyway when there are two). */
export function getTag(list: TagList, name: string): Tag | undefined {
  return list.tags.find((t) => t.name === name);
}
