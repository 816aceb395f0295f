// The header block of a message as raw fields: unfolded (RFC 5322 §2.2.3) but not decoded, so
// that addresses, tag-lists and Authentication-Results keep their exact characters.

/** One header field with its value unfolded and untouched otherwise. */
export interface RawField {
  /** lower-case field name */
  name: string;
  /** the value after the colon, CRLF before folding whitespace removed, outer whitespace trimmed */
  value: string;
}

/** A message split into its fields and whether a body follows the header block. */
export interface MessageParts {
  fields: RawField[];
  /** true when an empty line ends the header block: what follows is the body, even if empty */
  hasBody: boolean;
  /** the body is empty or only white space (a header block pasted with a trailing blank line looks the same) */
  bodyBlank: boolean;
  /** fields beyond MAX_FIELDS were dropped */
  truncated: boolean;
}

/** Hostile input can carry millions of header lines; a real message has a few hundred at most. */
export const MAX_FIELDS = 2000;
/** A single field longer than this is cut (DKIM/ARC/AR fields are a few kilobytes at most). */
export const MAX_FIELD_CHARS = 64 * 1024;

const FIELD_NAME = /^([!-9;-~]{1,100})[ \t]*:/;

/**
 * Splits raw message text into its header fields. An mbox "From " line before the header block is
 * skipped. The header block ends at the first empty line; when the input is only a header block
 * (a `.headers` file) there is no body.
 */
export function readHeaderFields(text: string): MessageParts {
  let start = 0;
  if (text.startsWith('From ')) start = text.indexOf('\n') + 1 || text.length;
  const fields: RawField[] = [];
  let current: { name: string; value: string } | null = null;
  let pos = start;
  let hasBody = false;
  let bodyBlank = true;
  let truncated = false;
  const flush = () => {
    if (current) fields.push({ name: current.name, value: current.value.trim() });
    current = null;
  };
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let line = text.slice(pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = end + 1;
    if (line === '' || /^[ \t]+$/.test(line)) {
      if (line === '' || !current) {
        hasBody = true;
        bodyBlank = text.slice(pos).trim().length === 0;
        break;
      }
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && current) {
      if (current.value.length < MAX_FIELD_CHARS) current.value += line;
      continue;
    }
    flush();
    if (fields.length >= MAX_FIELDS) {
      truncated = true;
      break;
    }
    const m = FIELD_NAME.exec(line);
    if (m) current = { name: m[1].toLowerCase(), value: line.slice(m[0].length) };
  }
  flush();
  return { fields, hasBody, bodyBlank, truncated };
}

/** All values of a field by lower-case name, in message order (topmost first). */
export function fieldValues(fields: RawField[], name: string): string[] {
  return fields.filter((f) => f.name === name).map((f) => f.value);
}
