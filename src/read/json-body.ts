// Inputs that are JSON documents (ESP webhook bodies), told apart before the header test: a
// pretty-printed body's first line ('{"notificationType": "Bounce",' or '[{"email": ...') has the
// shape of a header field (RFC 5322 2.2 allows "{", "[" and '"' in a field name), so it was read
// as a message with one odd header and no bounce in it.

/** The first and the last character other than white space, as indexes (-1 when there is none). */
function ends(text: string): [number, number] {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  if (i === text.length) return [-1, -1];
  let j = text.length - 1;
  while (j > i && text.charCodeAt(j) <= 32) j--;
  return [i, j];
}

/**
 * Does the text look like a JSON document ({...} or [...] between white space) or a mandrill_events
 * form body? A mail log line that starts with "[date]" ends in words, not in "]".
 */
export function looksLikeJsonDocument(text: string): boolean {
  const [i, j] = ends(text);
  if (i < 0) return false;
  const first = text[i];
  const last = text[j];
  return (
    (first === '{' && last === '}') ||
    (first === '[' && last === ']') ||
    text.startsWith('mandrill_events=', i)
  );
}

/**
 * Does the text start as a JSON object or an array of objects does ('{"', '{}', '[{' with any white
 * space between)? A webhook body cut short does; a mail log line that starts with "{2026-12-03...}"
 * or "[2026-12-03 ...]" does not.
 */
export function startsLikeJsonBody(text: string): boolean {
  let [i] = ends(text);
  if (i < 0) return false;
  const open = text[i];
  if (open !== '{' && open !== '[') return false;
  i = skipSpace(text, i + 1);
  if (open === '[') {
    if (text[i] !== '{') return false;
    i = skipSpace(text, i + 1);
  }
  return text[i] === '"' || text[i] === '}';
}

// A JSON number (RFC 8259 §6) or literal name (§3) at the start of the text.
const SCALAR = /^(?:-?(?:0|[1-9]\d{0,400})(?:\.\d{1,400})?(?:[eE][+-]?\d{1,400})?|true|false|null)/;

/**
 * Does the text start as a JSON array does, with a first value of any kind ('[1,2', '["a"',
 * '[[', '[{', '[true,')? A number or literal name must be followed by a comma or by the end of the
 * text, so that a log line's "[2026-12-03 09:00:05] ...", "[12:00:01]" or "[1] ..." does not. The
 * caller decides on it only for a text that holds no SMTP reply either.
 */
export function startsLikeJsonArray(text: string): boolean {
  let [i] = ends(text);
  if (i < 0 || text[i] !== '[') return false;
  i = skipSpace(text, i + 1);
  const c = text[i];
  if (c === '{' || c === '[' || c === '"') return true;
  const scalar = SCALAR.exec(text.slice(i, i + 1300));
  if (!scalar) return false;
  i = skipSpace(text, i + scalar[0].length);
  return i >= text.length || text[i] === ',';
}

/** The one-line refusal of a text that starts like a JSON body and is none. */
export function notJson(raw: string): string {
  let why = 'it ends before the document does';
  try {
    JSON.parse(raw);
  } catch (err) {
    why = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
  }
  return `input starts like a JSON document (a webhook body?) but is not valid JSON: ${why}`;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && i < 4096 && text.charCodeAt(i) <= 32) i++;
  return i;
}
