// Quote characters stored as part of a TXT value. Zone files and DNS panels use double quotes as
// string delimiters; when someone pastes `"v=DKIM1; k=rsa; " "p=..."` (quotes and all) into a web
// form, the quotes become part of the published value. No DKIM tag may contain them (they are not
// tag-name characters, and in p= they are not base64), so a strict verifier rejects the key.
// Typographic quotes (from word processors and chat tools) are the same fault in another guise.

/** ASCII quotes and the typographic quotes that word processors substitute for them. */
const QUOTE_CHARS = new Set([
  '"',
  "'",
  '\u201c',
  '\u201d',
  '\u201e',
  '\u201f',
  '\u2018',
  '\u2019',
  '\u00ab',
  '\u00bb',
]);
const TYPOGRAPHIC = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2018', '\u2019', '\u00ab', '\u00bb']);

export interface QuoteRun {
  /** [start, end) of a run of quote characters, with any whitespace between them (`"  "`) */
  span: [number, number];
  /** true when the run holds a typographic (curly) quote */
  typographic: boolean;
}

/**
 * Runs of quote characters in a value: a quote, then any mix of further quotes and whitespace that
 * ends in a quote. `'"v=DKIM1; k=rsa; "  "p=...'` gives three runs: `'"`, `"  "` and `"'`.
 */
export function findQuoteRuns(text: string): QuoteRun[] {
  const runs: QuoteRun[] = [];
  let i = 0;
  while (i < text.length) {
    if (!QUOTE_CHARS.has(text[i])) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    let typographic = TYPOGRAPHIC.has(text[i]);
    let j = end;
    // extend over whitespace only when another quote follows it
    while (j < text.length && (QUOTE_CHARS.has(text[j]) || text[j] === ' ' || text[j] === '\t')) {
      if (QUOTE_CHARS.has(text[j])) {
        end = j + 1;
        if (TYPOGRAPHIC.has(text[j])) typographic = true;
      }
      j++;
    }
    runs.push({ span: [start, end], typographic });
    i = end;
  }
  return runs;
}

/**
 * The value with its quote runs taken out. A run strictly inside the value stood between two
 * pasted zone-file strings, which DNS joins with nothing in between (RFC 6376 §3.6.2.2), so it is
 * removed entirely; the whitespace it held was between the strings, not in them.
 */
export function removeQuoteRuns(text: string, runs: readonly QuoteRun[]): string {
  let out = '';
  let at = 0;
  for (const run of runs) {
    out += text.slice(at, run.span[0]);
    at = run.span[1];
  }
  return (out + text.slice(at)).trim();
}
