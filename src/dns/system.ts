// Resolvers over node:dns (c-ares): the system's configured servers, or servers given as host:port.
import { Resolver as NodeResolver } from 'node:dns/promises';
import type { DnsRecordData, DnsResult, Resolver, RRType } from '../types.js';
import { queryTxtLike } from './raw-query.js';

export interface SystemResolverOptions {
  /** per-try timeout in milliseconds (c-ares `timeout`); default 2500 */
  timeoutMs?: number;
  /** attempts per server (c-ares `tries`); default 2 */
  tries?: number;
  /** servers as "host", "host:port", "[v6]:port"; default: the system's */
  servers?: string[];
}

/**
 * node:dns error codes -> rcode. ENODATA is an answer (NOERROR, no records), not an error;
 * ECONNREFUSED and the like mean the server could not be asked at all (ERROR).
 */
const ERROR_CODES: Record<string, DnsResult['rcode']> = {
  ENOTFOUND: 'NXDOMAIN',
  ESERVFAIL: 'SERVFAIL',
  ETIMEOUT: 'TIMEOUT',
  EREFUSED: 'REFUSED',
  ECONNREFUSED: 'ERROR',
  ECANCELLED: 'TIMEOUT',
};

export function rcodeOfError(err: unknown): DnsResult {
  const code = (err as { code?: string } | null)?.code ?? '';
  if (code === 'ENODATA') return { rcode: 'NOERROR', answers: [] };
  return { rcode: ERROR_CODES[code] ?? 'ERROR', answers: [] };
}

async function ask(r: NodeResolver, name: string, type: RRType): Promise<DnsRecordData[]> {
  switch (type) {
    case 'TXT':
      return (await r.resolveTxt(name)).map((chunks) => chunks.map(utf8FromLatin1));
    case 'MX':
      return (await r.resolveMx(name)).map((m) => ({ priority: m.priority, exchange: m.exchange }));
    case 'A':
      return r.resolve4(name);
    case 'AAAA':
      return r.resolve6(name);
    case 'PTR':
      return r.resolvePtr(name);
    case 'CNAME':
      return r.resolveCname(name);
    case 'NS':
      return r.resolveNs(name);
    case 'SOA': {
      const s = await r.resolveSoa(name);
      return [`${s.nsname} ${s.hostmaster} ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minttl}`];
    }
    case 'SPF':
      // c-ares cannot ask for type 99: handled by queryTxtLike() in the resolver below
      throw Object.assign(new Error('type SPF (99) is not supported by node:dns'), { code: 'ENOTIMP' });
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * c-ares hands TXT character-strings over byte for byte as latin1 characters. Records are octets
 * (RFC 1035 §3.3.14); people publish UTF-8 in them (typographic quotes pasted from an article), and
 * the linters must see those characters to point at them: decode as UTF-8 when the octets are valid
 * UTF-8, else keep them as they came.
 */
export function utf8FromLatin1(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return text; // already decoded
    if (c >= 0x80) high = true;
  }
  if (!high) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}

/**
 * Type 99 from the first configured server, one try: some servers never answer this type (the
 * RFC 7208 suite's "spftimeout" case), and the answer only feeds an info finding, so it must not
 * make a check wait for the full retry schedule.
 */
async function askSpfType(node: NodeResolver, name: string, timeoutMs: number): Promise<DnsResult> {
  const [server] = node.getServers();
  if (!server) return { rcode: 'ERROR', answers: [] };
  return queryTxtLike(server, name, SPF_TYPE, Math.min(timeoutMs, 1500));
}

const SPF_TYPE = 99;

/** A resolver over node:dns with a timeout per query. */
export function systemResolver(opts: SystemResolverOptions = {}): Resolver {
  const timeoutMs = opts.timeoutMs ?? 2500;
  const tries = opts.tries ?? 2;
  const node = new NodeResolver({ timeout: timeoutMs, tries });
  if (opts.servers && opts.servers.length > 0) node.setServers(opts.servers);
  // c-ares retries per server; this outer guard bounds the whole question
  const overallMs = timeoutMs * tries * Math.max(1, opts.servers?.length ?? 1) + 500;
  // A server that let one type-99 question time out is not asked that type again by this resolver:
  // explaining a folder of bounces would otherwise wait 1.5 s per sender domain for an info finding.
  let type99Silent = false;

  return async (name: string, type: RRType): Promise<DnsResult> => {
    if (type === 'SPF') {
      if (type99Silent) return { rcode: 'TIMEOUT', answers: [] };
      const r = await askSpfType(node, name, timeoutMs).then(
        (answers): DnsResult => (Array.isArray(answers) ? { rcode: 'NOERROR', answers } : answers),
        rcodeOfError,
      );
      if (r.rcode === 'TIMEOUT') type99Silent = true;
      return r;
    }
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<DnsResult>((resolve) => {
      timer = setTimeout(() => resolve({ rcode: 'TIMEOUT', answers: [] }), overallMs);
      timer.unref();
    });
    const query = ask(node, name, type).then(
      (answers): DnsResult => (Array.isArray(answers) ? { rcode: 'NOERROR', answers } : answers),
      rcodeOfError,
    );
    try {
      return await Promise.race([query, guard]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A resolver that asks the given servers ("127.0.0.1:5300", "[::1]:53", "192.0.2.1"). */
export function serversResolver(
  servers: string[],
  opts: Omit<SystemResolverOptions, 'servers'> = {},
): Resolver {
  return systemResolver({ ...opts, servers });
}
