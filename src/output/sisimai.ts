// Sisimai-compatible JSON: one flat record per recipient with Sisimai's field names, so that users of
// Sisimai's `dump` / JSON output can switch. Field meanings follow Sisimai's documented data structure
// (sisimai.org "Data structure of Sisimai::Fact"); values come from bouncedoc's own report.
import type { ExplainReport, RecipientResult } from '../types.js';

export interface SisimaiRecord {
  action: string;
  addresser: string;
  alias: string;
  catch: null;
  deliverystatus: string;
  destination: string;
  diagnosticcode: string;
  diagnostictype: string;
  feedbacktype: string;
  hardbounce: boolean;
  lhost: string;
  listid: string;
  messageid: string;
  origin: string;
  reason: string;
  recipient: string;
  replycode: string;
  rhost: string;
  senderdomain: string;
  smtpagent: string;
  smtpcommand: string;
  subject: string;
  timestamp: number;
  timezoneoffset: string;
}

const ADDRESS = /[^\s<>()"',;:@]{1,256}@[A-Za-z0-9.-]{1,256}/;

function address(value: string | undefined): string {
  const m = ADDRESS.exec(value ?? '');
  return m ? m[0].toLowerCase() : '';
}

function domainOf(addr: string): string {
  const at = addr.lastIndexOf('@');
  return at < 0 ? '' : addr.slice(at + 1);
}

/** Unix time and "+hhmm" offset of an RFC 5322 date; 0 and "+0000" when absent or unreadable. */
function time(date: string | undefined): { timestamp: number; offset: string } {
  // the trailing "(comment)" is found from its "(" (a leading \s* would rescan long blank runs)
  const ms = date ? Date.parse(date.replace(/\([^)]{0,64}\)\s*$/, '')) : Number.NaN;
  const off = /\s([+-]\d{4})\b/.exec(date ?? '');
  return { timestamp: Number.isNaN(ms) ? 0 : Math.floor(ms / 1000), offset: off ? off[1] : '+0000' };
}

function record(report: ExplainReport, r: RecipientResult): SisimaiRecord {
  const addresser = address(report.original?.from);
  const recipient = r.recipient.toLowerCase();
  // (Sisimai too takes the bounce's own date when the returned message has none)
  const { timestamp, offset } = time(r.lastAttemptDate ?? report.original?.date ?? report.date);
  return {
    action: r.action ?? '',
    addresser,
    alias: r.originalRecipient && r.originalRecipient.toLowerCase() !== recipient ? r.originalRecipient : '',
    catch: null,
    deliverystatus: r.status,
    destination: domainOf(recipient),
    diagnosticcode: r.diagnosticCode ?? '',
    // Sisimai names the kind of diagnostic ("SMTP" for a server reply, "MAILER" for a local mailer).
    diagnostictype: r.replyCode ? 'SMTP' : '',
    feedbacktype: r.feedbackType ?? '',
    hardbounce: r.hardbounce,
    lhost: r.reportingMta ?? report.reportingMta ?? '',
    listid: '',
    messageid: (report.original?.messageId ?? '').replace(/^<|>$/g, ''),
    origin: report.source ?? '',
    reason: r.reason,
    recipient,
    replycode: r.replyCode,
    rhost: r.remoteMta ?? '',
    senderdomain: domainOf(addresser),
    smtpagent: report.format,
    smtpcommand: r.smtpCommand ?? '',
    subject: report.original?.subject ?? '',
    timestamp,
    timezoneoffset: offset,
  };
}

/** All recipients of all reports, flattened, as Sisimai does. */
export function toSisimai(reports: ExplainReport[]): SisimaiRecord[] {
  return reports.flatMap((report) => report.results.map((r) => record(report, r)));
}

export function formatSisimai(reports: ExplainReport[]): string {
  return `${JSON.stringify(toSisimai(reports), null, 2)}\n`;
}
