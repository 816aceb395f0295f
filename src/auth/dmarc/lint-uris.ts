// rua/ruf checks: mailto: addresses, a missing or misspelt scheme, non-mailto URIs, the obsolete
// "!size" suffix, more than two URIs.
import { add, type Ctx, toRecord } from './lint-context.js';
import type { DmarcTerm, Span } from './parse.js';
import { parseUriList, type ReportUri } from './uri.js';

export function checkUris(ctx: Ctx, name: string, value: string, t: DmarcTerm): string | null {
  const uris = parseUriList(value);
  const base = t.valueSpan ? t.valueSpan[0] : t.span[0];
  const fixed: string[] = [];
  const kind = name === 'rua' ? 'aggregate' : 'failure';
  if (uris.length === 0) {
    add(
      ctx,
      'dmarc.uri-invalid',
      'error',
      `${name} is empty: no ${kind} reports can be sent.`,
      `Give ${name} a mailto: address or remove it.`,
      toRecord(ctx, t.span),
      false,
    );
    return null;
  }
  for (const u of uris) {
    const us = toRecord(ctx, [base + u.offset, base + u.offset + u.raw.length]);
    fixed.push(checkUri(ctx, name, u, us));
  }
  if (uris.length > 2) {
    // RFC 7489 §6.2 / RFC 9989: receivers must support at least two URIs and may ignore the rest.
    add(
      ctx,
      'dmarc.uri-too-many',
      'warning',
      `${name} lists ${uris.length} addresses; receivers only have to send to two and may ignore the rest.`,
      `Keep at most two ${name} addresses.`,
      toRecord(ctx, t.valueSpan ?? t.span),
      'advice',
    );
  }
  return fixed.join(',');
}

function checkUri(ctx: Ctx, name: string, u: ReportUri, us: Span): string {
  let raw = u.raw;
  switch (u.problem) {
    case 'no-scheme':
      add(
        ctx,
        'dmarc.uri-invalid',
        'error',
        `"${u.raw}" in ${name} has no "mailto:"; it is not a URI and receivers send no reports to it.`,
        `Write "mailto:${u.raw}".`,
        us,
      );
      return 'mailto:' + u.raw;
    case 'mailto-typo':
      add(
        ctx,
        'dmarc.uri-invalid',
        'error',
        `"${u.raw}" in ${name}: "${u.scheme}:" is not "mailto:".`,
        `Write "mailto:${u.raw.slice((u.scheme ?? '').length + 1)}".`,
        us,
      );
      return 'mailto:' + u.raw.slice((u.scheme ?? '').length + 1);
    case 'bad-address': {
      // A stray period after the address ("...@example.com."), as control panels add to host
      // names: the address without it is valid, so the fix is unambiguous.
      // a loop, not /\.+$/ (which rescans every run of periods from each of its positions)
      let end = raw.length;
      while (end > 0 && raw[end - 1] === '.') end--;
      const trimmed = raw.slice(0, end);
      if (trimmed !== raw && parseUriList(trimmed)[0]?.problem === undefined) {
        const dot: Span = [us[0] + trimmed.length, us[1]];
        add(
          ctx,
          'dmarc.uri-invalid',
          'error',
          `"${u.raw}" in ${name} ends with a period, which makes the address invalid; receivers send no reports to it.`,
          'Remove the period after the address.',
          dot,
        );
        return trimmed;
      }
      return invalidAddress(ctx, name, u, us);
    }
    case 'bad-scheme':
      return invalidAddress(ctx, name, u, us);
    case 'bad-size':
      add(
        ctx,
        'dmarc.uri-invalid',
        'error',
        `"${u.raw}" in ${name} has an invalid "!size" suffix.`,
        'Remove the "!" and what follows it.',
        us,
      );
      return raw.slice(0, raw.lastIndexOf('!'));
    case 'not-mailto':
      // RFC 9989 allows any URI, but receivers need only support mailto: (RFC 7489 and RFC 9989).
      add(
        ctx,
        'dmarc.uri-not-mailto',
        'warning',
        `"${u.raw}" in ${name} is a ${u.scheme}: URI; receivers only have to support mailto:, so reports will most likely not be sent.`,
        'Use a mailto: address.',
        us,
        'advice',
      );
      return raw;
    default:
      break;
  }
  if (u.size !== undefined && ctx.mode === 'rfc9989') {
    add(
      ctx,
      'dmarc.uri-size-suffix',
      'warning',
      `"${u.raw}" ends with the size limit "!${u.size}", obsolete in RFC 9989 (receivers following it ignore the suffix; some older ones honour it).`,
      `Write "${raw.slice(0, raw.lastIndexOf('!'))}".`,
      us,
    );
    raw = raw.slice(0, raw.lastIndexOf('!'));
  }
  return raw;
}

/** A rua/ruf entry that is not a usable mailto: address and has no unambiguous correction. */
function invalidAddress(ctx: Ctx, name: string, u: ReportUri, us: Span): string {
  add(
    ctx,
    'dmarc.uri-invalid',
    'error',
    `"${u.raw}" in ${name} is not a valid mailto: address; receivers send no reports to it.`,
    `Write "mailto:<address>", e.g. "mailto:dmarc@example.com".`,
    us,
    false,
  );
  return u.raw;
}
