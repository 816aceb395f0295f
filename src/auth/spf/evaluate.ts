// check_host() of RFC 7208 §4: SPF evaluation over an injected resolver and clock.
import type { Clock, DnsResult, Resolver } from '../../types.js';
import { dottedForm, type IpAddress, inNetwork, parseIp, readableForm, reverseName } from './ip.js';
import { expandMacros, type MacroContext, tokenizeMacroString } from './macro.js';
import { isSpfRecord, parseSpf } from './parse.js';
import type { SpfCheckResult, SpfMechanism, SpfResult, SpfTraceStep } from './types.js';

export interface CheckHostOptions {
  resolver: Resolver;
  /** HELO/EHLO name (%{h}) */
  helo?: string;
  /** the receiving MTA's name (%{r}, explanation only); "unknown" when not given */
  receivingHost?: string;
  /** time for %{t}; defaults to the system clock */
  clock?: Clock;
}

/** RFC 7208 §4.6.4 limits. */
export const SPF_LIMITS = {
  /** DNS-querying terms (include, a, mx, ptr, exists, redirect) per check */
  lookups: 10,
  /** lookups answering NXDOMAIN or no records */
  voidLookups: 2,
  /** MX names per mx mechanism (more is permerror) */
  mxNames: 10,
  /** PTR names per ptr mechanism / %{p} (the rest are ignored) */
  ptrNames: 10,
} as const;

/** Raised inside the evaluation to stop it; caught by checkHost() and turned into a result. */
class Stop {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly problem: string,
  ) {}
}

interface Run {
  opts: CheckHostOptions;
  ip: IpAddress;
  sender: string;
  localPart: string;
  senderDomain: string;
  lookups: number;
  voidLookups: number;
  trace: SpfTraceStep[];
  mechanism?: { domain: string; term: string };
}

interface Outcome {
  result: SpfResult;
  explanation?: string;
  problem?: string;
}

const COULD_NOT_ASK = new Set<DnsResult['rcode']>(['SERVFAIL', 'TIMEOUT', 'REFUSED', 'ERROR']);

/**
 * RFC 7208 §4.3: a name that is not a multi-label FQDN (or has an empty or over-long label, or is
 * a domain literal) gives "none" without any query.
 */
export function isValidDomain(name: string): boolean {
  const d = name.endsWith('.') ? name.slice(0, -1) : name;
  if (d.length === 0 || d.length > 253 || d.startsWith('[')) return false;
  const labels = d.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => l.length >= 1 && l.length <= 63);
}

/** RFC 7208 §7.3: expanded names over 253 characters lose labels on the left. */
function truncateName(name: string): string {
  let n = name.endsWith('.') ? name.slice(0, -1) : name;
  while (n.length > 253) {
    const dot = n.indexOf('.');
    if (dot < 0) break;
    n = n.slice(dot + 1);
  }
  return n;
}

/**
 * `countsLookup`: the %{p} PTR query counts toward the limit of 10 when a domain-spec is expanded
 * (RFC 7208 §4.6.4: "When evaluating ... the %{p} macro, the number of PTR resource records
 * queried is included in the overall limit"); not for the explanation, which comes after the check.
 */
function macroContext(run: Run, domain: string, countsLookup = false): MacroContext {
  let validated: Promise<string> | undefined;
  return {
    sender: run.sender,
    localPart: run.localPart,
    senderDomain: run.senderDomain,
    domain,
    ipDotted: dottedForm(run.ip),
    ipReadable: readableForm(run.ip),
    v: run.ip.family === 4 ? 'in-addr' : 'ip6',
    helo: run.opts.helo ?? '',
    receivingHost: run.opts.receivingHost ?? 'unknown',
    timestamp: Math.floor((run.opts.clock ?? (() => new Date()))().getTime() / 1000),
    validatedName: () => {
      if (!validated) {
        if (countsLookup) countLookup(run, '%{p}');
        validated = validatedPtrName(run, domain);
      }
      return validated;
    },
  };
}

async function query(
  run: Run,
  domain: string,
  name: string,
  type: 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR',
): Promise<DnsResult> {
  let r: DnsResult;
  try {
    r = await run.opts.resolver(name, type);
  } catch {
    r = { rcode: 'ERROR', answers: [] };
  }
  run.trace.push({
    domain,
    step: `${type} ${name}`,
    outcome: r.rcode === 'NOERROR' ? `${r.answers.length} answer(s)` : r.rcode,
  });
  return r;
}

