// Comcast / Xfinity (comcast.net). Its postmaster page "Mail delivery error codes":
// http://postmaster.comcast.net/mail-error-codes.html (the same table at
// https://www.xfinity.com/support/articles/email-errors). A refusal carries a block code and a
// link to that page (".../smtp-error-codes.php#<code>"). The codes read there:
//  - ES000001, ES000010: mail from dynamic/residential IP space (Comcast's own, or external; the
//    latter mostly an IP whose reverse DNS does not follow static naming): the sending IP blocked;
//  - BL000000: the sending address sent mail in patterns characteristic of spam;
//  - BL000001 ... BL000111: the sending IP listed on Spamhaus Zen, Cloudmark CSI and/or SenderScore
//    (the digits say which lists);
//  - 421 "Too many sessions opened": more simultaneous connections from the IP than allowed;
//  - 421 "Reverse DNS failure : Try again later": the IP's rDNS lookup failed (a temporary failure).
// The page's rate-limit codes (RLnnnnnn) have no explanation in the copy that was read: no rule.
import type { Provider } from './types.js';

const DOC = 'http://postmaster.comcast.net/mail-error-codes.html';

export const comcast: Provider = {
  name: 'comcast',
  markers: ['comcast'],
  rules: [
    { text: 'bl000', reason: 'blocked', source: DOC },
    { text: 'es000001', reason: 'blocked', source: DOC },
    { text: 'es000010', reason: 'blocked', source: DOC },
    { text: 'too many sessions opened', reason: 'toomanyconn', source: DOC },
    { text: 'reverse dns failure', reason: 'requireptr', source: DOC },
  ],
};
