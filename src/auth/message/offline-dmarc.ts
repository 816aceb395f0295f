// DMARC without DNS: what the receiver's Authentication-Results say, set against the identities
// the receiver recorded (an aligned pass there with dmarc=fail hints at strict alignment).
import type { ReceiverView } from './receiver-view.js';
import type { DmarcVerdict, IdentityCheck } from './types.js';

/** DMARC from the receiver's header, checked against the identities it recorded. */
export function offlineDmarc(
  mode: 'rfc9989' | 'rfc7489',
  fromDomain: string,
  owners: IdentityCheck[],
  receiver: ReceiverView | undefined,
): DmarcVerdict {
  const aligned = owners.filter((o) => o.result === 'pass' && o.alignment?.aligned && o.scope !== 'helo');
  const ours = aligned.length > 0 ? 'pass' : 'fail';
  const r = receiver?.dmarc;
  const policy =
    r?.policy === 'none' || r?.policy === 'quarantine' || r?.policy === 'reject' ? r.policy : undefined;
  if (r) {
    return {
      mode,
      result: (['pass', 'fail', 'none', 'temperror', 'permerror'].includes(r.result)
        ? r.result
        : 'unknown') as DmarcVerdict['result'],
      source: 'receiver',
      policy,
      disposition: r.disposition,
      why: `the receiver recorded dmarc=${r.result}${r.headerFrom ? ` for ${r.headerFrom}` : ''}; the identities it recorded ${ours === 'pass' ? 'include an aligned pass' : `include no aligned pass for ${fromDomain}`}`,
    };
  }
  return {
    mode,
    result: 'unknown',
    source: 'not-checked',
    why: `no DMARC result in the headers and no DNS to read ${fromDomain}'s record`,
  };
}
