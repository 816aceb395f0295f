// Forwarding broke SPF (the forwarder's IP is not in the original sender's SPF) and DKIM (a
// mailing list changed the subject or body). The forwarder should rewrite the envelope sender (SRS)
// and sign with ARC (RFC 8617); the recipient can allowlist the forwarder.
import type { Cause } from '../types.js';

export const forwarding: Cause = (e) => {
  const code = e.audit?.rootCause?.code;
  const forwardedText = /\bforward|\bsrs[01]?[=+]|mailing list|\blist server\b/.test(e.text);
  if (code !== 'forwarded' && !forwardedText) return undefined;
  return {
    code: 'forwarding',
    // the returned headers show the forwarding hop; else only the reply's words say so
    confidence: code === 'forwarded' ? 'confirmed' : 'likely',
    rootCause:
      e.audit?.rootCause?.text ??
      'The message was forwarded (a forwarding address or a mailing list) and the forwarder broke SPF and DKIM on the way, so DMARC failed at the final receiver.',
    fix: 'The forwarder should rewrite the envelope sender (SRS) and add ARC signatures (RFC 8617), or not modify the message; the recipient can ask their provider to trust the forwarder or deliver to the final address directly.',
    steps: e.audit?.fixes ?? [],
    party: 'forwarder',
    checked: e.checked,
    notChecked: e.notChecked,
  };
};
