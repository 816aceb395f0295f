// Enhanced mail system status codes (RFC 3463) as data, with the later additions that the IANA
// "SMTP Enhanced Status Codes" registry lists (RFC 3886, 4468, 4954, 5248, 6531, 6710, 7293,
// 7372, 7505, 8617, 8689). A code is class.subject.detail; the detail is 1-3 digits.

export type StatusClass = '2' | '4' | '5';

/** RFC 3463 section 3.1: the class says whether the failure is transient or permanent. */
export const STATUS_CLASSES: Record<StatusClass, string> = {
  '2': 'Success',
  '4': 'Persistent transient failure',
  '5': 'Permanent failure',
};

/** RFC 3463 section 3.2: the subject says where the problem lies. */
export const STATUS_SUBJECTS: Record<string, string> = {
  '0': 'Other or undefined status',
  '1': 'Addressing status',
  '2': 'Mailbox status',
  '3': 'Mail system status',
  '4': 'Network and routing status',
  '5': 'Mail delivery protocol status',
  '6': 'Message content or media status',
  '7': 'Security or policy status',
};

/** Subject.detail -> meaning (RFC 3463 section 3.3 onwards, plus the registry's later entries). */
export const STATUS_DETAILS: Record<string, { meaning: string; source: string }> = {
  '0.0': { meaning: 'Other undefined status', source: 'RFC 3463' },
  '1.0': { meaning: 'Other address status', source: 'RFC 3463' },
  '1.1': { meaning: 'Bad destination mailbox address', source: 'RFC 3463' },
  '1.2': { meaning: 'Bad destination system address', source: 'RFC 3463' },
  '1.3': { meaning: 'Bad destination mailbox address syntax', source: 'RFC 3463' },
  '1.4': { meaning: 'Destination mailbox address ambiguous', source: 'RFC 3463' },
  '1.5': { meaning: 'Destination address valid', source: 'RFC 3463' },
  '1.6': { meaning: 'Destination mailbox has moved, no forwarding address', source: 'RFC 3463' },
  '1.7': { meaning: "Bad sender's mailbox address syntax", source: 'RFC 3463' },
  '1.8': { meaning: "Bad sender's system address", source: 'RFC 3463' },
  '1.9': { meaning: 'Message relayed to non-compliant mailer', source: 'RFC 3886' },
  '1.10': { meaning: 'Recipient address has null MX', source: 'RFC 7505' },
  '2.0': { meaning: 'Other or undefined mailbox status', source: 'RFC 3463' },
  '2.1': { meaning: 'Mailbox disabled, not accepting messages', source: 'RFC 3463' },
  '2.2': { meaning: 'Mailbox full', source: 'RFC 3463' },
  '2.3': { meaning: 'Message length exceeds administrative limit', source: 'RFC 3463' },
  '2.4': { meaning: 'Mailing list expansion problem', source: 'RFC 3463' },
  '3.0': { meaning: 'Other or undefined mail system status', source: 'RFC 3463' },
  '3.1': { meaning: 'Mail system full', source: 'RFC 3463' },
  '3.2': { meaning: 'System not accepting network messages', source: 'RFC 3463' },
  '3.3': { meaning: 'System not capable of selected features', source: 'RFC 3463' },
  '3.4': { meaning: 'Message too big for system', source: 'RFC 3463' },
  '3.5': { meaning: 'System incorrectly configured', source: 'RFC 3463' },
  '3.6': { meaning: 'Requested priority was changed', source: 'RFC 6710' },
  '4.0': { meaning: 'Other or undefined network or routing status', source: 'RFC 3463' },
  '4.1': { meaning: 'No answer from host', source: 'RFC 3463' },
  '4.2': { meaning: 'Bad connection', source: 'RFC 3463' },
  '4.3': { meaning: 'Directory server failure', source: 'RFC 3463' },
  '4.4': { meaning: 'Unable to route', source: 'RFC 3463' },
  '4.5': { meaning: 'Mail system congestion', source: 'RFC 3463' },
  '4.6': { meaning: 'Routing loop detected', source: 'RFC 3463' },
  '4.7': { meaning: 'Delivery time expired', source: 'RFC 3463' },
  '5.0': { meaning: 'Other or undefined protocol status', source: 'RFC 3463' },
  '5.1': { meaning: 'Invalid command', source: 'RFC 3463' },
  '5.2': { meaning: 'Syntax error', source: 'RFC 3463' },
  '5.3': { meaning: 'Too many recipients', source: 'RFC 3463' },
  '5.4': { meaning: 'Invalid command arguments', source: 'RFC 3463' },
  '5.5': { meaning: 'Wrong protocol version', source: 'RFC 3463' },
  '5.6': { meaning: 'Authentication exchange line is too long', source: 'RFC 4954' },
  '6.0': { meaning: 'Other or undefined media error', source: 'RFC 3463' },
  '6.1': { meaning: 'Media not supported', source: 'RFC 3463' },
  '6.2': { meaning: 'Conversion required and prohibited', source: 'RFC 3463' },
  '6.3': { meaning: 'Conversion required but not supported', source: 'RFC 3463' },
  '6.4': { meaning: 'Conversion with loss performed', source: 'RFC 3463' },
  '6.5': { meaning: 'Conversion failed', source: 'RFC 3463' },
  '6.6': { meaning: 'Message content not available', source: 'RFC 4468' },
  '6.7': { meaning: 'Non-ASCII addresses not permitted for that sender/recipient', source: 'RFC 6531' },
  '6.8': {
    meaning: 'UTF-8 string reply is required, but not permitted by the SMTP client',
    source: 'RFC 6531',
  },
  '6.9': {
    meaning: 'UTF-8 header message cannot be transferred to one or more recipients',
    source: 'RFC 6531',
  },
  '7.0': { meaning: 'Other or undefined security status', source: 'RFC 3463' },
  '7.1': { meaning: 'Delivery not authorized, message refused', source: 'RFC 3463' },
  '7.2': { meaning: 'Mailing list expansion prohibited', source: 'RFC 3463' },
  '7.3': { meaning: 'Security conversion required but not possible', source: 'RFC 3463' },
  '7.4': { meaning: 'Security features not supported', source: 'RFC 3463' },
  '7.5': { meaning: 'Cryptographic failure', source: 'RFC 3463' },
  '7.6': { meaning: 'Cryptographic algorithm not supported', source: 'RFC 3463' },
  '7.7': { meaning: 'Message integrity failure', source: 'RFC 3463' },
  '7.8': { meaning: 'Authentication credentials invalid', source: 'RFC 4954' },
  '7.9': { meaning: 'Authentication mechanism is too weak', source: 'RFC 4954' },
  '7.10': { meaning: 'Encryption needed', source: 'RFC 5248' },
  '7.11': { meaning: 'Encryption required for requested authentication mechanism', source: 'RFC 4954' },
  '7.12': { meaning: 'A password transition is needed', source: 'RFC 4954' },
  '7.13': { meaning: 'User account disabled', source: 'RFC 5248' },
  '7.14': { meaning: 'Trust relationship required', source: 'RFC 5248' },
  '7.15': { meaning: 'Priority level is too low', source: 'RFC 6710' },
  '7.16': { meaning: 'Message is too big for the specified priority', source: 'RFC 6710' },
  '7.17': { meaning: 'Mailbox owner has changed', source: 'RFC 7293' },
  '7.18': { meaning: 'Domain owner has changed', source: 'RFC 7293' },
  '7.19': { meaning: 'RRVS test cannot be completed', source: 'RFC 7293' },
  '7.20': { meaning: 'No passing DKIM signature found', source: 'RFC 7372' },
  '7.21': { meaning: 'No acceptable DKIM signature found', source: 'RFC 7372' },
  '7.22': { meaning: 'No valid author-matched DKIM signature found', source: 'RFC 7372' },
  '7.23': { meaning: 'SPF validation failed', source: 'RFC 7372' },
  '7.24': { meaning: 'SPF validation error', source: 'RFC 7372' },
  '7.25': { meaning: 'Reverse DNS validation failed', source: 'RFC 7372' },
  '7.26': { meaning: 'Multiple authentication checks failed', source: 'RFC 7372' },
  '7.27': { meaning: 'Sender address has null MX', source: 'RFC 7505' },
  '7.28': { meaning: 'Mail flood detected', source: 'IANA SMTP Enhanced Status Codes registry' },
  '7.29': { meaning: 'ARC validation failure', source: 'RFC 8617' },
  '7.30': { meaning: 'REQUIRETLS support required', source: 'RFC 8689' },
};

