// What the receiving server said about the message: its Authentication-Results (RFC 8601),
// or failing those its Received-SPF (RFC 7208 §9.1). Only the topmost ADMD's fields count: fields
// further down were written by others on the way and may even be forged (RFC 8601 §5).
import { type AuthResult, type AuthResultsHeader, dkimDomainOf, spfDomainOf } from './auth-results.js';
import { normalizeIp } from './ip-address.js';
import type { ReceivedSpf } from './received-spf.js';

export interface ReceiverSpf {
  result: string;
  domain?: string;
  /** the whole MAIL FROM address when the receiver wrote one (smtp.mailfrom=user@domain) */
  address?: string;
  scope?: 'mailfrom' | 'helo';
  source: 'authentication-results' | 'received-spf';
  comment?: string;
}

export interface ReceiverDkim {
  result: string;
  d?: string;
  selector?: string;
  b?: string;
  /** reason= or the comment next to the result */
  note?: string;
}

export interface ReceiverDmarc {
  result: string;
  headerFrom?: string;
  /** the published policy the receiver quotes (p= in Gmail's comment, policy.published-domain-policy) */
  policy?: string;
  /** what the receiver did (dis= in Gmail's comment, policy.applied-disposition, Microsoft's action=) */
  disposition?: string;
  note?: string;
}

export interface ReceiverView {
  /** the ADMD whose results these are; absent for Microsoft's format, which omits it */
  authservId?: string;
  spf?: ReceiverSpf;
  dkim: ReceiverDkim[];
  dmarc?: ReceiverDmarc;
  /** Microsoft's composite authentication (compauth=fail reason=001) */
  compauth?: { result: string; reason?: string };
  arc?: { result: string; note?: string };
  /** the client IP the receiver wrote: Received-SPF client-ip=, or Microsoft's "(sender IP is X)" */
  clientIp?: string;
  /** the statements as read, for display */
  statements: AuthResult[];
}

export function receiverView(
  authResults: AuthResultsHeader[],
  receivedSpf: ReceivedSpf[],
): ReceiverView | undefined {
  const top = authResults[0];
  const view: ReceiverView = { dkim: [], statements: [] };
  if (top) {
    view.authservId = top.authservId;
    // fields of one ADMD may be split over several headers (one per method); take the topmost run
    for (const h of authResults) {
      if (h.authservId !== top.authservId) break;
      view.statements.push(...h.results);
    }
  }
  for (const r of view.statements) {
    const note = r.reason ?? (r.comments.length > 0 ? r.comments.join('; ') : undefined);
    if (r.method === 'spf' && !view.spf) {
      const d = spfDomainOf(r);
      view.spf = {
        result: r.result,
        domain: d?.domain,
        scope: d?.scope,
        source: 'authentication-results',
        comment: note,
      };
      const mf = r.props['smtp.mailfrom'];
      if (mf?.includes('@')) view.spf.address = mf;
      for (const c of r.comments) {
        const m = /sender IP is ([0-9A-Fa-f:.]{2,45})/.exec(c);
        const ip = m ? normalizeIp(m[1]) : null;
        if (ip && !view.clientIp) view.clientIp = ip;
      }
    } else if (r.method === 'dkim') {
      view.dkim.push({
        result: r.result,
        d: dkimDomainOf(r),
        selector: r.props['header.s'],
        b: r.props['header.b'],
        note,
      });
    } else if (r.method === 'dmarc' && !view.dmarc) {
      view.dmarc = readDmarcStatement(r, note);
    } else if (r.method === 'compauth' && !view.compauth) {
      view.compauth = { result: r.result, reason: r.reason };
    } else if (r.method === 'arc' && !view.arc) {
      view.arc = { result: r.result, note };
    }
  }
  const rs = receivedSpf.find(
    (x) => x.result !== '' && (x.params.identity ?? 'mailfrom').toLowerCase() === 'mailfrom',
  );
  if (!view.spf && rs) {
    const ef = rs.params['envelope-from'];
    const at = ef ? ef.lastIndexOf('@') : -1;
    view.spf = {
      result: rs.result,
      address: ef?.includes('@') ? ef.replace(/[<>]/g, '') : undefined,
      domain: ef
        ? ef
            .slice(at + 1)
            .replace(/[<>]/g, '')
            .toLowerCase()
        : undefined,
      scope: 'mailfrom',
      source: 'received-spf',
      comment: rs.comment,
    };
  }
  if (!view.clientIp && rs?.params['client-ip'])
    view.clientIp = normalizeIp(rs.params['client-ip']) ?? undefined;
  if (!top && !view.spf) return undefined;
  return view;
}

/** Gmail and others write "dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=..."; mailauth writes policy.* properties. */
function readDmarcStatement(r: AuthResult, note: string | undefined): ReceiverDmarc {
  const out: ReceiverDmarc = { result: r.result, note };
  const hf = r.props['header.from'];
  if (hf) out.headerFrom = hf.slice(hf.lastIndexOf('@') + 1).toLowerCase();
  for (const c of r.comments) {
    for (const word of c.split(/\s+/)) {
      const eq = word.indexOf('=');
      if (eq < 0) continue;
      const k = word.slice(0, eq).toLowerCase();
      const v = word.slice(eq + 1).toLowerCase();
      if (k === 'p' && !out.policy) out.policy = v;
      if (k === 'dis' && !out.disposition) out.disposition = v;
    }
  }
  const pub = r.props['policy.published-domain-policy'];
  if (pub && !out.policy) out.policy = pub.toLowerCase();
  const applied = r.props['policy.applied-disposition'] ?? r.props['policy.dmarc'];
  if (applied && !out.disposition) out.disposition = applied.toLowerCase();
  const action = r.extras.action;
  if (action && !out.disposition) out.disposition = action.toLowerCase();
  return out;
}
