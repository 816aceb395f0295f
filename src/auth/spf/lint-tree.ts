// SPF lint, third pass: the lookup tree. Every DNS-querying term (include, a, mx, ptr, exists,
// redirect) with what it costs, through includes and redirects, shown whole even past the limit
// of 10 (RFC 7208 §4.6.4), with loops, void lookups and targets without SPF.
import type { DnsResult, Resolver } from '../../types.js';
import { SPF_LIMITS } from './evaluate.js';
import type { Draft } from './lint-text.js';
import { selectRecords } from './lint-text.js';
import { parseSpf } from './parse.js';
import type { ParsedSpf, SpfLookupNode, SpfMechanism, SpfModifier } from './types.js';

/** Bounds on the walk (DNS data is attacker-controlled): nodes visited and include depth. */
const MAX_NODES = 300;
const MAX_DEPTH = 15;

const COULD_NOT_ASK = new Set<DnsResult['rcode']>(['SERVFAIL', 'TIMEOUT', 'REFUSED', 'ERROR']);
const isVoid = (r: DnsResult) => r.rcode === 'NXDOMAIN' || (r.rcode === 'NOERROR' && r.answers.length === 0);

interface Walk {
  resolver: Resolver;
  findings: Draft[];
  nodes: number;
  /** names that could not be looked up (timeouts, SERVFAIL) */
  unavailable: string[];
}

function ask(w: Walk, name: string, type: 'A' | 'AAAA' | 'MX' | 'TXT'): Promise<DnsResult> {
  return w.resolver(name, type).catch((): DnsResult => ({ rcode: 'ERROR', answers: [] }));
}

function node(term: string, domain: string): SpfLookupNode {
  return { term, domain, lookups: 1, runningTotal: 0, status: '', children: [] };
}

const hasMacro = (s: string) => s.includes('%');

async function hasAddress(w: Walk, name: string): Promise<DnsResult['rcode'] | 'yes' | 'no'> {
  const [a, aaaa] = await Promise.all([ask(w, name, 'A'), ask(w, name, 'AAAA')]);
  if (a.answers.length > 0 || aaaa.answers.length > 0) return 'yes';
  if (COULD_NOT_ASK.has(a.rcode)) return a.rcode;
  if (COULD_NOT_ASK.has(aaaa.rcode)) return aaaa.rcode;
  return 'no';
}

/** The include/redirect target's record, walked in turn. */
async function followTarget(
  w: Walk,
  n: SpfLookupNode,
  term: SpfMechanism | SpfModifier,
  record: string,
  ancestors: string[],
): Promise<void> {
  const target = n.domain.toLowerCase().replace(/\.$/, '');
  const kind = term.kind === 'modifier' ? 'redirect' : 'include';
  if (ancestors.includes(target)) {
    n.status = 'loop';
    n.loop = true;
    w.findings.push({
      code: `spf.${kind}-loop`,
      severity: 'error',
      message: `"${term.text}" leads back to ${target}, which is already being evaluated (${[...ancestors, target].join(' -> ')}): receivers run out of lookups and return permerror.`,
      fix: `Remove "${term.text}".`,
      record,
      span: term.span,
    });
    return;
  }
  if (ancestors.length >= MAX_DEPTH || w.nodes > MAX_NODES) {
    n.status = 'not followed (tree too large)';
    return;
  }
  const r = await ask(w, target, 'TXT');
  if (COULD_NOT_ASK.has(r.rcode)) {
    n.status = r.rcode;
    w.unavailable.push(target);
    return;
  }
  n.void = isVoid(r);
  const sel = selectRecords(r.answers.map((a) => (Array.isArray(a) ? a : [String(a)])));
  if (sel.valid.length !== 1) {
    n.status =
      sel.valid.length === 0
        ? r.rcode === 'NXDOMAIN'
          ? 'NXDOMAIN'
          : 'no SPF record'
        : `${sel.valid.length} SPF records`;
    w.findings.push({
      code: sel.valid.length === 0 ? `spf.${kind}-no-spf` : `spf.${kind}-multiple-records`,
      severity: 'error',
      message:
        sel.valid.length === 0
          ? `"${term.text}": ${target} ${r.rcode === 'NXDOMAIN' ? 'does not exist' : 'has no SPF record'}; receivers return permerror (RFC 7208 §${kind === 'include' ? '5.2' : '6.1'}).`
          : `"${term.text}": ${target} publishes ${sel.valid.length} SPF records; receivers return permerror.`,
      fix:
        sel.valid.length === 0
          ? `Check the name; remove "${term.text}" if that service is no longer used.`
          : `Ask the owner of ${target} to publish one record.`,
      record,
      span: term.span,
    });
    return;
  }
  const text = sel.valid[0].text;
  n.record = text;
  n.status = 'NOERROR';
  const parsed = parseSpf(text);
  if (parsed.errors.length > 0) {
    n.status = 'invalid SPF record';
    w.findings.push({
      code: `spf.${kind}-invalid`,
      severity: 'error',
      message: `${target}'s SPF record is invalid (${parsed.errors[0].message}); "${term.text}" gives permerror.`,
      fix: `Ask the owner of ${target} to fix it, or remove "${term.text}".`,
      record: text,
      span: parsed.errors[0].span,
    });
  }
  n.children = await walkRecord(w, target, parsed, [...ancestors, target]);
}

