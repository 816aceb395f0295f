// Terminal output for a person: per recipient the summary label, the key fields and the advice.
import { feedbackTypeOf } from '../classify/feedback-types.js';
import { isPseudoStatus } from '../classify/reasons.js';
import type {
  BounceType,
  DeliveryStage,
  Diagnosis,
  ExplainReport,
  Reason,
  RecipientResult,
} from '../types.js';
import { isErrorReport, type ReportOrError } from './json.js';
import { type Paint, paintFor } from './paint.js';
import { printableDeep, shorten } from './printable.js';
import { stepsBesideCause } from './steps.js';

/** The server's words are cut here for a person (a hostile bounce may carry megabytes). */
export const MAX_SHOWN_CHARS = 2000;

export interface TextOptions {
  /** colour on (a TTY without NO_COLOR); the caller decides */
  color: boolean;
}

const KIND_LABEL: Record<ExplainReport['kind'], string> = {
  bounce: 'bounce',
  delay: 'delay notice (the server is still trying)',
  feedback: 'feedback report (no complaint)',
  autoreply: 'automatic reply (not a bounce)',
  'not-bounce': 'not a bounce',
  'reply-text': 'SMTP reply',
};

/**
 * The report's heading. A bounce may still be retried for some of its recipients (RFC 3464 allows
 * Action: failed and Action: delayed in one report), and a delay notice built by a caller may hold
 * a recipient the server gave up on: the heading then says both, as the type lines and the advice
 * do (Advice.stage), instead of "bounce" or "still trying" alone.
 */
function kindLabel(report: ExplainReport): string {
  if (report.kind === 'feedback' && report.results.some((r) => r.bounceType === 'hard'))
    return 'complaint (feedback report)';
  if (report.kind !== 'delay' && report.kind !== 'bounce') return KIND_LABEL[report.kind];
  // a report of successful deliveries only (RFC 3461 NOTIFY=SUCCESS, an ESP's delivery event)
  if (report.results.length > 0 && report.results.every((r) => r.reason === 'delivered'))
    return 'delivery report: delivered, not a bounce';
  const final = report.results.some((r) => r.advice.stage === 'final');
  const retrying = report.results.some((r) => r.advice.stage === 'retrying');
  if (final && retrying)
    return 'bounce for some recipients; delay notice for others (the server is still trying them)';
  if (report.kind === 'delay' && final) return 'delay notice (the server has stopped trying)';
  return KIND_LABEL[report.kind];
}

const TYPE_LABEL: Record<BounceType, string> = {
  hard: 'hard bounce: the address does not work',
  soft: 'soft bounce: temporary',
  block: 'blocked: the message or sender was refused; keep the address',
};

/** A soft cause by where the delivery stands (Advice.stage); an open stage keeps TYPE_LABEL.soft. */
const SOFT_LABEL_BY_STAGE: Partial<Record<DeliveryStage, string>> = {
  // a delay notice (RFC 3464 Action: delayed): the sending server keeps the message and tries again
  retrying: 'soft: temporary, the server is still trying',
  // a final bounce (Action: failed) or a bare 5xx reply: the sending server has given up
  final: 'soft bounce: the server has stopped trying; send again later, once the cause is gone',
};

/**
 * Results whose bounce type is a decision about the address rather than a bounce of it: the words
 * say what is true. (The values stay: a complaint and a suspended or suppressed address are
 * suppressed like a hard bounce, while Sisimai's hardbounce - "the address is dead" - is false.)
 */
const REASON_TYPE_LABEL: Partial<Record<Reason, string>> = {
  vacation: 'automatic reply: not a bounce, the message was delivered',
  delivered: 'delivered: not a bounce',
  suspend: 'suppress for now: the mailbox exists but is disabled',
  suppressed: 'not tried: the address is on a suppression list',
};

/** The type line of a feedback report, by its type (classify/feedback-types.ts): only some are complaints. */
const FEEDBACK_TYPE_LABEL: Record<string, string> = {
  abuse: 'complaint: stop sending to this address (it works; the person complained)',
  'opt-out': 'unsubscribe request: stop sending this mail to this address',
  fraud: 'fraud report: not a bounce; keep the address, find who sent the message',
  virus: 'virus report: not a bounce; keep the address, clean the message',
  'auth-failure': 'authentication failure report: not a bounce; keep the address, fix SPF/DKIM/DMARC',
  'not-spam': 'not-spam report: not a bounce; keep the address',
  other: 'feedback report: not a bounce and no complaint; keep the address',
};

/**
 * The type line: what the bounce type means for this result, and for a soft cause where the
 * delivery stands - as the advise stage decided it (Advice.stage), never decided again here.
 */
function typeLabel(r: RecipientResult): string {
  if (r.reason === 'feedback')
    return FEEDBACK_TYPE_LABEL[feedbackTypeOf(r.feedbackType)] ?? FEEDBACK_TYPE_LABEL.other;
  const byReason = REASON_TYPE_LABEL[r.reason];
  // (a suspended mailbox in a transient reply is a soft bounce like any other: X.2.1 is permanent
  // or temporary by the reply's class, RFC 3463)
  if (byReason && !(r.reason === 'suspend' && r.bounceType === 'soft')) return byReason;
  const bySoftStage = r.bounceType === 'soft' ? SOFT_LABEL_BY_STAGE[r.advice.stage] : undefined;
  return bySoftStage ?? TYPE_LABEL[r.bounceType];
}

