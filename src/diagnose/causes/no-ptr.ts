// The sending IP has no (forward-confirmed) reverse DNS: Gmail's 5.7.25, "PTR record" / "reverse
// DNS" texts. Only the owner of the IP address block can set a PTR, so the fix goes to them.
import type { Cause } from '../types.js';

const PTR_WORDS = [
  'reverse dns',
  'reverse-dns',
  'ptr record',
  'rdns',
  'no ptr',
  'reverse lookup',
  'reverse mapping',
];

export const noPtr: Cause = (e) => {
  const claimed =
    e.result.reason === 'requireptr' ||
    e.result.status === '5.7.25' ||
    e.result.status === '4.7.25' ||
    PTR_WORDS.some((w) => e.text.includes(w));
  if (!claimed) return undefined;
  const ip = e.ip?.address;
  const where = ip ? `The sending IP ${ip}` : 'The sending IP';
  const checked = [...e.checked];
  // Without our own PTR lookup this is the receiver's word, not a fact checked here.
  const unchecked = !ip
    ? 'the bounce does not name the sending IP'
    : e.offline
      ? 'DNS was not checked (offline)'
      : 'the PTR lookup did not run';
  let rootCause = `The receiver says ${ip ? `the sending IP ${ip}` : 'the sending IP'} has no reverse DNS (PTR record), or that its PTR name does not point back to it, and refuses mail from such addresses; not checked here: ${unchecked}.`;
  let confidence: 'confirmed' | 'likely' = 'likely';
  if (e.ptr && ip) {
    confidence = 'confirmed';
    checked.push(`PTR of ${ip}`);
    if (e.ptr.confirmedName) {
      rootCause = `${where} has reverse DNS now (${e.ptr.confirmedName}, confirmed forward); it was probably missing when the message was refused, or the receiver saw another IP.`;
    } else if (e.ptr.names.length > 0) {
      rootCause = `${where} has a PTR record (${e.ptr.names.join(', ')}) but that name does not resolve back to ${ip}, so the reverse DNS is not forward-confirmed.`;
    } else if (e.ptr.rcode === 'TIMEOUT' || e.ptr.rcode === 'SERVFAIL') {
      confidence = 'likely';
      rootCause = `${where}: the receiver requires reverse DNS; the PTR lookup did not answer here, so it could not be checked.`;
    } else {
      rootCause = `${where} has no PTR record (reverse DNS); the receiver refuses mail from such addresses.`;
    }
  }
  return {
    code: 'no-ptr',
    confidence,
    rootCause,
    fix: `Ask whoever owns ${ip ?? 'the sending IP'} (your hosting provider or ISP) to set a PTR record naming your mail server's host name, and make that name's A/AAAA record point back to ${ip ?? 'the IP'}.`,
    steps: [
      'Use a host name you control (e.g. mail.yourdomain.example) and give it an A/AAAA record for the IP.',
      'Have the IP owner set the PTR to that name; check that both directions match.',
      'Make the server greet with the same name in EHLO.',
    ],
    party: 'ip-owner',
    checked,
    notChecked: ip ? e.notChecked : [...e.notChecked, 'the sending IP (the bounce does not name it)'],
  };
};
