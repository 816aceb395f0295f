// The registrable domain of a host name by the Public Suffix List (tldts), loaded on first use.
// Why lazily: tldts builds its list at load time (~40 ms of a command's start), and most runs
// (a hard bounce, a recipient-side failure) never ask; a one-bounce `bouncedoc explain` is mostly
// start-up time. createRequire loads tldts' CommonJS build synchronously, so the callers stay sync.
import { createRequire } from 'node:module';

type Tldts = typeof import('tldts');
let tldts: Tldts | undefined;

/**
 * The registrable domain ("example.co.uk" for "mail.example.co.uk"), or undefined for a public
 * suffix, an IP address or an invalid name. `allowPrivateDomains` also reads the list's private
 * section (e.g. "user.github.io" is registrable then).
 */
export function registrableDomain(
  host: string,
  options?: { allowPrivateDomains?: boolean },
): string | undefined {
  tldts ??= createRequire(import.meta.url)('tldts') as Tldts;
  return tldts.getDomain(host, options) ?? undefined;
}

/**
 * Whether `host` is itself a public suffix by the list's ICANN section ("com", "co.uk"; a single
 * label the list does not know counts as one, by its default rule "*").
 */
export function isPublicSuffix(host: string): boolean {
  tldts ??= createRequire(import.meta.url)('tldts') as Tldts;
  return tldts.getPublicSuffix(host) === host;
}
