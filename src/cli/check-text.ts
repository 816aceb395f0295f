// `bouncedoc check` for a person: each record, each finding with the faulty characters marked
// under an excerpt of the record, the fix, and the corrected record to paste.
import type { DomainCheck, DomainFinding } from '../auth/domain.js';
import { markSpans, type Verdict } from '../auth/findings.js';
import type { Finding } from '../types.js';

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const plain: Paint = { red: id, yellow: id, green: id, dim: id, bold: id, underline: id };
function id(s: string): string {
  return s;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  ok: 'ok',
  warnings: 'warnings',
  errors: 'errors',
  'could-not-check': 'could not check',
  missing: 'missing',
};

/** Characters of record shown around a mark; longer records are cut to this window. */
const WINDOW = 36;
const INDENT = '    ';

export function formatCheckText(r: DomainCheck, paint: Paint = plain): string {
  const out: string[] = [];
  const verdict = (v: Verdict) => {
    const w = VERDICT_WORDS[v];
    if (v === 'errors') return paint.red(w);
    if (v === 'warnings' || v === 'could-not-check' || v === 'missing') return paint.yellow(w);
    return paint.green(w);
  };
  out.push(`${paint.bold(r.domain)}: ${verdict(r.verdict)}`);
  out.push(
    paint.dim(
      `  DMARC ${VERDICT_WORDS[r.verdicts.dmarc]} · SPF ${VERDICT_WORDS[r.verdicts.spf]} · DKIM ${VERDICT_WORDS[r.verdicts.dkim]} · MX ${VERDICT_WORDS[r.verdicts.mx]}`,
    ),
  );

  // DMARC
  const dmarcWhere = r.dmarc.location ? `_dmarc.${r.dmarc.location}` : `_dmarc.${r.domain}`;
  section(out, paint, 'DMARC', dmarcWhere, verdict(r.verdicts.dmarc));
  if (r.dmarc.record) out.push(`${INDENT}${r.dmarc.record}`);
  if (r.dmarc.policy && r.dmarc.status === 'found') {
    const from = r.dmarc.source === 'author' ? 'its own record' : `${r.dmarc.source} record at _dmarc.${r.dmarc.location}`;
    out.push(paint.dim(`${INDENT}policy in force: p=${r.dmarc.policy.p ?? 'none'} (from ${from})`));
  }
  findingsOf(out, paint, r.findings, 'dmarc');

  // SPF
  section(out, paint, 'SPF', r.domain, verdict(r.verdicts.spf));
  for (const rec of r.spf.records) out.push(`${INDENT}${rec.text}`);
  if (r.spf.records.length > 0) out.push(paint.dim(`${INDENT}DNS lookups: ${r.spf.lookups} of 10, void lookups: ${r.spf.voidLookups} of 2`));
  findingsOf(out, paint, r.findings, 'spf');

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
  }
  findingsOf(
    out,
    paint,
    r.findings.filter((f) => f.check === 'dkim' && !r.dkim.some((s) => s.findings.some((x) => sameFinding(x, f)))),
    'dkim',
  );

  // MX
  section(out, paint, 'MX', r.domain, verdict(r.verdicts.mx));
  for (const h of r.mx.records) out.push(`${INDENT}${h.priority} ${h.exchange || '.'}`);
  for (const h of r.mx.hosts) {
    if (h.addresses.length > 0) out.push(paint.dim(`${INDENT}${h.exchange}: ${h.addresses.join(', ')}`));
  }
  findingsOf(out, paint, r.findings, 'mx');
  findingsOf(out, paint, r.findings, 'domain');

  out.push('');
  out.push(paint.dim(`${r.dns.queries} DNS queries, ${r.checkedAt}`));
  return `${out.join('\n')}\n`;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.code === b.code && a.message === b.message;
}

function section(out: string[], paint: Paint, title: string, where: string, verdict: string): void {
  out.push('');
  out.push(`${paint.bold(title.padEnd(6))}${where}  ${verdict}`);
}

function findingsOf(out: string[], paint: Paint, findings: readonly DomainFinding[], check: DomainFinding['check']): void {
  printFindings(
    out,
    paint,
    findings.filter((f) => f.check === check),
  );
}

function printFindings(out: string[], paint: Paint, findings: readonly Finding[]): void {
  const fixedShown = new Set<string>();
  for (const f of findings) {
    const label =
      f.severity === 'error' ? paint.red('error  ') : f.severity === 'warning' ? paint.yellow('warning') : paint.dim('note   ');
    out.push(`  ${label} ${f.message} ${paint.dim(`[${f.code}]`)}`);
    if (f.record !== undefined && f.span) out.push(...excerpt(f.record, f.span, paint, f.severity));
    if (f.fix) out.push(`${INDENT}${paint.dim('fix:')} ${f.fix}`);
    if (f.fixed && !fixedShown.has(f.fixed)) {
      fixedShown.add(f.fixed);
      out.push(`${INDENT}${paint.dim('corrected record:')}`);
      out.push(`${INDENT}  ${paint.green(f.fixed)}`);
    }
  }
}

/** The record around a span, with a caret line under the marked characters. */
function excerpt(record: string, span: [number, number], paint: Paint, severity: Finding['severity']): string[] {
  let start = 0;
  let end = record.length;
  if (record.length > WINDOW * 2 + 20) {
    start = Math.max(0, span[0] - WINDOW);
    end = Math.min(record.length, span[1] + WINDOW);
  }
  const before = start > 0 ? '…' : '';
  const after = end < record.length ? '…' : '';
  const piece = record.slice(start, end);
  const local: [number, number] = [span[0] - start, span[1] - start];
  const { text, marks } = markSpans(piece, [local]);
  const colour = severity === 'error' ? paint.red : paint.yellow;
  // colour the marked characters themselves too (mark columns equal text columns)
  const chars = Array.from(text);
  let shown = '';
  for (let i = 0; i < chars.length; i++) shown += marks[i] === '^' ? paint.underline(colour(chars[i])) : chars[i];
  return [`${INDENT}${paint.dim(before)}${shown}${paint.dim(after)}`, `${INDENT}${' '.repeat(before.length)}${colour(marks)}`];
}
