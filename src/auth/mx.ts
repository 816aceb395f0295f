// MX of a domain: where its mail (and the bounces of the mail it sends) is delivered.
// RFC 5321 §5.1: MX targets are host names with addresses, never IP literals; without MX the
// domain's own A/AAAA is the implicit MX. RFC 2181 §10.3: an MX target must not be an alias (CNAME).
// RFC 7505: a single "0 ." record (null MX) says the domain accepts no mail; it must stand alone.
import type { DnsResult, Finding, MxRecord, Resolver } from '../types.js';
import { isDnsFailure } from './dkim/lookup.js';
import { finding, type Verdict, verdictOf } from './findings.js';

export type MxHostStatus = 'ok' | 'no-address' | 'ip-literal' | 'could-not-check';

export interface MxHost {
  priority: number;
  /** the target as published, lower case, without the trailing dot */
  exchange: string;
  /** the record in presentation form, e.g. "10 mx.example.com." */
  record: string;
  /** A and AAAA addresses of the target */
  addresses: string[];
  /** the canonical name, when the target is an alias */
  cname?: string;
  status: MxHostStatus;
}

export interface MxResult {
  domain: string;
  /** what DNS answered for MX */
  rcode: DnsResult['rcode'];
  /** the MX records as published */
  records: MxRecord[];
  /** the targets other than the null MX, each looked up */
  hosts: MxHost[];
  /** the domain publishes a null MX (RFC 7505) */
  nullMx: boolean;
  /** no MX: the domain's own addresses act as its MX (RFC 5321 §5.1) */
  implicit?: { addresses: string[] };
  findings: Finding[];
  verdict: Verdict;
}

const RFC_MX = 'RFC 5321 §5.1';

function clean(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function isNullMx(r: MxRecord): boolean {
  return clean(r.exchange) === '';
}

const IPV4_LITERAL = /^\[?\d{1,3}(?:\.\d{1,3}){3}\]?$/;

function isIpLiteral(exchange: string): boolean {
  return IPV4_LITERAL.test(exchange) || exchange.includes(':') || exchange.startsWith('[');
}

/** Addresses that no other host can deliver to: loopback and unspecified. */
function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') || ip === '0.0.0.0' || ip === '::1' || ip === '::';
}

function presentation(r: MxRecord): { text: string; span: [number, number] } {
  const prefix = `${r.priority} `;
  const target = clean(r.exchange) === '' ? '.' : `${clean(r.exchange)}.`;
  return { text: prefix + target, span: [prefix.length, prefix.length + target.length] };
}

async function addressesOf(
  name: string,
  resolver: Resolver,
): Promise<{ addresses: string[]; failed: boolean; cname?: string }> {
  const [a, aaaa, cname] = await Promise.all([
    resolver(name, 'A'),
    resolver(name, 'AAAA'),
    resolver(name, 'CNAME'),
  ]);
  const addresses = [...a.answers, ...aaaa.answers].filter((x): x is string => typeof x === 'string');
  const failed = addresses.length === 0 && (isDnsFailure(a.rcode) || isDnsFailure(aaaa.rcode));
  const target =
    cname.answers.find((x): x is string => typeof x === 'string') ?? a.canonicalName ?? aaaa.canonicalName;
  return target ? { addresses, failed, cname: clean(target) } : { addresses, failed };
}

export async function checkMx(domain: string, resolver: Resolver): Promise<MxResult> {
  const answer = await resolver(domain, 'MX');
  const result: MxResult = {
    domain,
    rcode: answer.rcode,
    records: [],
    hosts: [],
    nullMx: false,
    findings: [],
    verdict: 'ok',
  };
  const { findings } = result;
  if (isDnsFailure(answer.rcode)) {
    findings.push(
      finding(
        'mx.could-not-check',
        'info',
        `Could not look up the MX of ${domain}: DNS said ${answer.rcode}.`,
        { fix: 'Try again, or ask another DNS server (--dns).' },
      ),
    );
    result.verdict = 'could-not-check';
    return result;
  }
  if (answer.rcode === 'NXDOMAIN') {
    findings.push(
      finding(
        'mx.domain-missing',
        'error',
        `${domain} does not exist in DNS (NXDOMAIN): receivers reject mail from it and mail to it bounces.`,
        {
          fix: 'Register the domain or correct its name.',
        },
      ),
    );
    result.verdict = 'missing';
    return result;
  }
  result.records = answer.answers.filter((x): x is MxRecord => typeof x === 'object' && !Array.isArray(x));
  if (result.records.length === 0) return implicitMx(domain, resolver, result);

  const nulls = result.records.filter(isNullMx);
  result.nullMx = nulls.length > 0;
  if (result.nullMx) lintNullMx(domain, result, nulls);

  const targets = result.records.filter((r) => !isNullMx(r));
  result.hosts = await Promise.all(targets.map((r) => checkTarget(r, resolver)));
  lintHosts(domain, result);
  result.verdict =
    result.hosts.length > 0 && result.hosts.every((h) => h.status === 'could-not-check')
      ? 'could-not-check'
      : verdictOf(findings);
  return result;
}