function countLookup(run: Run, term: string): void {
  run.lookups++;
  if (run.lookups > SPF_LIMITS.lookups) {
    throw new Stop('permerror', `more than ${SPF_LIMITS.lookups} DNS-querying terms (at "${term}")`);
  }
}

function countVoid(run: Run, r: DnsResult, term: string): boolean {
  const isVoid = r.rcode === 'NXDOMAIN' || (r.rcode === 'NOERROR' && r.answers.length === 0);
  if (!isVoid) return false;
  run.voidLookups++;
  if (run.voidLookups > SPF_LIMITS.voidLookups) {
    throw new Stop('permerror', `more than ${SPF_LIMITS.voidLookups} void lookups (at "${term}")`);
  }
  return true;
}

/** Address records of `name` in the client's family; DNS failure stops with temperror. */
async function addresses(
  run: Run,
  domain: string,
  name: string,
  term: string,
  countVoids: boolean,
): Promise<IpAddress[]> {
  const r = await query(run, domain, name, run.ip.family === 4 ? 'A' : 'AAAA');
  if (COULD_NOT_ASK.has(r.rcode)) throw new Stop('temperror', `${r.rcode} looking up ${name}`);
  if (countVoids) countVoid(run, r, term);
  return r.answers
    .map((a) => parseIp(String(a)))
    .filter((a): a is IpAddress => a !== null && a.family === run.ip.family);
}

function matchesAny(run: Run, addrs: IpAddress[], m: SpfMechanism): boolean {
  const prefix = run.ip.family === 4 ? (m.cidr4 ?? 32) : (m.cidr6 ?? 128);
  return addrs.some((a) => inNetwork(run.ip, a, prefix));
}

/** Names from the PTR answer whose addresses include the client IP (RFC 7208 §5.5). */
async function validatedNames(run: Run, domain: string): Promise<string[]> {
  const r = await query(run, domain, reverseName(run.ip), 'PTR');
  if (r.rcode !== 'NOERROR') return [];
  const out: string[] = [];
  for (const answer of r.answers.slice(0, SPF_LIMITS.ptrNames)) {
    const name = String(answer).replace(/\.$/, '');
    const a = await query(run, domain, name, run.ip.family === 4 ? 'A' : 'AAAA');
    if (a.rcode !== 'NOERROR') continue;
    const addrs = a.answers.map((x) => parseIp(String(x))).filter((x): x is IpAddress => x !== null);
    if (addrs.some((x) => inNetwork(run.ip, x, run.ip.family === 4 ? 32 : 128))) out.push(name);
  }
  return out;
}

function isSameOrSub(name: string, target: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const t = target.toLowerCase().replace(/\.$/, '');
  return n === t || n.endsWith(`.${t}`);
}

/** %{p}: a validated name, preferring the domain itself, then its subdomains (RFC 7208 §7.3). */
async function validatedPtrName(run: Run, domain: string): Promise<string> {
  const names = await validatedNames(run, domain);
  return (
    names.find((n) => n.toLowerCase() === domain.toLowerCase()) ??
    names.find((n) => isSameOrSub(n, domain)) ??
    names[0] ??
    'unknown'
  );
}

async function targetOf(run: Run, domain: string, spec: string | undefined): Promise<string> {
  if (spec === undefined) return domain;
  const expanded = await expandMacros(spec, macroContext(run, domain, true));
  if (typeof expanded !== 'string') throw new Stop('permerror', expanded.message);
  return truncateName(expanded);
}

