// The sending IP (or domain) is on a blocklist or has a bad reputation. The bounce text names the
// list; only delisting (after fixing what got the IP listed) or another IP helps.
import type { Cause } from '../types.js';

const LIST_WORDS = [
  'spamhaus',
  'blocklist',
  'blacklist',
  'block list',
  'black list',
  'dnsbl',
  'rbl',
  'barracuda',
  'spamcop',
  'sorbs',
  // "listed in/at/on/by <list>" names a list; "listed" alone does not: greylisted, whitelisted,
  // "you are not listed" (an allowlist) are other things
  'listed in',
  'listed at',
  'listed on',
  'listed by',
];

/** Does `word` occur in `text` at the start of a word ("whitelisted only" holds no "listed on")? */
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = i === 0 ? 32 : text.charCodeAt(i - 1) | 32;
    if (before < 97 || before > 122) return true;
  }
  return false;
}

/**
 * The words that name a generic list ("our block list") rather than a public one: only the
 * receiver's own list is meant when the reply says "our" before them and names no public list.
 */
const GENERIC_WORDS = new Set(['blocklist', 'blacklist', 'block list', 'black list']);
const OWN_LIST = /\bour (?:own |internal )?(?:block ?list|black ?list|list)/;
/** Words that put a network range on the list, not the sending IP itself ("part of their network"). */
const RANGE_LISTED = /\bpart of (?:their|your|the) network\b|\b(?:network|ip|address) range\b|\bnetblock\b/;

/** Does the reply name a public list (a DNSBL by name, "listed in/at/on/by ...")? */
function namesPublicList(text: string): boolean {
  return LIST_WORDS.some((w) => !GENERIC_WORDS.has(w) && hasWord(text, w));
}

export const blocklistedIp: Cause = (e) => {
  const reasonFits = e.result.reason === 'blocked' || e.result.reason === 'badreputation';
  const named = LIST_WORDS.find((w) => hasWord(e.text, w));
  if (!named || (!reasonFits && e.result.category !== 'sender-blocked')) return undefined;
  const ip = e.ip?.address;
  if (OWN_LIST.test(e.text) && !namesPublicList(e.text)) {
    // the receiver's own list (Microsoft's "part of their network is on our block list"): no public
    // list to look up; delisting goes through the receiver (its own portal or sender support). When
    // the range around the IP is listed, the sender's own IP may have done nothing: the range's
    // owner (the hosting provider or ISP) is who can resolve it.
    const range = RANGE_LISTED.test(e.text);
    return {
      code: 'blocklisted-ip',
      confidence: 'confirmed',
      rootCause: range
        ? `The receiver refused ${ip ? `the sending IP ${ip}` : 'the sending IP'} because part of the network range around it is on the receiver's own block list (the reply names no public blocklist); this IP itself may have done nothing.`
        : `The receiver refused ${ip ? `the sending IP ${ip}` : 'the sending IP'} because it is on the receiver's own block list (the reply names no public blocklist).`,
      fix: range
        ? `Ask the hosting provider or ISP that owns the range around ${ip ?? 'the sending IP'} to resolve the listing with the receiver, or send through another provider; then ask the receiver to review it through its own delisting or sender-support page.`
        : `Find out why ${ip ?? 'the IP'} was listed (a compromised account, a form sending spam, a shared IP), stop it, then ask the receiver to remove it through its own delisting or sender-support page; if you send through a provider, ask them to move you to another IP.`,
      steps: [
        "The list is the receiver's own: public blocklist lookups will not show it.",
        'Resend once the receiver has removed the block; the recipient addresses are fine: do not suppress them.',
      ],
      party: 'ip-owner',
      checked: e.checked,
      notChecked: e.notChecked,
    };
  }
  return {
    code: 'blocklisted-ip',
    // the reply itself names the list: no lookup of ours is needed to name the cause
    confidence: 'confirmed',
    rootCause: `The receiver refused ${ip ? `the sending IP ${ip}` : 'the sending IP'} because it is on a blocklist or has a poor reputation (the reply mentions "${named}").`,
    fix: `Find out why ${ip ?? 'the IP'} was listed (a compromised account, a form sending spam, a shared IP), stop it, then request removal at the list named in the reply; if you send through a provider, ask them to move you to another IP.`,
    steps: [
      'Look up the IP at the list named in the reply; its page says why and how to ask for removal.',
      'Check that only your own servers and services can send mail as your domain (SPF, DKIM).',
      'Resend once the IP is delisted; the recipient addresses are fine: do not suppress them.',
    ],
    party: 'ip-owner',
    checked: e.checked,
    notChecked: e.notChecked,
  };
};