async function implicitMx(domain: string, resolver: Resolver, result: MxResult): Promise<MxResult> {
  const { addresses, failed } = await addressesOf(domain, resolver);
  if (failed) {
    result.findings.push(
      finding('mx.could-not-check', 'info', `${domain} has no MX, and its addresses could not be looked up.`),
    );
    result.verdict = 'could-not-check';
    return result;
  }
  if (addresses.length > 0) {
    result.implicit = { addresses };
    result.findings.push(
      finding(
        'mx.implicit',
        'info',
        `${domain} has no MX record; mail to it goes to its own address (${addresses.join(', ')}), the implicit MX of ${RFC_MX}.`,
        {
          fix: `If that host receives mail, publish it as MX (10 ${domain}.); if the domain receives no mail, publish a null MX (0 .).`,
        },
      ),
    );
    result.verdict = 'ok';
    return result;
  }
  result.findings.push(
    finding(
      'mx.none',
      'warning',
      `${domain} has no MX and no address, so it cannot receive mail, not even the bounces of what it sends; some receivers refuse mail from such a domain.`,
      {
        fix: 'Publish an MX record for the mail server that receives mail for the domain, or a null MX (0 .) if it receives none.',
      },
    ),
  );
  result.verdict = 'missing';
  return result;
}

function lintNullMx(domain: string, result: MxResult, nulls: MxRecord[]): void {
  const first = presentation(nulls[0]);
  if (result.records.length > nulls.length) {
    result.findings.push(
      finding(
        'mx.null-mixed',
        'error',
        `${domain} publishes a null MX ("0 .") beside other MX records; RFC 7505 §3 forbids that, and senders may treat the domain as accepting no mail.`,
        {
          record: first.text,
          span: first.span,
          fix: 'Remove the null MX if the domain receives mail; otherwise remove the other MX records.',
        },
      ),
    );
    return;
  }
  result.findings.push(
    finding('mx.null', 'info', `${domain} publishes a null MX (RFC 7505): it accepts no mail.`, {
      record: first.text,
    }),
  );
  if (nulls.some((r) => r.priority !== 0)) {
    result.findings.push(
      finding('mx.null-preference', 'warning', 'A null MX has preference 0 (RFC 7505 §3).', {
        record: first.text,
        span: [0, String(nulls[0].priority).length],
        fix: 'Publish it as "0 .".',
        fixed: '0 .',
      }),
    );
  }
}

async function checkTarget(r: MxRecord, resolver: Resolver): Promise<MxHost> {
  const exchange = clean(r.exchange);
  const host: MxHost = {
    priority: r.priority,
    exchange,
    record: presentation(r).text,
    addresses: [],
    status: 'ok',
  };
  if (isIpLiteral(exchange)) {
    host.status = 'ip-literal';
    return host;
  }
  const found = await addressesOf(exchange, resolver);
  host.addresses = found.addresses;
  if (found.cname) host.cname = found.cname;
  if (found.failed) host.status = 'could-not-check';
  else if (found.addresses.length === 0) host.status = 'no-address';
  return host;
}

function lintHosts(domain: string, result: MxResult): void {
  const reachable = result.hosts.filter(
    (h) => h.status === 'ok' && h.addresses.some((ip) => !isLoopback(ip)),
  );
  for (const [i, host] of result.hosts.entries()) {
    const { text, span } = presentation(result.records.filter((r) => !isNullMx(r))[i]);
    const o = { record: text, span };
    if (host.status === 'ip-literal') {
      result.findings.push(
        finding(
          'mx.ip-literal',
          'error',
          `The MX target ${host.exchange} is an IP address; ${RFC_MX} requires a host name, and senders look it up as a name and fail.`,
          {
            ...o,
            fix: `Give the server a name (e.g. mx.${domain}) with an A record for the address, and publish that name as MX.`,
          },
        ),
      );
      continue;
    }
    if (host.status === 'could-not-check') {
      result.findings.push(
        finding('mx.host-could-not-check', 'info', `Could not look up the address of ${host.exchange}.`, o),
      );
      continue;
    }
    if (host.cname) {
      // RFC 2181 §10.3 and RFC 5321 §5.1 say MUST NOT; most MTAs follow the alias anyway, so this
      // is a warning rather than an error (mail is still delivered by them).
      result.findings.push(
        finding(
          'mx.cname',
          'warning',
          `The MX target ${host.exchange} is an alias (CNAME) of ${host.cname}; RFC 2181 §10.3 and ${RFC_MX} forbid aliases as MX targets, and strict senders refuse them.`,
          {
            ...o,
            fix: `Publish the canonical name as MX: ${host.priority} ${host.cname}.`,
            fixed: `${host.priority} ${host.cname}.`,
          },
        ),
      );
    }
    if (host.status === 'no-address') {
      const doubled = host.exchange.endsWith(`.${domain}.${domain}`);
      result.findings.push(
        finding(
          'mx.no-address',
          reachable.length > 0 ? 'warning' : 'error',
          `The MX target ${host.exchange} has no A or AAAA record, so no mail can be delivered to it${reachable.length > 0 ? '; the other MX hosts take the mail' : ''}.${doubled ? ' The doubled domain suggests a missing trailing dot in the zone file.' : ''}`,
          {
            ...o,
            fix: doubled
              ? `End the MX target with a dot in the zone file: ${host.exchange.slice(0, -(domain.length + 1))}.`
              : `Publish an address for ${host.exchange}, or point the MX at a host that has one.`,
            ...(doubled
              ? { fixed: `${host.priority} ${host.exchange.slice(0, -(domain.length + 1))}.` }
              : {}),
          },
        ),
      );
      continue;
    }
    const loop = host.addresses.filter(isLoopback);
    if (loop.length > 0) {
      result.findings.push(
        finding(
          'mx.loopback',
          reachable.length > 0 ? 'warning' : 'error',
          `The MX target ${host.exchange} resolves to ${loop.join(', ')}, an address no other host can deliver to.`,
          {
            ...o,
            fix: `Point ${host.exchange} at the mail server's public address.`,
          },
        ),
      );
    }
  }
}