/** Whether one mechanism matches; may stop the run with permerror/temperror. */
async function matches(run: Run, domain: string, m: SpfMechanism, depth: number): Promise<boolean> {
  switch (m.name) {
    case 'all':
      return true;
    case 'ip4':
    case 'ip6': {
      const net = parseIp(m.ip ?? '');
      if (!net) return false;
      // ip6: an IPv4-mapped net is not IPv4 for matching purposes; keep its family as written
      if (m.name === 'ip6' && net.family === 4) return false;
      return inNetwork(run.ip, net, (m.name === 'ip4' ? m.cidr4 : m.cidr6) ?? (net.family === 4 ? 32 : 128));
    }
    case 'a': {
      countLookup(run, m.text);
      const target = await targetOf(run, domain, m.domainSpec);
      if (!isValidDomain(target)) return false;
      return matchesAny(run, await addresses(run, domain, target, m.text, true), m);
    }
    case 'mx': {
      countLookup(run, m.text);
      const target = await targetOf(run, domain, m.domainSpec);
      if (!isValidDomain(target)) return false;
      const r = await query(run, domain, target, 'MX');
      if (COULD_NOT_ASK.has(r.rcode)) throw new Stop('temperror', `${r.rcode} looking up MX ${target}`);
      if (countVoid(run, r, m.text)) return false;
      if (r.answers.length > SPF_LIMITS.mxNames) {
        throw new Stop(
          'permerror',
          `${target} has ${r.answers.length} MX names (limit ${SPF_LIMITS.mxNames})`,
        );
      }
      for (const answer of r.answers) {
        const exchange =
          typeof answer === 'object' && 'exchange' in answer ? answer.exchange : String(answer);
        const name = exchange.replace(/\.$/, '');
        if (!isValidDomain(name)) continue; // null MX "." and junk
        if (matchesAny(run, await addresses(run, domain, name, m.text, false), m)) return true;
      }
      return false;
    }
    case 'ptr': {
      countLookup(run, m.text);
      const target = await targetOf(run, domain, m.domainSpec);
      const r = await query(run, domain, reverseName(run.ip), 'PTR');
      // RFC 7208 §5.5: a DNS error in the PTR lookup makes the mechanism not match
      if (r.rcode !== 'NOERROR' && r.rcode !== 'NXDOMAIN') return false;
      if (countVoid(run, r, m.text)) return false;
      for (const answer of r.answers.slice(0, SPF_LIMITS.ptrNames)) {
        const name = String(answer).replace(/\.$/, '');
        if (!isSameOrSub(name, target) || !isValidDomain(name)) continue;
        const a = await query(run, domain, name, run.ip.family === 4 ? 'A' : 'AAAA');
        if (a.rcode !== 'NOERROR') continue;
        const addrs = a.answers.map((x) => parseIp(String(x))).filter((x): x is IpAddress => x !== null);
        if (addrs.some((x) => inNetwork(run.ip, x, run.ip.family === 4 ? 32 : 128))) return true;
      }
      return false;
    }
    case 'exists': {
      countLookup(run, m.text);
      const target = await targetOf(run, domain, m.domainSpec);
      if (!isValidDomain(target)) return false;
      // always an A query, whatever the client's family (RFC 7208 §5.7)
      const r = await query(run, domain, target, 'A');
      if (COULD_NOT_ASK.has(r.rcode)) throw new Stop('temperror', `${r.rcode} looking up ${target}`);
      if (countVoid(run, r, m.text)) return false;
      return true;
    }
    case 'include': {
      countLookup(run, m.text);
      const target = await targetOf(run, domain, m.domainSpec);
      const inner = await evaluateDomain(run, target, depth + 1, false);
      switch (inner.result) {
        case 'pass':
          return true;
        case 'fail':
        case 'softfail':
        case 'neutral':
          return false;
        case 'temperror':
          throw new Stop('temperror', inner.problem ?? `temperror in ${target}`);
        default:
          // none or permerror in the included domain is a permerror here (RFC 7208 §5.2)
          throw new Stop('permerror', inner.problem ?? `include:${target} has no SPF record`);
      }
    }
  }
}

const QUALIFIER_RESULT: Record<string, SpfResult> = {
  '+': 'pass',
  '-': 'fail',
  '~': 'softfail',
  '?': 'neutral',
};

/** The exp= explanation (RFC 7208 §6.2); any fault means no explanation. */
async function explanationOf(run: Run, domain: string, spec: string): Promise<string | undefined> {
  const ctx = macroContext(run, domain);
  const target = await expandMacros(spec, ctx);
  if (typeof target !== 'string' || !isValidDomain(truncateName(target))) return undefined;
  const r = await query(run, domain, truncateName(target), 'TXT');
  if (r.rcode !== 'NOERROR' || r.answers.length !== 1) return undefined;
  const answer = r.answers[0];
  const text = Array.isArray(answer) ? answer.join('') : String(answer);
  if (tokenizeMacroString(text, true).error) return undefined;
  const expanded = await expandMacros(text, ctx, true);
  return typeof expanded === 'string' ? expanded : undefined;
}

