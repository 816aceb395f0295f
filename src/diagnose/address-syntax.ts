// Address syntax by RFC 5321 §4.1.2 (the envelope's Mailbox), with RFC 6531's UTF-8 extension for
// internationalized addresses, and the length limits of RFC 5321 §4.5.3.1. A scanner, not one big
// regular expression: exact, linear, and able to say where the fault is.
import { domainToASCII } from 'node:url';
import type { Finding } from '../types.js';

export interface ParsedAddress {
  address: string;
  local: string;
  domain: string;
  /** the domain in A-label (punycode) form, for DNS */
  asciiDomain: string;
  /** needs SMTPUTF8 (RFC 6531): non-ASCII in the local part, or a U-label */
  internationalized: boolean;
  findings: Finding[];
  valid: boolean;
}

// RFC 5322 atext without ALPHA / DIGIT
const ATEXT_SPECIALS = new Set("!#$%&'*+-/=?^_`{|}~");
const encoder = new TextEncoder();

function isAtext(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c > 0x7f) return true; // RFC 6531 UTF8-non-ascii
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || ATEXT_SPECIALS.has(ch)
  );
}

function fault(
  address: string,
  code: string,
  message: string,
  span?: [number, number],
  fix?: string,
): Finding {
  const f: Finding = { code: `address.${code}`, severity: 'error', message, record: address };
  if (span) f.span = span;
  if (fix) f.fix = fix;
  return f;
}

export function parseAddress(input: string): ParsedAddress {
  // People paste "Name <a@b>" or "<a@b>": take what is inside the angle brackets.
  let address = input.trim();
  const lt = address.lastIndexOf('<');
  if (lt >= 0 && address.endsWith('>')) address = address.slice(lt + 1, -1).trim();
  const findings: Finding[] = [];
  const at = address.lastIndexOf('@');
  const local = at >= 0 ? address.slice(0, at) : address;
  const domain = at >= 0 ? address.slice(at + 1) : '';
  const result = (asciiDomain = ''): ParsedAddress => ({
    address,
    local,
    domain,
    asciiDomain,
    internationalized: /[^\x00-\x7f]/.test(address),
    findings,
    valid: !findings.some((f) => f.severity === 'error'),
  });

  if (address === '') {
    findings.push(fault(address, 'empty', 'The address is empty.'));
    return result();
  }
  if (at < 0) {
    findings.push(fault(address, 'no-at', 'There is no "@": an address is local-part@domain.'));
    return result();
  }
  checkLocal(address, local, findings);
  const asciiDomain = checkDomain(address, at + 1, domain, findings);
  if (encoder.encode(address).length > 254) {
    // RFC 5321 §4.5.3.1.3: a path of at most 256 octets including the angle brackets
    findings.push(fault(address, 'too-long', 'The address is longer than 254 octets (RFC 5321 §4.5.3.1.3).'));
  }
  return result(asciiDomain);
}

function checkLocal(address: string, local: string, findings: Finding[]): void {
  if (local === '') {
    findings.push(fault(address, 'empty-local', 'Nothing before the "@".', [0, 1]));
    return;
  }
  if (encoder.encode(local).length > 64) {
    findings.push(
      fault(
        address,
        'local-too-long',
        'The part before "@" is longer than 64 octets (RFC 5321 §4.5.3.1.1).',
        [0, local.length],
      ),
    );
  }
  if (local.startsWith('"')) {
    checkQuoted(address, local, findings);
    return;
  }
  // Dot-string: atoms separated by single dots, no dot at either end
  let previousDot = true;
  for (let i = 0; i < local.length; ) {
    const ch = String.fromCodePoint(local.codePointAt(i)!);
    if (ch === '.') {
      if (previousDot) {
        const what = i === 0 ? 'starts with a dot' : 'has two dots in a row';
        findings.push(
          fault(
            address,
            'local-dots',
            `The part before "@" ${what}; unquoted, that is not allowed (RFC 5321 §4.1.2).`,
            [i, i + 1],
          ),
        );
      }
      previousDot = true;
    } else if (!isAtext(ch)) {
      findings.push(
        fault(
          address,
          'local-char',
          `"${ch === ' ' ? 'space' : ch}" is not allowed in the part before "@" unless it is quoted.`,
          [i, i + ch.length],
        ),
      );
      previousDot = false;
    } else previousDot = false;
    i += ch.length;
  }
  if (previousDot && local.length > 0 && local.endsWith('.')) {
    findings.push(
      fault(address, 'local-dots', 'The part before "@" ends with a dot (RFC 5321 §4.1.2).', [
        local.length - 1,
        local.length,
      ]),
    );
  }
}

function checkQuoted(address: string, local: string, findings: Finding[]): void {
  let i = 1;
  for (; i < local.length - 1; i++) {
    const c = local.charCodeAt(i);
    if (c === 0x5c) {
      i++; // quoted-pair: backslash and any printable character
      continue;
    }
    if (c === 0x22 || c < 32 || c === 127) {
      findings.push(
        fault(address, 'quoted-char', 'The quoted part before "@" holds a character it may not.', [i, i + 1]),
      );
      return;
    }
  }
  if (local.length < 2 || !local.endsWith('"') || i !== local.length - 1) {
    findings.push(fault(address, 'quote-unclosed', 'The quote before "@" is not closed.', [0, local.length]));
  } else {
    findings.push({
      code: 'address.quoted-local',
      severity: 'warning',
      message: 'A quoted local part is valid but many systems and forms refuse it.',
      record: address,
    });
  }
}

/** Checks the domain part; returns its A-label form ('' when invalid). */
function checkDomain(address: string, offset: number, domain: string, findings: Finding[]): string {
  const end = offset + domain.length;
  if (domain === '') {
    findings.push(fault(address, 'empty-domain', 'Nothing after the "@".', [offset - 1, offset]));
    return '';
  }
  if (domain.startsWith('[') && domain.endsWith(']')) {
    findings.push({
      code: 'address.literal',
      severity: 'warning',
      message: 'The domain is an address literal ([…]); most servers refuse mail to such addresses.',
      record: address,
      span: [offset, end],
    });
    return domain;
  }
  const trimmed = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  if (trimmed !== domain) {
    findings.push(
      fault(
        address,
        'domain-trailing-dot',
        'The domain ends with a dot.',
        [end - 1, end],
        'Remove the final dot.',
      ),
    );
  }
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (ascii === '') {
    findings.push(fault(address, 'domain-invalid', `"${domain}" is not a valid domain name.`, [offset, end]));
    return '';
  }
  if (ascii.length > 253)
    findings.push(
      fault(address, 'domain-too-long', 'The domain is longer than 253 characters.', [offset, end]),
    );
  let pos = offset;
  for (const label of trimmed.split('.')) {
    const asciiLabel = domainToASCII(label.toLowerCase());
    const span: [number, number] = [pos, pos + label.length];
    if (label === '')
      findings.push(
        fault(address, 'domain-empty-label', 'The domain has two dots in a row or starts with a dot.', [
          pos,
          pos + 1,
        ]),
      );
    else if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(asciiLabel)) {
      findings.push(
        fault(
          address,
          'domain-label',
          `"${label}" is not a valid domain label (letters, digits and inner hyphens only).`,
          span,
        ),
      );
    }
    pos += label.length + 1;
  }
  if (!trimmed.includes('.')) {
    findings.push({
      code: 'address.domain-no-dot',
      severity: 'warning',
      message: `"${domain}" has no dot: it is not a public Internet domain.`,
      record: address,
      span: [offset, end],
    });
  }
  return ascii;
}
