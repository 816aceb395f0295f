// Signs in a message's own header block that it was forwarded or sent on by a mailing list, for
// the DMARC diagnosis when no ARC set says so: a forwarder that rewrote the envelope sender with
// SRS, a list's List-Id field (RFC 2919), or two different first mailboxes (Delivered-To /
// X-Original-To, which delivery agents add when they deliver into a mailbox, before a .forward or a
// mailbox rule sends the message on).
import { domainOf, parseAddressList } from './address.js';
import { fieldValues, type RawField } from './header-fields.js';

export interface ForwardingSign {
  kind: 'srs' | 'list' | 'delivered-to';
  /** the forwarder's domain, the list's id, or the first mailbox */
  by: string;
  /** the sign in words, for the diagnosis */
  words: string;
}

/** SRS0=HHH=TT=orig.example=user@forwarder.example, SRS1=... for a second forwarder. */
const SRS_LOCAL = /^srs[01][=+-]/i;

export function forwardingSign(
  fields: RawField[],
  returnPath: string | undefined,
): ForwardingSign | undefined {
  if (returnPath && SRS_LOCAL.test(returnPath)) {
    const by = domainOf(returnPath);
    return { kind: 'srs', by, words: `its envelope sender was rewritten with SRS by ${by} (a forwarder)` };
  }
  const listId = fieldValues(fields, 'list-id')[0];
  if (listId) {
    const id = /<([^<>\s]{1,255})>/.exec(listId)?.[1] ?? listId.trim().slice(0, 255);
    return { kind: 'list', by: id, words: `it came through the mailing list ${id} (List-Id)` };
  }
  const mailboxes = new Set<string>();
  for (const name of ['delivered-to', 'x-original-to']) {
    for (const v of fieldValues(fields, name).slice(0, 20)) {
      for (const m of parseAddressList(v)) mailboxes.add(m.address.toLowerCase());
    }
  }
  if (mailboxes.size > 1) {
    // header fields are prepended: the last one is the first mailbox the message reached
    const first = [...mailboxes].at(-1) ?? '';
    return {
      kind: 'delivered-to',
      by: first,
      words: `it was first delivered to ${first} and sent on from there`,
    };
  }
  return undefined;
}