/** check_host() for one domain of the run (the top domain, an include or a redirect target). */
async function evaluateDomain(
  run: Run,
  domain: string,
  depth: number,
  wantExplanation: boolean,
): Promise<Outcome> {
  if (!isValidDomain(domain)) return { result: 'none', problem: `"${domain}" is not a valid domain name` };
  const r = await query(run, domain, domain, 'TXT');
  if (COULD_NOT_ASK.has(r.rcode))
    return { result: 'temperror', problem: `${r.rcode} looking up TXT ${domain}` };
  const records = r.answers.map((a) => (Array.isArray(a) ? a.join('') : String(a))).filter(isSpfRecord);
  if (records.length === 0) return { result: 'none', problem: `no SPF record at ${domain}` };
  if (records.length > 1)
    return { result: 'permerror', problem: `${records.length} SPF records at ${domain}` };
  const parsed = parseSpf(records[0]);
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    return {
      result: 'permerror',
      problem: `${domain}: ${e.message} at "${records[0].slice(e.span[0], e.span[1])}"`,
    };
  }
  for (const term of parsed.terms) {
    if (term.kind !== 'mechanism') continue;
    const matched = await matches(run, domain, term, depth);
    run.trace.push({ domain, step: term.text, outcome: matched ? 'match' : 'no match' });
    if (!matched) continue;
    const result = QUALIFIER_RESULT[term.qualifier];
    run.mechanism = { domain, term: term.text };
    if (result === 'fail' && wantExplanation && parsed.exp) {
      return { result, explanation: await explanationOf(run, domain, parsed.exp.value) };
    }
    return { result };
  }
  // redirect is ignored when the record has an "all" mechanism (RFC 7208 §6.1)
  const hasAll = parsed.terms.some((t) => t.kind === 'mechanism' && t.name === 'all');
  if (parsed.redirect && !hasAll) {
    countLookup(run, parsed.redirect.text);
    const target = await targetOf(run, domain, parsed.redirect.value);
    run.trace.push({ domain, step: parsed.redirect.text, outcome: `-> ${target}` });
    const inner = await evaluateDomain(run, target, depth + 1, wantExplanation);
    if (inner.result === 'none')
      return { result: 'permerror', problem: inner.problem ?? `redirect=${target} has no SPF record` };
    return inner;
  }
  return { result: 'neutral', problem: undefined };
}

/**
 * check_host(ip, domain, sender) of RFC 7208 §4. `sender` is the MAIL FROM address, or
 * "postmaster@<helo>" when checking the HELO identity. Never throws.
 */
export async function checkHost(
  ip: string,
  domain: string,
  sender: string,
  opts: CheckHostOptions,
): Promise<SpfCheckResult> {
  const client = parseIp(ip.trim());
  const at = sender.lastIndexOf('@');
  const localPart = at > 0 ? sender.slice(0, at) : 'postmaster';
  const senderDomain = at >= 0 ? sender.slice(at + 1) : sender;
  const run: Run = {
    opts,
    ip: client ?? { family: 4, bytes: [0, 0, 0, 0] },
    sender: `${localPart}@${senderDomain}`,
    localPart,
    senderDomain,
    lookups: 0,
    voidLookups: 0,
    trace: [],
  };
  const done = (o: Outcome): SpfCheckResult => ({
    result: o.result,
    ...(o.explanation !== undefined ? { explanation: o.explanation } : {}),
    ...(run.mechanism && o.result !== 'permerror' && o.result !== 'temperror'
      ? { mechanism: run.mechanism }
      : {}),
    ...(o.problem ? { problem: o.problem } : {}),
    lookups: run.lookups,
    voidLookups: run.voidLookups,
    trace: run.trace,
  });
  if (!client) return done({ result: 'permerror', problem: `"${ip}" is not an IP address` });
  const d = domain.replace(/\.$/, '');
  try {
    return done(await evaluateDomain(run, d, 0, true));
  } catch (e) {
    if (e instanceof Stop) return done({ result: e.result, problem: e.problem });
    return done({ result: 'temperror', problem: `internal error: ${(e as Error).message}` });
  }
}

/**
 * The usual entry point: MAIL FROM identity, or the HELO identity when MAIL FROM is empty
 * (RFC 7208 §2.4: then the sender is postmaster@<helo>).
 */
export function checkSender(ip: string, mailFrom: string, opts: CheckHostOptions): Promise<SpfCheckResult> {
  const sender = mailFrom === '' ? `postmaster@${opts.helo ?? ''}` : mailFrom;
  const at = sender.lastIndexOf('@');
  return checkHost(ip, at >= 0 ? sender.slice(at + 1) : sender, sender, opts);
}
