// An ESP webhook's own label ("ses: Permanent/General", "postmark: HardBounce") weighed against the
// server's evidence in the same event: which one the classification follows, and the note that says so.
import type { EspRecipient } from '../extract/webhooks/index.js';
import type { Classification, RecipientResult } from '../types.js';
import { isPseudoStatus } from './reasons.js';

/** The classification after weighing, the note for the result, and whether the label alone made it a hard bounce. */
export interface LabelWeighing {
  c: Classification;
  note?: string;
  /** no cause known and a "Permanent" label: the advice says that only the ESP's label speaks */
  labelDecidedHard?: true;
}

type LabelKind = 'hard' | 'soft';

/** What an ESP's label says of the failure's kind: "Permanent", "HardBounce" -> hard; "Transient"... -> soft. */
function labelKind(label: string): LabelKind | undefined {
  const l = label.toLowerCase();
  return /permanent|hard/.test(l) ? 'hard' : /transient|soft|temporar|defer/.test(l) ? 'soft' : undefined;
}

const KIND_WORDS: Record<RecipientResult['bounceType'], string> = {
  hard: 'a dead address (hard bounce)',
  soft: 'temporary (soft)',
  block: 'a block: the address is fine',
};

/**
 * ESPs label events by their own rules ("Transient", "HardBounce"...). The server's evidence (an
 * enhanced status, its words) outweighs the label: when they disagree bouncedoc follows the
 * evidence and says so. A payload without any (`labelOnly`: no words, no status) leaves the label
 * to decide: its detail when that names a cause (SES "MailboxFull", Postmark "HardBounce"), else
 * its kind ("Permanent" is a hard bounce, "Transient" a soft one) - unless the server's bare reply
 * code says the other class (a 4xx is temporary, RFC 5321 4.2.1). The note never claims evidence
 * the payload does not hold.
 */
export function weighLabel(raw: EspRecipient, label: string, c: Classification): LabelWeighing {
  const said = labelKind(label);
  if (!raw.labelOnly) {
    if (!said || said === c.bounceType) return { c };
    return {
      c,
      note: `The ESP labelled this "${label}" (${KIND_WORDS[said]}), but the server's status and words say ${KIND_WORDS[c.bounceType]}; bouncedoc follows the server's evidence.`,
    };
  }
  if (!said) return { c };
  const code = c.replyCode;
  const codeSays = code.startsWith('4') ? 'soft' : code.startsWith('5') ? 'permanent' : '';
  if ((codeSays === 'soft' && said === 'hard') || (codeSays === 'permanent' && said === 'soft')) {
    return {
      c,
      note: `The ESP labelled this "${label}" (${KIND_WORDS[said]}), but the server's reply code ${code} says ${codeSays === 'soft' ? 'temporary' : 'permanent'}; the payload holds no words or status from the server, and bouncedoc follows the reply code.`,
    };
  }
  // A pseudo status (X.0.9NN, no status in the payload) takes the label's class when no reply
  // code gave one: a "Transient" event is no permanent failure.
  const klass = said === 'soft' ? '4' : '5';
  const status = !code && isPseudoStatus(c.status) ? `${klass}${c.status.slice(1)}` : c.status;
  const kept = { ...c, status };
  if (said === c.bounceType) return { c: kept };
  const none = `The payload holds no words or enhanced status from the server${code ? ` (only its reply code ${code}, which names no cause)` : ''}`;
  if (c.reason !== 'undefined' && c.reason !== 'onhold') {
    return {
      c: kept,
      note: `The ESP labelled this "${label}" (${KIND_WORDS[said]}); ${raw.reasonHint ? 'its detail names' : 'the payload points to'} the cause, ${c.reason}: ${KIND_WORDS[c.bounceType]}. ${none}.`,
    };
  }
  // No cause is known: the label's kind decides.
  const note = `${none}; bouncedoc follows the ESP's label "${label}": ${KIND_WORDS[said]}.`;
  const decided: Classification = { ...kept, bounceType: said, hardbounce: said === 'hard' };
  if (said === 'soft') return { c: decided, note };
  decided.party = 'recipient';
  return { c: decided, note, labelDecidedHard: true };
}
