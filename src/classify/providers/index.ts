// The receiving providers whose replies need their own reading. Adding one = a file here + a line.

import { candidates, indexOnFirstUse } from '../literals.js';
import { apple } from './apple.js';
import { comcast } from './comcast.js';
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
  comcast,
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

/** All markers: MARKERS[k] is a marker of PROVIDERS[MARKER_OWNER[k]], in PROVIDERS order. */
export const MARKERS: readonly string[] = PROVIDERS.flatMap((pr) => pr.markers);
const MARKER_OWNER: readonly number[] = PROVIDERS.flatMap((pr, i) => pr.markers.map(() => i));

// (classify() finds the markers' candidates with its own index, together with the phrases')
const markerIndex = indexOnFirstUse(() => MARKERS.map((m) => [m]));

/** The first provider one of whose markers occurs in the (lower-case) haystack. */
export function detectProvider(haystack: string): Provider | undefined {
  return providersAmong([haystack], candidates(markerIndex(), haystack))[0];
}

/**
 * The providers named in the (lower-case) places: those of the first place in PROVIDERS order,
 * then those of the next place that were not named yet, and so on. `ids` (ascending numbers
 * into MARKERS) are the candidates: they must include every marker that occurs in a place.
 */
export function providersAmong(places: readonly string[], ids: readonly number[]): Provider[] {
  const found: Provider[] = [];
  if (ids.length === 0) return found;
  for (const place of places) {
    if (!place) continue;
    // ascending marker numbers give the place's providers in PROVIDERS order
    for (const k of ids) {
      const provider = PROVIDERS[MARKER_OWNER[k]];
      if (!found.includes(provider) && place.includes(MARKERS[k])) found.push(provider);
    }
  }
  return found;
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
