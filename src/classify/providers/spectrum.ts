// Spectrum / Charter (charter.net, rr.com, twc.com). Codes "AUP#xxx":
// https://www.spectrum.net/support/internet/understanding-email-error-codes
// Not checked against Spectrum's documentation: no copy of the page above could be found, only
// third-party pages that mention it (which say AUP#In-13xx asks to reduce concurrent connections).
// The rules stay as they were.
import type { Provider } from './types.js';

const DOC = 'https://www.spectrum.net/support/internet/understanding-email-error-codes';

export const spectrum: Provider = {
  name: 'spectrum',
  markers: ['spectrum.net', 'charter.net', '.rr.com', 'twc.com'],
  rules: [
    // AUP#In-13xx: too many connections or messages from the sending IP.
    { text: 'aup#in-13', reason: 'toomanyconn', category: 'rate-limited', source: DOC },
    { text: 'aup#cdrbl', reason: 'blocked', source: DOC },
    { text: 'aup#rbl', reason: 'blocked', source: DOC },
    { text: 'aup#bl', reason: 'blocked', source: DOC },
    { text: 'aup#dns', reason: 'requireptr', source: DOC },
    { text: 'aup#mxrt', reason: 'speeding', source: DOC },
  ],
};
