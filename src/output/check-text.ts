// `bouncedoc check` for a person: each record, each finding with the faulty characters marked
// under an excerpt of the record, the fix, and the corrected record to paste.
import type { CorrectedRecord, DomainCheck, DomainFinding } from '../auth/domain.js';
import { markSpans, type Verdict } from '../auth/findings.js';
import type { SpfLookupNode } from '../auth/spf/index.js';
import type { Finding } from '../types.js';
import { noPaint, type Paint, paintSeverity } from './paint.js';
import { printableDeep } from './printable.js';

/** The severity labels, padded to one width so that the messages line up. */
const LABEL: Record<Finding['severity'], string> = { error: 'error  ', warning: 'warning', info: 'note   ' };

const VERDICT_WORDS: Record<Verdict, string> = {
  ok: 'ok',
  warnings: 'warnings',
  errors: 'errors',
  'could-not-check': 'could not check',
  missing: 'missing',
};

/** Characters of record shown on each side of a mark; the rest is cut ("…"). */
const WINDOW = 36;
const INDENT = '    ';

export function formatCheckText(check: DomainCheck, paint: Paint = noPaint): string {
  // DNS data is attacker-controlled: terminal-safe before painting (same lengths, so spans hold)
  const r = printableDeep(check);
  const out: string[] = [];
  const verdict = (v: Verdict) => {
    const w = VERDICT_WORDS[v];
    if (v === 'errors') return paint.red(w);
    if (v === 'warnings' || v === 'could-not-check' || v === 'missing') return paint.yellow(w);
    return paint.green(w);
  };
  if (!r.exists) {
    // nothing else was asked (RFC 8020): one line says it, the finding says what to do
    out.push(`${paint.bold(r.domain)}: ${paint.red('does not exist in DNS (NXDOMAIN)')}`);
    printFindings(out, paint, r.findings);
    out.push('');
    out.push(paint.dim(`${r.dns.queries} DNS ${r.dns.queries === 1 ? 'query' : 'queries'}, ${r.checkedAt}`));
    return `${out.join('\n')}\n`;
  }
  out.push(`${paint.bold(r.domain)}: ${verdict(r.verdict)}`);
  out.push(
    paint.dim(
      `  DMARC ${VERDICT_WORDS[r.verdicts.dmarc]} · SPF ${VERDICT_WORDS[r.verdicts.spf]} · DKIM ${VERDICT_WORDS[r.verdicts.dkim]} · MX ${VERDICT_WORDS[r.verdicts.mx]}`,
    ),
  );

  // DMARC
  const dmarcWhere = r.dmarc.location ? `_dmarc.${r.dmarc.location}` : `_dmarc.${r.domain}`;
  section(out, paint, 'DMARC', dmarcWhere, verdict(r.verdicts.dmarc));
  const dmarcRecord = r.dmarc.record ?? r.dmarc.lint?.record;
  if (dmarcRecord) out.push(`${INDENT}${dmarcRecord}`);
  if (r.dmarc.policy && r.dmarc.status === 'found') {
    const from =
      r.dmarc.source === 'author'
        ? 'its own record'
        : `${r.dmarc.source} record at _dmarc.${r.dmarc.location}`;
    out.push(paint.dim(`${INDENT}policy in force: p=${r.dmarc.policy.p ?? 'none'} (from ${from})`));
  }
  findingsOf(out, paint, r.findings, 'dmarc');
  printCorrected(
    out,
    paint,
    r.corrected.filter((c) => c.check === 'dmarc'),
  );

  // SPF
  section(out, paint, 'SPF', r.domain, verdict(r.verdicts.spf));
  for (const rec of r.spf.records) out.push(`${INDENT}${rec.text}`);
  if (r.spf.records.length > 0)
    out.push(
      paint.dim(`${INDENT}DNS lookups: ${r.spf.lookups} of 10, void lookups: ${r.spf.voidLookups} of 2`),
    );
  if (r.spf.tree && r.spf.tree.children.length > 0) printTree(out, paint, r.spf.tree.children, `${INDENT}  `);
  findingsOf(out, paint, r.findings, 'spf');
  printCorrected(
    out,
    paint,
    r.corrected.filter((c) => c.check === 'spf'),
  );

  // DKIM
  if (r.dkim.length === 0) {
    const what = r.dkimSelectors.probed ? `${r.dkimSelectors.tried} common selectors tried` : 'no selector';
    section(out, paint, 'DKIM', what, verdict(r.verdicts.dkim));
  }
  for (const sel of r.dkim) {
    section(out, paint, 'DKIM', sel.name, verdict(sel.verdict));
    for (const rec of sel.records) out.push(`${INDENT}${rec}`);
    const key = sel.key?.key.publicKey;
    if (key?.type) out.push(paint.dim(`${INDENT}key: ${key.type}${key.bits ? ` ${key.bits} bits` : ''}`));
    printFindings(out, paint, sel.findings);
    printCorrected(
      out,
      paint,
      r.corrected.filter((c) => c.check === 'dkim' && c.name === sel.name),
    );
  }
  findingsOf(
    out,
    paint,
    r.findings.filter(
      (f) => f.check === 'dkim' && !r.dkim.some((s) => s.findings.some((x) => sameFinding(x, f))),
    ),
    'dkim',
  );

  // MX
  section(out, paint, 'MX', r.domain, verdict(r.verdicts.mx));
  for (const h of r.mx.records) out.push(`${INDENT}${h.priority} ${h.exchange || '.'}`);
  for (const h of r.mx.hosts) {
    if (h.addresses.length > 0) out.push(paint.dim(`${INDENT}${h.exchange}: ${h.addresses.join(', ')}`));
  }
  findingsOf(out, paint, r.findings, 'mx');
  printCorrected(
    out,
    paint,
    r.corrected.filter((c) => c.check === 'mx'),
  );
  findingsOf(out, paint, r.findings, 'domain');

  out.push('');
  out.push(paint.dim(`${r.dns.queries} DNS queries, ${r.checkedAt}`));
  return `${out.join('\n')}\n`;
}

