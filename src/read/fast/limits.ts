// Bounds for the fast reader on hostile input. Past a bound the reader keeps going with less
// (it never throws and never does more work than linear in the input).

import { MAX_MIME_DEPTH } from '../limits.js';

/**
 * Multipart nesting deeper than this is not split further; the reader then declines the message
 * (readFast returns null) and postal-mime refuses it with the same limit.
 */
export const MAX_DEPTH = MAX_MIME_DEPTH;
/** At most this many MIME parts are kept; later ones are skipped. */
export const MAX_PARTS = 2000;
/** At most this many header fields are kept per header block; later ones are skipped. */
export const MAX_FIELDS = 10_000;
