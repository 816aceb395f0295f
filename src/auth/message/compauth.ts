// Microsoft's composite authentication (compauth=... reason=NNN in Authentication-Results).
// Source: Microsoft Learn, "Anti-spam message headers in Microsoft 365" (compauth reason codes),
// paraphrased. Microsoft moves junk-folder decisions on compauth, not on the DMARC result alone.

interface ReasonText {
  /** exact code or a range written as "1xx" */
  code: string;
  meaning: string;
}

export const COMPAUTH_REASONS: readonly ReasonText[] = [
  {
    code: '000',
    meaning: 'explicit authentication failed: DMARC failed and the From domain asks for quarantine or reject',
  },
  {
    code: '001',
    meaning:
      'implicit authentication failed: nothing authenticated the From domain, and the domain has no DMARC record or only a weak one (p=none)',
  },
  { code: '002', meaning: 'the recipient organisation forbids this sender/domain pair from spoofing' },
  {
    code: '010',
    meaning: "DMARC failed with quarantine or reject for one of the recipient organisation's own domains",
  },
  { code: '1xx', meaning: 'composite authentication passed' },
  { code: '2xx', meaning: 'composite authentication soft-passed' },
  { code: '3xx', meaning: 'composite authentication was not checked for this message' },
  { code: '4xx', meaning: "the organisation's settings let the message bypass composite authentication" },
];

/** Plain words for a compauth reason code, when known. */
export function compauthMeaning(reason: string | undefined): string | undefined {
  if (!reason || !/^\d{3}$/.test(reason)) return undefined;
  const exact = COMPAUTH_REASONS.find((r) => r.code === reason);
  if (exact) return exact.meaning;
  return COMPAUTH_REASONS.find((r) => r.code === `${reason[0]}xx`)?.meaning;
}