async function termNode(
  w: Walk,
  domain: string,
  term: SpfMechanism | SpfModifier,
  parsed: ParsedSpf,
  ancestors: string[],
): Promise<SpfLookupNode> {
  w.nodes++;
  const record = parsed.record;
  const spec = term.kind === 'modifier' ? term.value : term.domainSpec;
  const target = spec ?? domain;
  const n = node(term.text, target);
  const name = term.kind === 'modifier' ? 'redirect' : term.name;
  if (hasMacro(target)) {
    n.status = 'macro: expanded per message, not looked up here';
    return n;
  }
  switch (name) {
    case 'include':
    case 'redirect':
      await followTarget(w, n, term, record, ancestors);
      break;
    case 'a': {
      const has = await hasAddress(w, target);
      n.status = has === 'yes' ? 'NOERROR' : has === 'no' ? 'no A/AAAA records' : has;
      if (has === 'no') {
        n.void = true;
        w.findings.push({
          code: 'spf.a-no-address',
          severity: 'warning',
          message: `"${term.text}": ${target} has no A or AAAA records, so the term matches nothing and counts as a void lookup.`,
          fix: `Remove "${term.text}" or publish the host's address.`,
          record,
          span: term.span,
        });
      } else if (has !== 'yes') w.unavailable.push(target);
      break;
    }
    case 'mx': {
      const r = await ask(w, target, 'MX');
      if (COULD_NOT_ASK.has(r.rcode)) {
        n.status = r.rcode;
        w.unavailable.push(target);
        break;
      }
      const exchanges = r.answers
        .map((a) => (typeof a === 'object' && 'exchange' in a ? a.exchange : String(a)).replace(/\.$/, ''))
        .filter((x) => x !== '');
      n.names = exchanges.length;
      if (isVoid(r) || exchanges.length === 0) {
        n.void = isVoid(r);
        n.status = 'no MX records';
        w.findings.push({
          code: 'spf.mx-no-records',
          severity: 'warning',
          message: `"${term.text}": ${target} has no MX records, so the term matches nothing${n.void ? ' and counts as a void lookup' : ''}.`,
          fix: `Remove "${term.text}".`,
          record,
          span: term.span,
        });
        break;
      }
      n.status = `${exchanges.length} MX name(s)`;
      if (exchanges.length > SPF_LIMITS.mxNames) {
        w.findings.push({
          code: 'spf.mx-too-many',
          severity: 'error',
          message: `"${term.text}": ${target} has ${exchanges.length} MX names; receivers return permerror above ${SPF_LIMITS.mxNames} (RFC 7208 §4.6.4).`,
          fix: `Replace "${term.text}" with ip4:/ip6: terms for the mail servers that send.`,
          record,
          span: term.span,
        });
      }
      const checks = await Promise.all(
        exchanges.slice(0, 20).map(async (x) => [x, await hasAddress(w, x)] as const),
      );
      const missing = checks.filter(([, has]) => has === 'no').map(([x]) => x);
      if (missing.length > 0) {
        // RFC 7208 §4.6.4 counts void lookups per term; the MX query itself answered, so these
        // hosts are reported on their own rather than added to the void count
        w.findings.push({
          code: 'spf.mx-host-no-address',
          severity: 'warning',
          message: `"${term.text}": MX host(s) without A/AAAA records: ${missing.join(', ')}.`,
          fix: 'Publish addresses for these hosts or remove them from the MX set.',
          record,
          span: term.span,
        });
      }
      break;
    }
    case 'exists': {
      const r = await ask(w, target, 'A');
      n.status = COULD_NOT_ASK.has(r.rcode) ? r.rcode : isVoid(r) ? 'no A record' : 'NOERROR';
      n.void = isVoid(r);
      if (COULD_NOT_ASK.has(r.rcode)) w.unavailable.push(target);
      break;
    }
    case 'ptr':
      n.status = "depends on the client's address (not looked up here)";
      break;
  }
  return n;
}