export interface ParsedStatus {
  code: string;
  class: StatusClass;
  subject: string;
  detail: string;
}

// RFC 3463 section 2: class "." subject "." detail; subject 1-3 digits, detail 1-3 digits.
const STATUS_RE = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/** Parses "5.1.1"; returns null for anything that is not an enhanced status code. */
export function parseStatus(code: string): ParsedStatus | null {
  const m = STATUS_RE.exec(code.trim());
  if (!m) return null;
  // Leading zeros are not part of the grammar's meaning ("5.01.001" = "5.1.1").
  const subject = withoutLeadingZeros(m[2]);
  const detail = withoutLeadingZeros(m[3]);
  return { code: `${m[1]}.${subject}.${detail}`, class: m[1] as StatusClass, subject, detail };
}

/** A part of the code written with a leading zero ("5.01.1", "5.1.001"). */
const LEADING_ZERO_RE = /\.0\d/;

/** parseStatus(code)?.code ?? '' without taking the code apart: most codes are already normal. */
export function normalStatus(code: string): string {
  const trimmed = code.trim();
  if (!STATUS_RE.test(trimmed)) return '';
  return LEADING_ZERO_RE.test(trimmed) ? (parseStatus(trimmed) as ParsedStatus).code : trimmed;
}

/** "001" -> "1", "0" -> "0": a number's digits as String(Number()) writes them. */
function withoutLeadingZeros(digits: string): string {
  return digits.length > 1 && digits[0] === '0' ? String(Number(digits)) : digits;
}

