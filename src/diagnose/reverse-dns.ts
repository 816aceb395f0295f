// Reverse DNS of the sending IP (the no-ptr cause): the PTR names, and the first one whose forward
// lookup gives the IP back ("forward-confirmed", as receivers such as Gmail and Microsoft require).
import type { Resolver } from '../types.js';
import type { PtrCheck } from './types.js';

export async function reverseDns(ip: string, resolver: Resolver): Promise<PtrCheck> {
  const name = reverseName(ip);
  if (!name) return { rcode: 'ERROR', names: [] };
  const answer = await resolver(name, 'PTR');
  const names = answer.answers
    .filter((a): a is string => typeof a === 'string')
    .map((n) => n.replace(/\.$/, ''));
  const check: PtrCheck = { rcode: answer.rcode, names };
  for (const n of names.slice(0, 10)) {
    const forward = await resolver(n, ip.includes(':') ? 'AAAA' : 'A');
    if (forward.answers.some((a) => typeof a === 'string' && a.toLowerCase() === ip)) {
      check.confirmedName = n;
      break;
    }
  }
  return check;
}

function reverseName(ip: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (!ip.includes(':')) return undefined;
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...new Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  if (groups.length !== 8) return undefined;
  const nibbles = groups.map((g) => g.padStart(4, '0')).join('');
  return `${[...nibbles].reverse().join('.')}.ip6.arpa`;
}
