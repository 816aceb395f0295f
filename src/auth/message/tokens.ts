// A linear scanner for structured header values (RFC 5322 §3.2.2 CFWS, §3.2.4 quoted strings):
// words, quoted strings, comments (nested, with quoted-pairs) and the separators ";" and "=".

export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: ';' }
  | { kind: '=' };

/**
 * Tokenises a header value. With `splitEquals` false, "=" is an ordinary word character (Received
 * lines); with it true, "=" is a token of its own (Authentication-Results, Received-SPF). An unclosed
 * comment or quote runs to the end of the value; nothing throws.
 */
export function tokenize(value: string, splitEquals: boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    const c = value[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
    } else if (c === '(') {
      let depth = 1;
      let text = '';
      i++;
      while (i < n && depth > 0) {
        const d = value[i];
        if (d === '\\' && i + 1 < n) {
          text += value[i + 1];
          i += 2;
          continue;
        }
        if (d === '(') depth++;
        else if (d === ')') depth--;
        if (depth > 0) text += d;
        i++;
      }
      out.push({ kind: 'comment', text: text.trim() });
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < n && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < n) i++;
        text += value[i];
        i++;
      }
      i++;
      out.push({ kind: 'quoted', text });
    } else if (c === ';') {
      out.push({ kind: ';' });
      i++;
    } else if (c === '=' && splitEquals) {
      out.push({ kind: '=' });
      i++;
    } else {
      let j = i;
      while (j < n) {
        const d = value[j];
        if (d === ' ' || d === '\t' || d === '\r' || d === '\n' || d === '(' || d === ';' || d === '"') break;
        if (d === '=' && splitEquals) break;
        j++;
      }
      out.push({ kind: 'word', text: value.slice(i, j) });
      i = j;
    }
  }
  return out;
}
