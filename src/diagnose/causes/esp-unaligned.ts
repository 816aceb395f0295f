// An ESP signs with its own domain and uses its own return path: SPF and DKIM pass, but for the
// ESP's domains, so neither aligns with the From domain and DMARC fails (RFC 7489 §3.1).
import type { Cause } from '../types.js';

export const espUnaligned: Cause = (e) => {
  if (e.audit?.rootCause?.code !== 'esp-own-domains') return undefined;
  return {
    code: 'esp-unaligned',
    // the returned headers show the ESP's own domains
    confidence: 'confirmed',
    rootCause: e.audit.rootCause.text,
    fix:
      e.audit.fixes[0] ??
      `Set up custom DKIM signing (d=${e.fromDomain ?? 'your domain'}) and a custom return path on your domain at the sending service.`,
    steps: e.audit.fixes.slice(1),
    party: 'sender',
    checked: e.checked,
    notChecked: e.notChecked,
  };
};
