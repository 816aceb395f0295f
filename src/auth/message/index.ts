// The message doctor (issue 5): read a message's headers, evaluate SPF, DKIM and DMARC for it,
// compare with what the receiver recorded, and name the fix.

export type { Alignment, AlignmentMode } from './alignment.js';
export type { ArcSet } from './arc-sets.js';
export {
  /** auditMessage(message, { resolver, ip?, helo?, mailFrom?, clock?, offline? }) -> MessageAudit; never throws. */
  auditMessage,
} from './audit.js';
export { type AuthResult, type AuthResultsHeader, parseAuthResults } from './auth-results.js';
export type { DkimSignatureInfo } from './dkim-signature.js';
export { type MessageHeaders, readMessageHeaders } from './read-headers.js';
export type { ReceivedHop } from './received.js';
export { parseReceivedSpf, type ReceivedSpf } from './received-spf.js';
export type { ReceiverView } from './receiver-view.js';
export type * from './types.js';
