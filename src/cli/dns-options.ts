// The DNS options shared by commands that look things up: --dns HOST:PORT (repeatable), --zone
// FILE (an offline zone), --offline (no DNS at all). Returns a resolver, undefined for offline, or
// a one-line error.
import { isIP, isIPv4, isIPv6 } from 'node:net';
import { Option } from '@commander-js/extra-typings';
import {
  type MemoryZone,
  memoryResolver,
  normalizeName,
  overlayResolver,
  parseZoneFile,
  serversResolver,
  systemResolver,
  zoneApexes,
} from '../dns/index.js';
import { printable } from '../output/printable.js';
import type { Resolver } from '../types.js';
import { type CliIo, oneLine } from './io.js';

export interface DnsOptions {
  dns: string[];
  zone?: string;
  offline?: boolean;
  timeoutMs?: number;
}

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The repeatable --dns option, the same for every command (`purpose`: "for the diagnosis"...). */
export function dnsOption(purpose = '') {
  return new Option(
    '--dns <server>',
    `ask this DNS server${purpose ? ` ${purpose}` : ''}, IP or IP:PORT (repeatable)`,
  )
    .argParser(collect)
    .default([] as string[], "the system's servers");
}

/**
 * An IP address, IPv4:PORT, [IPv6]:PORT or a bare IPv6 address: node:dns's setServers takes
 * addresses only, never host names.
 */
export function isServer(s: string): boolean {
  let host = s;
  let port: string | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracket) {
    host = bracket[1];
    port = bracket[2];
    if (!isIPv6(host)) return false;
  } else if (!isIP(s)) {
    const colon = s.lastIndexOf(':');
    if (colon === -1) return false;
    host = s.slice(0, colon);
    port = s.slice(colon + 1);
    if (!isIPv4(host)) return false;
  }
  return port === undefined || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535);
}

/**
 * `--zone FILE` is offline: names at or below the zone's apex are answered from the file. Names
 * above it (the DMARC tree walk's `_dmarc.<parent>`) get NXDOMAIN, as they would for a domain
 * whose parents publish nothing; any other name (a provider's include:, a recipient's domain) is
 * "not in the zone file", which the checks report as could-not-check — never as a name that does
 * not exist.
 */
export function zoneOnlyResolver(zone: MemoryZone): Resolver {
  const apexes = zoneApexes(zone);
  // a root zone (".") covers every name
  if (apexes.some((a) => a === '' || a === '.')) return memoryResolver(zone);
  const aboveApex = (name: string): boolean => {
    const n = normalizeName(name).replace(/^_dmarc\./, '');
    return apexes.some((a) => a.endsWith(`.${n}`));
  };
  return overlayResolver(zone, async (name) => ({
    rcode: aboveApex(name) ? 'NXDOMAIN' : 'REFUSED',
    answers: [],
  }));
}

/**
 * Reads `--zone FILE` into the offline zone resolver; up to five syntax faults go to stderr, and a
 * file that cannot be read or holds no record is a one-line error (returned as a string, which
 * may quote the file name: print it through printable()).
 * `origin` qualifies relative names before any $ORIGIN (check: the domain checked).
 */
export async function readZoneResolver(io: CliIo, file: string, origin?: string): Promise<Resolver | string> {
  let text: string;
  try {
    text = Buffer.from(await io.readFile(file)).toString('utf8');
  } catch (err) {
    return `cannot read ${file}: ${oneLine(err)}`;
  }
  const parsed = parseZoneFile(text, origin ? { origin } : {});
  // zone junk may hold control characters: shown as visible stand-ins, never sent to the terminal
  for (const e of parsed.errors.slice(0, 5))
    io.stderr(`bouncedoc: ${printable(file)}:${e.line}: ${printable(e.message)}\n`);
  if (parsed.records === 0) return `${file} holds no records`;
  return zoneOnlyResolver(parsed.zone);
}

export async function resolverFrom(
  opts: DnsOptions,
  io: CliIo,
): Promise<{ resolver?: Resolver } | { error: string }> {
  const timeoutMs = opts.timeoutMs ?? 2500;
  const chosen = [opts.offline, opts.zone, opts.dns.length > 0].filter(Boolean).length;
  if (chosen > 1) return { error: '--offline, --zone and --dns exclude each other' };
  if (opts.offline) return {};
  if (opts.zone) {
    const zone = await readZoneResolver(io, opts.zone);
    return typeof zone === 'string' ? { error: zone } : { resolver: zone };
  }
  if (opts.dns.length > 0) {
    const bad = opts.dns.find((s) => !isServer(s));
    if (bad !== undefined)
      return {
        error: `--dns "${bad}" is not an IP address with an optional port (127.0.0.1:5300, [::1]:53)`,
      };
    return { resolver: serversResolver(opts.dns, { timeoutMs }) };
  }
  return { resolver: systemResolver({ timeoutMs }) };
}
