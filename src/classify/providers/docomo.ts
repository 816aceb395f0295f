// NTT docomo (docomo.ne.jp). Until March 2025 docomo accepted RCPT and answered "550 Unknown
// user" after DATA when the recipient's reception settings refused the sender's domain: at that
// stage the words do not mean the address is unknown. Answered at RCPT they do.
import type { Provider } from './types.js';

const OBS = 'observed in NTT docomo notices';

export const docomo: Provider = {
  name: 'docomo',
  markers: ['docomo.ne.jp', 'mfsmax.docomo'],
  rules: [
    { text: 'reception settings', reason: 'filtered', category: 'recipient-restricted', source: OBS },
    { command: ['RCPT'], text: 'unknown user', reason: 'userunknown', source: OBS },
    // The recipient's settings refused this sender (domain-specific reception): the sender is
    // what was refused, by the recipient's choice.
    {
      status: ['5.0.0'],
      command: ['DATA'],
      text: 'unknown user',
      reason: 'rejected',
      category: 'recipient-restricted',
      code: 'docomo:reception-filter',
      source: OBS,
    },
    // The same refusal named with a mailbox status (X.2.0) and no stage: not an addressing status,
    // so the words are the settings refusing the sender (classify() reads them as a filter without
    // this rule too; the rule names the case, for the advice that explains the words).
    {
      status: ['5.2.0'],
      text: 'unknown user',
      reason: 'filtered',
      category: 'recipient-restricted',
      code: 'docomo:reception-filter',
      source: OBS,
    },
  ],
};
