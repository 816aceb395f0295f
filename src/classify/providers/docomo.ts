// NTT docomo (docomo.ne.jp). Until March 2025 docomo accepted RCPT and answered "550 Unknown
// user" after DATA when the recipient's reception settings refused the sender: at that stage
// the words do not mean the address is unknown (the stage rule in classify/index.ts handles it).
import type { Provider } from './types.js';

const OBS = 'observed in NTT docomo notices';

export const docomo: Provider = {
  name: 'docomo',
  markers: ['docomo.ne.jp', 'mfsmax.docomo'],
  rules: [{ text: 'reception settings', reason: 'filtered', category: 'recipient-restricted', source: OBS }],
};