function paintType(c: Paint, t: BounceType, s: string): string {
  return t === 'hard' ? c.red(s) : t === 'soft' ? c.yellow(s) : c.magenta(s);
}

function field(c: Paint, name: string, value: string | undefined): string {
  return value ? `  ${c.dim(`${name}:`.padEnd(16))}${value}\n` : '';
}

/** An inferred status (no enhanced status in the bounce) is marked so; JSON keeps the bare value. */
export const INFERRED_MARK = '(inferred, not from the server)';

function statusText(r: RecipientResult): string {
  // (a server whose own words carry the code did send it)
  const inferred = isPseudoStatus(r.status) && !r.diagnosticCode?.includes(r.status);
  return inferred ? `${r.status} ${INFERRED_MARK}` : r.status;
}

function recipientText(c: Paint, r: RecipientResult, kind: ExplainReport['kind']): string {
  let out = `\n${c.bold(paintType(c, r.bounceType, r.advice.summary))}\n`;
  out += field(c, 'recipient', r.recipient || '(not named)');
  const codes = [statusText(r), r.replyCode].filter(Boolean).join(' / ');
  out += field(c, 'status', codes);
  const counted = kind === 'bounce' || kind === 'reply-text' || kind === 'delay';
  // (a complaint is named as one in a feedback report too; an auto-reply's heading says what it is)
  const typed = counted || r.reason === 'feedback';
  out += field(c, 'type', typed ? typeLabel(r) : undefined);
  out += field(c, 'reason', `${r.reason} (${r.category}); to act: ${r.party}`);
  out += field(c, 'feedback', r.feedbackType);
  out += field(c, 'server said', r.diagnosticCode && shorten(r.diagnosticCode, MAX_SHOWN_CHARS));
  out += field(c, 'at stage', r.smtpCommand);
  out += field(c, 'remote server', r.remoteMta);
  out += field(c, 'provider', r.provider);
  out += field(c, 'ESP label', r.espLabel);
  if (r.note) out += `  ${c.yellow('note:')} ${r.note}\n`;
  // the root cause's fix is printed with the root cause below: not a second time as a step
  const steps = stepsBesideCause(r);
  if (steps.length > 0) {
    out += `  ${c.dim('what to do:')}\n`;
    steps.forEach((s, i) => {
      out += `    ${i + 1}. ${s}\n`;
    });
  }
  const retry = r.advice.retry.advised ? c.green('retry: yes') : 'retry: no';
  out += `  ${retry}${r.advice.retry.when ? ` (${r.advice.retry.when})` : ''}\n`;
  if (r.diagnosis) out += diagnosisText(c, r.diagnosis);
  return out;
}

/** The chain's root cause, the one fix and the corrected record, then what was (not) checked. */
function diagnosisText(c: Paint, d: Diagnosis): string {
  // how sure the cause is: "likely" sends the reader to the "not checked" line below
  const heading = d.confidence ? `root cause (${d.confidence}):` : 'root cause:';
  let out = `  ${c.bold(c.yellow(heading))} ${d.rootCause}\n`;
  out += `  ${c.bold('fix:')} ${d.fix}\n`;
  if (d.correctedRecord) {
    out += `  ${c.dim('corrected record for')} ${d.correctedRecord.name}:\n`;
    if (d.correctedRecord.record) out += `    ${c.red('- ')}${d.correctedRecord.record}\n`;
    out += `    ${c.green('+ ')}${c.green(d.correctedRecord.fixed)}\n`;
  }
  d.steps.forEach((s, i) => {
    out += `    ${c.dim(`${i + 1}.`)} ${s}\n`;
  });
  if (d.checked.length > 0) out += `  ${c.dim(`checked: ${d.checked.join('; ')}`)}\n`;
  if (d.notChecked.length > 0) out += `  ${c.dim(`not checked: ${d.notChecked.join('; ')}`)}\n`;
  return out;
}

function reportText(c: Paint, report: ReportOrError, many: boolean): string {
  if (isErrorReport(report)) return `${c.bold(report.source)}: ${c.red(`error: ${report.error}`)}\n`;
  let out = many && report.source ? `${c.bold(report.source)}\n` : '';
  out += `${c.cyan(kindLabel(report))}${report.format && report.format !== 'none' ? c.dim(` (${report.format})`) : ''}\n`;
  if (report.original) {
    const o = report.original;
    const line = [o.from && `from ${o.from}`, o.to && `to ${o.to}`, o.subject && `"${o.subject}"`]
      .filter(Boolean)
      .join(', ');
    if (line) out += `${c.dim('original message:')} ${line}\n`;
  }
  if (report.kind === 'not-bounce') {
    // a report's own note (e.g. "JSON, but no known ESP payload") says more than the generic line
    if (report.note) out += `${report.note}\n`;
    else
      out +=
        report.format === 'reply-text'
          ? 'No SMTP reply (a code such as 550 5.1.1) was found in this text.\n'
          : 'This message is not a delivery report: there is no failed recipient to explain.\n';
  } else if (report.note) out += `${c.yellow('note:')} ${report.note}\n`;
  if (report.truncated) out += `${c.yellow('note:')} ${report.truncated}\n`;
  for (const r of report.results) out += recipientText(c, r, report.kind);
  return out;
}

export function formatText(reports: ReportOrError[], options: TextOptions): string {
  const c = paintFor(options.color);
  const many = reports.length > 1;
  // every string from the bounce or from DNS is made terminal-safe before the colours are added
  return reports.map((r) => reportText(c, printableDeep(r), many)).join(many ? '\n' : '');
}
