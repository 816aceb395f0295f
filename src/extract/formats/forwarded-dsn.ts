// A bounce that a person forwarded inline ("Fwd: Returned mail: ..."): the delivery-status fields
// are in the body, quoted with "> " by the mail client. The quoting is removed and the fields
// are read as RFC 3464 fields (RFC 3464 section 2.1 defines them; only their placement differs).
import type { MailMessage } from '../../types.js';
import { hasDeliveryStatusFields, parseDeliveryStatus } from '../rfc3464.js';
import type { FormatWithEvidence } from './evidence.js';
import { header, noticeExtraction, noticeLines, noticeText } from './text-notice.js';

const FORWARD_SUBJECT = /^(?:Fwd?|Fw|TR|WG|RV|Doorst|Enc|I)\s*:/i;

function hint(msg: MailMessage): boolean {
  return FORWARD_SUBJECT.test(header(msg, 'subject'));
}

function extract(msg: MailMessage) {
  if (!hint(msg)) return null;
  const quoted = noticeLines(noticeText(msg))
    .filter((l) => l.startsWith('>'))
    .map((l) => l.replace(/^> ?/, ''));
  const text = quoted.join('\n');
  if (!hasDeliveryStatusFields(text)) return null;
  const ds = parseDeliveryStatus(text);
  return noticeExtraction(
    msg,
    'forwarded-dsn',
    ds.recipients.filter((r) => r.recipient),
  );
}

// The hint is also what the parse needs.
export const forwardedDsn: FormatWithEvidence = { name: 'forwarded-dsn', hint, evidence: hint, extract };
