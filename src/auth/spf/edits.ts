// Text edits over a record: the linter collects them while finding faults and applies them all
// at once to propose the corrected record.

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** Apply non-overlapping edits (later ones that overlap an earlier one are dropped). */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Collapse runs of spaces and trim, as a corrected record should read. */
export function tidySpaces(text: string): string {
  return text.replace(/ {2,}/g, ' ').trim();
}

/** Map an offset in applyEdits(text, edits) back to the matching offset in `text`. */
export function mapBack(pos: number, edits: Edit[]): number {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let shift = 0; // output offset minus input offset so far
  let lastEnd = 0;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    const outStart = e.start + shift;
    if (pos < outStart) break;
    if (pos < outStart + e.replacement.length) return e.start;
    shift += e.replacement.length - (e.end - e.start);
    lastEnd = e.end;
  }
  return pos - shift;
}
