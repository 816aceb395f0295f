// Where the receiver's Authentication-Results and our own evaluation disagree, and the usual
// reasons: DNS changed since delivery, the message was changed after the receiver checked it (a
// forwarder or a mailbox that rewrote it), or the receiver checked a different hop.
import type { ReceiverView } from './receiver-view.js';
import type { Difference, DmarcVerdict, IdentityCheck } from './types.js';

const SAME: Record<string, string> = { hardfail: 'fail', temperr: 'temperror', permerr: 'permerror' };
// (own keys only: a result word from the header such as "constructor" is no alias)
const norm = (r: string) => (Object.hasOwn(SAME, r) ? SAME[r] : r);

export function compareWithReceiver(
  receiver: ReceiverView | undefined,
  spf: IdentityCheck | undefined,
  dkim: IdentityCheck[],
  dmarc: DmarcVerdict | undefined,
  ipConfident: boolean,
): Difference[] {
  if (!receiver) return [];
  const out: Difference[] = [];
  const r = receiver.spf;
  if (r && spf && spf.source === 'evaluated' && norm(r.result) !== norm(spf.result)) {
    const sameDomain = !r.domain || r.domain === spf.domain;
    out.push({
      method: 'spf',
      receiver: `${r.result}${r.domain ? ` for ${r.domain}` : ''}`,
      ours: `${spf.result} for ${spf.domain}`,
      why: !sameDomain
        ? 'the receiver checked another envelope domain than the one given here'
        : !ipConfident
          ? 'the sending IP was guessed from the Received chain and may not be the one the receiver saw; or the SPF record changed since delivery'
          : 'the SPF record (or a record it includes) has changed since the message was delivered',
    });
  }
  for (const rd of receiver.dkim) {
    if (!rd.d) continue;
    const ours = dkim.find(
      (d) => d.domain === rd.d && d.source === 'evaluated' && (!rd.selector || d.selector === rd.selector),
    );
    if (!ours || norm(ours.result) === norm(rd.result)) continue;
    const why =
      ours.code === 'dkim.body-hash' || ours.code === 'dkim.bad-signature'
        ? 'the message was changed after the receiver checked it (saved or forwarded by a client that rewrote it), or it is not the exact copy the receiver saw'
        : ours.code === 'dkim.no-key' || ours.code?.startsWith('dkim.key')
          ? 'the key record has changed since delivery (keys are rotated and old selectors removed)'
          : 'DNS or the message has changed since the receiver checked it';
    out.push({
      method: 'dkim',
      receiver: `${rd.result} for d=${rd.d}`,
      ours: `${ours.result} for d=${ours.domain}`,
      why,
    });
  }
  const rdm = receiver.dmarc;
  if (
    rdm &&
    dmarc &&
    dmarc.source === 'evaluated' &&
    dmarc.result !== 'unknown' &&
    norm(rdm.result) !== dmarc.result
  ) {
    out.push({
      method: 'dmarc',
      receiver: rdm.result,
      ours: dmarc.result,
      why: 'follows from the SPF/DKIM differences above, or the DMARC record changed since delivery (or the receiver uses other rules, e.g. a local override)',
    });
  }
  return out;
}