/** A readable meaning of a status code: the detail's when known, else the subject's. */
export function describeStatus(code: string): string | null {
  const s = parseStatus(code);
  if (!s) return null;
  const detail = STATUS_DETAILS[`${s.subject}.${s.detail}`];
  const what = detail ? detail.meaning : (STATUS_SUBJECTS[s.subject] ?? 'Unknown status');
  return `${STATUS_CLASSES[s.class]}: ${what}`;
}

/** True for a permanent (5.x.x) code. */
export function isPermanent(code: string): boolean {
  return parseStatus(code)?.class === '5';
}

/** True for a transient (4.x.x) code. */
export function isTransient(code: string): boolean {
  return parseStatus(code)?.class === '4';
}

/** True for the codes that only say "failed" without saying why (X.0.0). */
export function isGenericStatus(code: string): boolean {
  const s = parseStatus(code);
  return !s || (s.subject === '0' && s.detail === '0');
}

// classify() weighs a status that parseStatus() has already normalised ("5.1.1", never
// "5.01.001"), or '': the functions below read its parts from the text instead of parsing again.

/** Subject and detail of a normalised status: "5.7.26" -> "7.26"; '' -> ''. */
export function statusKey(code: string): string {
  return code.slice(2);
}

/** isGenericStatus() of a normalised status or '': no status, or X.0.0. */
export function isGenericCode(code: string): boolean {
  return code === '' || code.endsWith('.0.0');
}

/** True for a normalised X.1.x (addressing) status. */
export function isAddressingCode(code: string): boolean {
  return code.startsWith('1.', 2);
}
