// Hostile or broken records can repeat one fault thousands of times (4,000 "rua=" tags, 200
// includes that loop). Each finding carries the whole record, so the result grew to hundreds of
// megabytes of JSON. A person needs the first few places and the count: the rest of one code is
// folded into the last kept finding's message. Findings are values, so nothing is thrown away
// silently: the count says how many more there were.

/** At most this many findings of one code are kept. */
export const MAX_FINDINGS_PER_CODE = 10;

export function capRepeatedFindings<F extends { code: string; message: string }>(
  findings: readonly F[],
  max = MAX_FINDINGS_PER_CODE,
): F[] {
  const total = new Map<string, number>();
  for (const f of findings) total.set(f.code, (total.get(f.code) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: F[] = [];
  for (const f of findings) {
    const n = (seen.get(f.code) ?? 0) + 1;
    seen.set(f.code, n);
    if (n > max) continue;
    const all = total.get(f.code) ?? 0;
    out.push(
      n === max && all > max
        ? { ...f, message: `${f.message} (and ${all - max} more like it, not listed)` }
        : f,
    );
  }
  return out;
}
