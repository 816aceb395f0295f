// Size limits for untrusted input. A bounce is rarely more than a few hundred kilobytes; the
// largest mail systems cap whole messages at 25-50 MB, so anything larger is not a bounce worth reading.

/** Inputs larger than this are refused with an InputError. */
export const MAX_INPUT_BYTES = 25 * 1024 * 1024;

/** Header block of a returned original message kept for the diagnosis chain. */
export const MAX_ORIGINAL_HEADERS_CHARS = 256 * 1024;

/** At most this many recipients are read from one report (hostile input can list millions). */
export const MAX_RECIPIENTS = 10_000;

/** A postal-mime safety net: deeper MIME nesting than this is refused by the parser. */
export const MAX_MIME_DEPTH = 64;
