// DKIM tag-lists (RFC 6376 §3.2): "tag=value" separated by ";", whitespace around both ignored.
// Used by DKIM-Signature, ARC-Seal and ARC-Message-Signature.

export interface TagList {
  tags: Map<string, string>;
  /** tag names that occurred more than once: RFC 6376 §3.2 makes the whole list invalid */
  duplicates: string[];
  /** pieces that are not "tag=value" */
  malformed: string[];
}

const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function parseTagList(value: string): TagList {
  const tags = new Map<string, string>();
  const duplicates: string[] = [];
  const malformed: string[] = [];
  const pieces = value.split(';');
  for (let n = 0; n < pieces.length; n++) {
    const p = pieces[n].trim();
    if (p === '') {
      // a trailing ";" is allowed; an empty tag-spec between two is not
      if (n < pieces.length - 1 && n > 0) malformed.push('";;"');
      continue;
    }
    const eq = p.indexOf('=');
    const name = eq < 0 ? '' : p.slice(0, eq).trim();
    if (!TAG_NAME.test(name)) {
      malformed.push(p.length > 60 ? p.slice(0, 60) + '…' : p);
      continue;
    }
    // folding whitespace inside a value carries no meaning (b=, bh=, h= are folded freely)
    const val = p
      .slice(eq + 1)
      .trim()
      .replace(/[ \t\r\n]+/g, ' ');
    if (tags.has(name)) duplicates.push(name);
    else tags.set(name, val);
  }
  return { tags, duplicates, malformed };
}
