// Whole-record DMARC checks: p present and second, p=none, sp=none under an enforcing p, rua
// present, fo without ruf, t=y, and the parked-domain policy.
import { add, type Ctx } from './lint-context.js';
import { parseUriList } from './uri.js';

/** Checks on the record as a whole: p present and second, p=none, rua present. */
export function checkWholeRecord(ctx: Ctx, seen: Map<string, string>, pPosition: number): void {
  const mode = ctx.mode;
  const p = seen.get('p')?.toLowerCase();
  const rua = parseUriList(seen.get('rua') ?? '');
  const validRua = rua.some((u) => u.validMailto);
  if (p === undefined) {
    if (seen.get('psd')?.toLowerCase() === 'y') {
      add(
        ctx,
        'dmarc.p-missing',
        'warning',
        'The record has psd=y but no p: it marks a public suffix and requests no policy.',
        'Add "p=" if a policy for the names below is meant.',
        undefined,
        'advice',
      );
    } else if (validRua && mode === 'rfc9989') {
      add(
        ctx,
        'dmarc.p-missing',
        'warning',
        'The record has no p tag. RFC 9989 reads it as p=none because rua is valid, but RFC 7489 receivers require p and may ignore the record.',
        'Add "p=none" (or the policy you mean) right after "v=DMARC1".',
        undefined,
        'advice',
      );
    } else {
      add(
        ctx,
        'dmarc.p-missing',
        'error',
        validRua
          ? 'The record has no p tag; RFC 7489 requires it (receivers act as p=none since rua is valid).'
          : 'The record has no p tag and no valid rua address: receivers apply no DMARC at all (RFC 9989 §4.10.1).',
        'Add "p=none" (or the policy you mean) right after "v=DMARC1".',
        undefined,
        'advice',
      );
    }
  } else {
    if (pPosition !== 2) {
      // RFC 7489 §6.3: v and p "MUST appear in that order"; RFC 9989 only requires v first.
      add(
        ctx,
        'dmarc.p-not-second',
        'warning',
        'p is not right after v; RFC 9989 allows any order, but RFC 7489 receivers expect p second.',
        'Move p= right after "v=DMARC1;".',
      );
    }
    if (p === 'none') {
      add(
        ctx,
        'dmarc.p-none',
        'warning',
        'p=none only monitors: mail that fails DMARC is still delivered, so the domain can still be spoofed.',
        'Once the aggregate reports show all your mail passing, move to p=quarantine, then p=reject.',
        undefined,
        'advice',
      );
    }
  }
  if ((p === 'reject' || p === 'quarantine') && seen.get('sp')?.toLowerCase() === 'none') {
    add(
      ctx,
      'dmarc.sp-none',
      'warning',
      `sp=none leaves subdomains unprotected while the domain itself has p=${p}.`,
      'Remove sp=none (subdomains then inherit p) unless a subdomain sends unauthenticated mail.',
      undefined,
      'advice',
    );
  }
  if (!seen.has('rua')) {
    add(
      ctx,
      'dmarc.rua-missing',
      'warning',
      'No rua: nobody receives aggregate reports, so failures go unnoticed.',
      'Add "rua=mailto:dmarc-reports@<your domain>".',
      undefined,
      'advice',
    );
  }
  if (seen.has('fo') && !seen.has('ruf')) {
    add(
      ctx,
      'dmarc.fo-without-ruf',
      'info',
      'fo has no effect without ruf.',
      'Remove fo, or add ruf.',
      undefined,
      'advice',
    );
  }
  if (mode === 'rfc9989' && seen.get('t')?.toLowerCase() === 'y') {
    add(
      ctx,
      'dmarc.test-mode',
      'info',
      't=y: test mode; receivers apply one level below the published policy.',
      'Remove t=y when the test phase is over.',
      undefined,
      'advice',
    );
  }
  if (ctx.parked) {
    const sp = seen.get('sp')?.toLowerCase();
    if (p !== 'reject') {
      add(
        ctx,
        'dmarc.parked-policy',
        'warning',
        'The domain is parked (sends no mail), so nothing legitimate can fail DMARC; p should be reject.',
        'Write "p=reject".',
        undefined,
        'advice',
      );
    }
    if (sp !== undefined && sp !== 'reject') {
      add(
        ctx,
        'dmarc.parked-subdomain-policy',
        'warning',
        `The domain is parked, but sp=${sp} leaves its subdomains open to spoofing.`,
        'Write "sp=reject" or remove sp.',
        undefined,
        'advice',
      );
    }
  }
}
