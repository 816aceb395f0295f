// The receiving providers whose replies need their own reading. Adding one = a file here + a line.
import { apple } from './apple.js';
import { cox } from './cox.js';
import { docomo } from './docomo.js';
import { facebook } from './facebook.js';
import { gmx } from './gmx.js';
import { godaddy } from './godaddy.js';
import { google } from './google.js';
import { iua } from './iua.js';
import { kddi } from './kddi.js';
import { mailru } from './mailru.js';
import { messagelabs } from './messagelabs.js';
import { microsoft } from './microsoft.js';
import { mimecast } from './mimecast.js';
import { orange } from './orange.js';
import { spectrum } from './spectrum.js';
import { tencent } from './tencent.js';
import type { Provider, ProviderRule } from './types.js';
import { yahoo } from './yahoo.js';
import { yandex } from './yandex.js';
import { zoho } from './zoho.js';

export type { Provider, ProviderRule } from './types.js';

export const PROVIDERS: readonly Provider[] = [
  google,
  microsoft,
  yahoo,
  mailru,
  mimecast,
  messagelabs,
  apple,
  orange,
  cox,
  spectrum,
  godaddy,
  iua,
  kddi,
  docomo,
  yandex,
  gmx,
  zoho,
  tencent,
  facebook,
];

/** The first provider one of whose markers occurs in the (lower-case) haystack. */
export function detectProvider(haystack: string): Provider | undefined {
  return PROVIDERS.find((pr) => pr.markers.some((m) => haystack.includes(m)));
}

/** The first rule of the provider that holds for this status and (lower-case) text. */
export function matchProviderRule(
  provider: Provider,
  status: string,
  lower: string,
  match: (lower: string, text: ProviderRule['text']) => boolean,
  command = '',
): ProviderRule | undefined {
  return provider.rules.find(
    (r) =>
      (!r.status || r.status.includes(status)) &&
      (!r.command || r.command.includes(command)) &&
      (r.text === undefined || match(lower, r.text)),
  );
}