/** The SPF lookup tree: each DNS-querying term with the running count; past 10 in red. */
function printTree(out: string[], paint: Paint, nodes: readonly SpfLookupNode[], indent: string): void {
  for (const n of nodes) {
    const count = `${n.runningTotal}`.padStart(2);
    const over = n.runningTotal > 10;
    const note = n.loop
      ? ' (loop)'
      : n.void
        ? ' (void lookup)'
        : n.status && n.status !== 'NOERROR'
          ? ` (${n.status})`
          : '';
    out.push(`${indent}${over ? paint.red(count) : paint.dim(count)}  ${n.term}${paint.dim(note)}`);
    printTree(out, paint, n.children, `${indent}    `);
  }
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.code === b.code && a.message === b.message;
}

function section(out: string[], paint: Paint, title: string, where: string, verdict: string): void {
  out.push('');
  out.push(`${paint.bold(title.padEnd(6))}${where}  ${verdict}`);
}

function findingsOf(
  out: string[],
  paint: Paint,
  findings: readonly DomainFinding[],
  check: DomainFinding['check'],
): void {
  printFindings(
    out,
    paint,
    findings.filter((f) => f.check === check),
  );
}

function printFindings(out: string[], paint: Paint, findings: readonly Finding[]): void {
  for (const f of findings) {
    out.push(
      `  ${paintSeverity(paint, f.severity, LABEL[f.severity])} ${f.message} ${paint.dim(`[${f.code}]`)}`,
    );
    if (f.record !== undefined && f.span) out.push(...excerpt(f.record, f.span, paint, f.severity));
    // several records at one name (each on its own line) are the fault itself: show them
    else if (f.record?.includes('\n')) for (const line of f.record.split('\n')) out.push(`${INDENT}${line}`);
    if (f.fix) out.push(`${INDENT}${paint.dim('fix:')} ${f.fix}`);
  }
}

function printCorrected(out: string[], paint: Paint, corrected: readonly CorrectedRecord[]): void {
  for (const c of corrected) {
    out.push(`  ${paint.green('corrected record')} ${paint.dim(`for ${c.name}:`)}`);
    out.push(`${INDENT}${paint.green(c.fixed)}`);
  }
}

/** The record around a span, with a caret line under the marked characters. */
function excerpt(
  record: string,
  span: [number, number],
  paint: Paint,
  severity: Finding['severity'],
): string[] {
  // pieces of the record to show: around the span, and of a long span only its two ends
  const [s0, s1] = span;
  const from = Math.max(0, s0 - WINDOW);
  const to = Math.min(record.length, s1 + WINDOW);
  const long = s1 - s0 > WINDOW * 2;
  const pieces: Array<[number, number]> = long
    ? [
        [from, s0 + 12],
        [s1 - 12, to],
      ]
    : [[from, to]];
  const colour = severity === 'error' ? paint.red : paint.yellow;
  let line = from > 0 ? paint.dim('…') : '';
  let carets = from > 0 ? ' ' : '';
  for (const [i, [a, b]] of pieces.entries()) {
    if (i > 0) {
      line += paint.dim('…');
      carets += '^';
    }
    const { text, marks } = markSpans(record.slice(a, b), [[s0 - a, s1 - a]]);
    const chars = Array.from(text);
    // runs of marked and unmarked characters, so that each run is coloured once
    let run = '';
    let runMarked = false;
    const flush = () => {
      line += runMarked ? paint.underline(colour(run)) : run;
      run = '';
    };
    for (let k = 0; k < chars.length; k++) {
      const marked = marks[k] === '^';
      if (marked !== runMarked) flush();
      runMarked = marked;
      run += chars[k];
      carets += marked ? '^' : ' ';
    }
    flush();
    // an empty span (an insertion point) marks the place after the piece
    if (s0 === s1 && marks.length > chars.length) carets += '^';
  }
  if (to < record.length) line += paint.dim('…');
  return [`${INDENT}${line}`, `${INDENT}${colour(carets.trimEnd())}`];
}
