// Received-SPF (RFC 7208 §9.1): "Received-SPF: result (comment) key=value; key=value".
import { tokenize } from './tokens.js';

export interface ReceivedSpf {
  /** lower-case result word */
  result: string;
  comment?: string;
  /** client-ip, envelope-from, helo, receiver, identity, mechanism, problem... (lower-case keys) */
  params: Record<string, string>;
  /** position among Received-SPF fields, 0 = topmost */
  index: number;
}

const RESULTS = new Set(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror']);

/** Parses a Received-SPF value; the result is "" when the field does not start with one. */
export function parseReceivedSpf(value: string, index: number): ReceivedSpf {
  const tokens = tokenize(value, true);
  const out: ReceivedSpf = { result: '', params: {}, index };
  let i = 0;
  const first = tokens[0];
  if (first?.kind === 'word' && RESULTS.has(first.text.toLowerCase())) {
    out.result = first.text.toLowerCase();
    i = 1;
  }
  if (tokens[i]?.kind === 'comment') {
    out.comment = (tokens[i] as { text: string }).text;
    i++;
  }
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || tokens[i + 1]?.kind !== '=') continue;
    const v = tokens[i + 2];
    if (v && (v.kind === 'word' || v.kind === 'quoted')) {
      out.params[t.text.toLowerCase()] = v.text;
      i += 2;
    } else i++;
  }
  return out;
}