/** The DNS-querying terms of one record, in evaluation order, each with its subtree. */
export async function walkRecord(
  w: Walk,
  domain: string,
  parsed: ParsedSpf,
  ancestors: string[],
): Promise<SpfLookupNode[]> {
  const terms: (SpfMechanism | SpfModifier)[] = parsed.terms.filter(
    (t): t is SpfMechanism =>
      t.kind === 'mechanism' && ['include', 'a', 'mx', 'ptr', 'exists'].includes(t.name),
  );
  const hasAll = parsed.terms.some((t) => t.kind === 'mechanism' && t.name === 'all');
  if (parsed.redirect && !hasAll) terms.push(parsed.redirect);
  // independent terms are looked up in parallel; the order of the result is evaluation order
  const nodes = await Promise.all(terms.map((t) => termNode(w, domain, t, parsed, ancestors)));
  if (parsed.exp && !hasMacro(parsed.exp.value)) {
    const r = await ask(w, parsed.exp.value, 'TXT');
    if (!COULD_NOT_ASK.has(r.rcode) && r.answers.length !== 1) {
      w.findings.push({
        code: r.answers.length === 0 ? 'spf.exp-no-txt' : 'spf.exp-multiple-txt',
        severity: 'warning',
        message:
          r.answers.length === 0
            ? `"${parsed.exp.text}": ${parsed.exp.value} has no TXT record, so no explanation is given.`
            : `"${parsed.exp.text}": ${parsed.exp.value} has ${r.answers.length} TXT records; receivers use none of them.`,
        fix: `Publish exactly one TXT record at ${parsed.exp.value}, or remove "${parsed.exp.text}".`,
        record: parsed.record,
        span: parsed.exp.span,
      });
    }
  }
  return nodes;
}

/** Number the tree in evaluation order; returns [lookups, void lookups]. */
export function numberTree(
  nodes: SpfLookupNode[],
  counter = { lookups: 0, voids: 0 },
): { lookups: number; voids: number } {
  for (const n of nodes) {
    counter.lookups++;
    n.runningTotal = counter.lookups;
    if (n.void) counter.voids++;
    const before = counter.lookups;
    numberTree(n.children, counter);
    n.lookups = 1 + (counter.lookups - before);
  }
  return counter;
}

export function newWalk(resolver: Resolver): Walk {
  return { resolver, findings: [], nodes: 0, unavailable: [] };
}
