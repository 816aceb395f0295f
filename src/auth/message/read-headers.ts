// Reading a message's header block into the facts the message doctor works from: the From
// domain, the envelope sender, the Received chain, DKIM signatures, ARC sets and the results
// that receivers recorded. Pure: no DNS.
import type { Finding } from '../../types.js';
import { domainOf, type Mailbox, parseAddressList, parseReversePath } from './address.js';
import { type ArcChainShape, readArcSets } from './arc-sets.js';
import { type AuthResultsHeader, parseAuthResults } from './auth-results.js';
import { type DkimSignatureInfo, parseDkimSignature } from './dkim-signature.js';
import { type ForwardingSign, forwardingSign } from './forwarding-signs.js';
import { fieldValues, readHeaderFields } from './header-fields.js';
import { parseReceived, type ReceivedHop } from './received.js';
import { parseReceivedSpf, type ReceivedSpf } from './received-spf.js';

export interface MessageHeaders {
  /** every mailbox in From fields (normally exactly one) */
  from: Mailbox[];
  /** the RFC5322.From domain DMARC is about; absent when there is not exactly one usable one */
  fromDomain?: string;
  /** envelope sender from the topmost Return-Path: "" for the null sender "<>"; absent without the field */
  returnPath?: string;
  received: ReceivedHop[];
  dkim: DkimSignatureInfo[];
  arc: ArcChainShape;
  authResults: AuthResultsHeader[];
  receivedSpf: ReceivedSpf[];
  /** a sign that a forwarder or a mailing list sent the message on (SRS, List-Id, Delivered-To) */
  forwarding?: ForwardingSign;
  /** a body follows the header block (DKIM can then be verified) */
  hasBody: boolean;
  findings: Finding[];
}

const MAX_RECEIVED = 100;

/**
 * bh= of an empty body (RFC 6376 §3.4.3-3.4.4): simple canonicalization makes it one CRLF, relaxed
 * makes it empty; sha256 and sha1 of each.
 */
const EMPTY_BODY_HASHES = new Set([
  'frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=',
  '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  'uoq1oCgLlTqpdDX/iUbLy7J1Wic=',
  '2jmj7l5rSw0yVb/vlWAYkK/YBwk=',
]);
const MAX_SIGNATURES = 50;

export function readMessageHeaders(text: string): MessageHeaders {
  const { fields, hasBody: separated, bodyBlank, truncated } = readHeaderFields(text);
  const findings: Finding[] = [];
  if (truncated) {
    findings.push({
      code: 'message.too-many-fields',
      severity: 'warning',
      message: 'the header block is very long; only its first fields were read',
    });
  }

  const fromFields = fieldValues(fields, 'from');
  const from = fromFields.flatMap((v) => parseAddressList(v));
  let fromDomain: string | undefined;
  const usable = from.filter((m) => m.domain !== '');
  const domains = [...new Set(usable.map((m) => m.domain))];
  if (fromFields.length === 0) {
    findings.push({
      code: 'message.no-from',
      severity: 'error',
      message:
        'the message has no From field; DMARC has no author domain to check and receivers reject such mail (RFC 5322 §3.6 requires From)',
    });
  } else if (fromFields.length > 1) {
    findings.push({
      code: 'message.several-from-fields',
      severity: 'error',
      message: `the message has ${fromFields.length} From fields; RFC 5322 allows one and DMARC receivers reject or ignore such mail (RFC 7489 §6.6.1)`,
    });
  } else if (usable.length === 0) {
    findings.push({
      code: 'message.from-no-address',
      severity: 'error',
      message: 'the From field holds no address with a domain',
    });
  } else if (usable.length > 1) {
    findings.push({
      code: 'message.several-from-addresses',
      severity: domains.length > 1 ? 'error' : 'warning',
      message:
        domains.length > 1
          ? `From lists ${usable.length} addresses in different domains (${domains.join(', ')}); DMARC cannot choose one author domain and receivers usually reject such mail (RFC 7489 §6.6.1)`
          : `From lists ${usable.length} addresses, all in ${domains[0]}; RFC 5322 then requires a Sender field`,
    });
  }
  if (fromFields.length === 1 && domains.length === 1) {
    if (domains[0].startsWith('[')) {
      findings.push({
        code: 'message.from-address-literal',
        severity: 'error',
        message: `From uses an address literal (${domains[0]}), not a domain: DMARC has no author domain to check`,
      });
    } else fromDomain = domains[0];
  }

  const rp = fieldValues(fields, 'return-path');
  const returnPath = rp.length > 0 ? parseReversePath(rp[0]) : undefined;

  const received = fieldValues(fields, 'received')
    .slice(0, MAX_RECEIVED)
    .map((v, i) => parseReceived(v, i));
  const dkim = fieldValues(fields, 'dkim-signature')
    .slice(0, MAX_SIGNATURES)
    .map((v, i) => parseDkimSignature(v, i));
  for (const sig of dkim) findings.push(...sig.findings);
  const arc = readArcSets(fields);
  const authResults = fieldValues(fields, 'authentication-results').map((v, i) =>
    parseAuthResults(v, 'authentication-results', i),
  );
  const receivedSpf = fieldValues(fields, 'received-spf').map((v, i) => parseReceivedSpf(v, i));
  // A blank body is a real (empty) body only when the signatures say they signed an empty body;
  // otherwise it is a header block pasted with a trailing blank line.
  const hasBody =
    separated && (!bodyBlank || (dkim.length > 0 && dkim.every((d) => d.bh && EMPTY_BODY_HASHES.has(d.bh))));
  const forwarding = forwardingSign(fields, returnPath);
  return {
    from,
    fromDomain,
    returnPath,
    received,
    dkim,
    arc,
    authResults,
    receivedSpf,
    ...(forwarding && { forwarding }),
    hasBody,
    findings,
  };
}

export { domainOf };
