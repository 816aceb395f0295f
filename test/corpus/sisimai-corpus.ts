// The Sisimai corpus runner as a module: runs explain() on every sample of
// ../shared/corpus/sisimai and compares the i-th result with the i-th expectation (the matching rule
// of that corpus's README). Shared by `npm run corpus` (run-sisimai.ts) and the ratchet test.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explain } from '../../src/explain.js';
import type { ExplainReport } from '../../src/types.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'sisimai');

/** The fields compared per expected recipient. */
export const FIELDS = ['recipient', 'status', 'replycode', 'reason', 'hardbounce', 'feedbacktype'] as const;
export type Field = (typeof FIELDS)[number];

export interface ExpectedRecipient {
  index: number;
  recipient?: string;
  status: string;
  replycode: string;
  reason: string;
  hardbounce: boolean;
  feedbacktype?: string;
}

export interface CorpusRecord {
  file: string;
  module: string;
  kind: string;
  label?: string;
  expected: ExpectedRecipient[];
  flags?: string[];
}

/** What bouncedoc answered for one expected recipient, in the corpus's field names. */
export interface Answer {
  recipient?: string;
  status?: string;
  replycode?: string;
  reason?: string;
  hardbounce?: boolean;
  feedbacktype?: string;
}

export interface Mismatch {
  file: string;
  module: string;
  index: number;
  field: Field;
  expected: unknown;
  got: unknown;
}

export interface SampleResult {
  file: string;
  module: string;
  kind: string;
  /** bouncedoc's report kind and format, or the one-line error */
  reportKind?: string;
  format?: string;
  error?: string;
  expectedCount: number;
  resultCount: number;
  answers: Answer[];
  mismatches: Mismatch[];
}

/** Agreement counts for one group of samples; `checked` differs per field (recipient and feedbacktype only where given). */
export interface Tally {
  samples: number;
  recipients: number;
  /** samples whose number of results equals the expected number */
  countMatches: number;
  agree: Record<Field, number>;
  checked: Record<Field, number>;
}

export interface CorpusRun {
  overall: Tally;
  byModule: Record<string, Tally>;
  samples: SampleResult[];
  /** the not-a-bounce sample(s) gave kind not-bounce and no result */
  notBounceOk: boolean;
}

export interface RunOptions {
  /** only records whose module equals this (case-insensitive) */
  module?: string;
  /** only records whose file path contains this */
  file?: string;
  /** only records of this corpus kind: lhost, rhost, rfc3464, rfc3834, arf, not-a-bounce */
  kind?: string;
  /** only records without flags (the corpus README calls them the most reliable labels) */
  clean?: boolean;
}

export async function loadRecords(): Promise<CorpusRecord[]> {
  const json = JSON.parse(await readFile(path.join(corpusDir, 'expected.json'), 'utf8')) as {
    records: CorpusRecord[];
  };
  return json.records;
}

export function emptyTally(): Tally {
  const zero = () => Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  return { samples: 0, recipients: 0, countMatches: 0, agree: zero(), checked: zero() };
}

/** Agreement of a field as a fraction (1 when nothing was checked). */
export function rate(t: Tally, field: Field): number {
  return t.checked[field] === 0 ? 1 : t.agree[field] / t.checked[field];
}

function toAnswer(report: ExplainReport, i: number): Answer | undefined {
  const r = report.results[i];
  if (!r) return undefined;
  const a: Answer = {
    recipient: r.recipient,
    status: r.status,
    replycode: r.replyCode,
    reason: r.reason,
    hardbounce: r.hardbounce,
  };
  if (r.feedbackType) a.feedbacktype = r.feedbackType;
  return a;
}

function same(field: Field, expected: unknown, got: unknown): boolean {
  if (field === 'recipient' || field === 'feedbacktype') {
    return typeof got === 'string' && String(expected).toLowerCase() === got.toLowerCase();
  }
  if (field === 'status' || field === 'replycode') return (got ?? '') === expected;
  return got === expected;
}

export async function runSample(rec: CorpusRecord): Promise<SampleResult> {
  const out: SampleResult = {
    file: rec.file,
    module: rec.module,
    kind: rec.kind,
    expectedCount: rec.expected.length,
    resultCount: 0,
    answers: [],
    mismatches: [],
  };
  let report: ExplainReport | undefined;
  try {
    report = await explain(await readFile(path.join(corpusDir, rec.file)));
    out.reportKind = report.kind;
    out.format = report.format;
    out.resultCount = report.results.length;
  } catch (err) {
    out.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  rec.expected.forEach((exp, i) => {
    const got = report ? toAnswer(report, i) : undefined;
    out.answers.push(got ?? {});
    for (const field of FIELDS) {
      if (exp[field] === undefined) continue;
      if (!got || !same(field, exp[field], got[field])) {
        out.mismatches.push({
          file: rec.file,
          module: rec.module,
          index: i + 1,
          field,
          expected: exp[field],
          got: got?.[field],
        });
      }
    }
  });
  return out;
}

function add(t: Tally, rec: CorpusRecord, s: SampleResult): void {
  t.samples++;
  t.recipients += rec.expected.length;
  if (s.resultCount === rec.expected.length) t.countMatches++;
  rec.expected.forEach((exp, i) => {
    for (const field of FIELDS) {
      if (exp[field] === undefined) continue;
      t.checked[field]++;
      if (!s.mismatches.some((m) => m.index === i + 1 && m.field === field)) t.agree[field]++;
    }
  });
}

export async function runCorpus(options: RunOptions = {}): Promise<CorpusRun> {
  const records = (await loadRecords()).filter(
    (r) =>
      (!options.module || r.module.toLowerCase() === options.module.toLowerCase()) &&
      (!options.file || r.file.includes(options.file)) &&
      (!options.kind || r.kind === options.kind) &&
      (!options.clean || !r.flags || r.flags.length === 0),
  );
  const run: CorpusRun = { overall: emptyTally(), byModule: {}, samples: [], notBounceOk: true };
  for (const rec of records) {
    const s = await runSample(rec);
    run.samples.push(s);
    add(run.overall, rec, s);
    run.byModule[rec.module] ??= emptyTally();
    add(run.byModule[rec.module], rec, s);
    if (rec.kind === 'not-a-bounce' && (s.reportKind !== 'not-bounce' || s.resultCount !== 0))
      run.notBounceOk = false;
  }
  return run;
}
