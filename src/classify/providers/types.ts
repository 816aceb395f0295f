// The shape of a receiving provider's rules: how to recognise the provider, and which of its own
// codes and wordings mean what. Rules are data; src/classify/providers/index.ts lists the providers.
import type { Category, Party, Reason } from '../../types.js';
import type { Phrase } from '../phrases/types.js';

export interface ProviderRule {
  /** enhanced status codes (normalised, e.g. "5.7.26") that this rule needs; any one suffices */
  status?: readonly string[];
  /** SMTP commands (RCPT, DATA, ...) at which the reply must have been given; any one suffices */
  command?: readonly string[];
  /** a phrase (provider code or wording) that must occur in the reply text */
  text?: Phrase['text'];
  reason: Reason;
  /** the provider's name for this case (e.g. "TSS04", "S3140"), reported as Classification.providerCode */
  code?: string;
  /** a category other than the reason's usual one, when the provider's meaning differs */
  category?: Category;
  /** who must act, when it is not the reason's usual party */
  party?: Party;
  /** where the meaning comes from: the provider's documentation URL or "observed in ... notices" */
  source: string;
}

export interface Provider {
  /** short stable name, e.g. "google" */
  name: string;
  /**
   * lower-case substrings that identify the provider in the remote MTA's name, the reply text or
   * the recipient's domain (e.g. "gsmtp", "protection.outlook.com")
   */
  markers: readonly string[];
  /** tried in order; the first rule whose conditions all hold decides */
  rules: readonly ProviderRule[];
}
