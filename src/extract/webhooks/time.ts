// The time of a webhook event, written as an RFC 5322 date-time ("Mon, 02 Nov 2026 10:00:00 +0000"),
// the form of RFC 3464's Last-Attempt-Date that a bounce e-mail gives: so that the result's
// lastAttemptDate reads the same whatever the input was. ESPs state it as Unix seconds (SendGrid,
// Mailgun, SparkPost, Mandrill; a number or its decimal text, Mailgun's with a fraction) or as an
// ISO 8601 / RFC 3339 date-time (SES, Postmark). A time that does not read is left out.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Latest time written: 9999-12-31T23:59:59Z (RFC 5322 years have four digits here). */
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time of an instant, shown at the given offset from UTC (minutes). */
export function rfc5322Date(ms: number, offsetMinutes = 0): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ` +
    `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`
  );
}

/** Unix seconds (e.g. "1793000000" or "1793000000.1") as an RFC 5322 date-time in UTC. */
export function epochSecondsDate(value: string): string | undefined {
  if (!/^\d{1,12}(?:\.\d{1,9})?$/.test(value)) return undefined;
  const ms = Math.floor(Number(value)) * 1000;
  return ms > 0 && ms <= MAX_MS ? rfc5322Date(ms) : undefined;
}

// date "T" time, seconds and fraction optional, and a zone: "Z" or an offset (RFC 3339 §5.6).
const ISO =
  /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,9})?)?\s*(?:([Zz])|([+-])(\d\d):?(\d\d))$/;

/**
 * An ISO 8601 date-time with its zone as an RFC 5322 date-time at the same offset. One without a
 * zone is left out: it names no instant.
 */
export function isoDate(value: string): string | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const offset = m[7] ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  if (year < 1970 || hour > 23 || minute > 59 || second > 60 || Math.abs(offset) >= 24 * 60) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  const check = new Date(local);
  // Date.UTC rolls 30 February over into March: such a date is not one
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const ms = local - offset * 60_000;
  return ms > 0 && ms <= MAX_MS ? rfc5322Date(ms, offset) : undefined;
}
