// Orange / FrancePTT (orange.fr, wanadoo.fr, laposte.net). Their replies carry a code such as
// "OFR_416" or "LPN007_416" whose number names the cause (French and English text follow).
// Not checked against Orange's documentation: its postmaster page (https://postmaster.orange.fr)
// has a section of error codes, but the stored copy that could be read ends before it, and only
// third-party lists of the codes were found. The rules stay as observed.
import type { Provider } from './types.js';

const OBS = 'observed in Orange/La Poste notices (codes OFR_nnn / LPNnnn_nnn)';

export const orange: Provider = {
  name: 'orange',
  markers: ['orange.fr', 'wanadoo', 'francetelecom', 'laposte', 'ofr_', 'ofr0', 'lpn0', 'mwinf', 'ofr '],
  rules: [
    { text: '_416', reason: 'userunknown', source: OBS },
    { text: '_506', reason: 'spamdetected', source: OBS },
    { text: '_102', reason: 'blocked', source: OBS },
    { text: '_107', reason: 'blocked', source: OBS },
    { text: '_426', reason: 'suspend', source: OBS },
    { text: '_630', reason: 'policyviolation', source: OBS },
    { text: '_417', reason: 'mailboxfull', source: OBS },
    { text: 'bloquee pour incident de spam', reason: 'blocked', source: OBS },
  ],
};
