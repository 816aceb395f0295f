// The message doctor's result as text for a person: identities, alignment, DMARC, verdict, root
// cause and fix. Colour comes in as functions so that the caller decides (TTY, NO_COLOR).
import type { IdentityCheck, MessageAudit } from '../auth/message/types.js';
import { noPaint, type Paint, paintSeverity } from './paint.js';
import { printableDeep } from './printable.js';

const SOURCE_WORDS: Record<string, string> = {
  given: 'given',
  'return-path': 'from Return-Path',
  received: 'from the Received chain',
  'receiver-results': "from the receiver's authentication results",
};

export function formatAuditText(audit: MessageAudit, p: Paint = noPaint): string {
  // header and DNS text is attacker-controlled: terminal-safe before painting, and cut for reading
  const a = printableDeep(audit, 2000);
  const out: string[] = [];
  const word = (r: string) =>
    r === 'pass'
      ? p.green(r)
      : ['fail', 'permerror', 'softfail', 'policy'].includes(r)
        ? p.red(r)
        : p.yellow(r);
  out.push(
    p.bold(`Message from ${a.from.domain ?? '(no single From domain)'}`) +
      (a.from.addresses.length > 0 ? ` (${a.from.addresses.join(', ')})` : ''),
  );
  out.push(
    `  envelope sender  ${a.mailFrom ? `${a.mailFrom.address || '<> (null sender)'} ${p.dim(`(${SOURCE_WORDS[a.mailFrom.source]})`)}` : p.dim('unknown')}`,
  );
  if (a.ip) {
    out.push(`  sending IP       ${a.ip.address} ${p.dim(`(${SOURCE_WORDS[a.ip.source]})`)}`);
    if (a.ip.source !== 'given') out.push(`                   ${p.dim(a.ip.why)}`);
  } else out.push(`  sending IP       ${p.dim('unknown')}`);
  if (a.helo) out.push(`  HELO             ${a.helo.name} ${p.dim(`(${SOURCE_WORDS[a.helo.source]})`)}`);
  if (a.receiver?.authservId) out.push(`  receiver         ${a.receiver.authservId}`);
  out.push('');

  out.push(p.bold('Identities'));
  const lines: IdentityCheck[] = [...(a.spf ? [a.spf] : []), ...a.dkim];
  if (!a.spf) out.push(`  SPF  ${p.dim('no result: no envelope sender or IP to check, and none recorded')}`);
  for (const c of lines) {
    const name =
      c.method === 'spf'
        ? `SPF  ${c.scope === 'helo' ? 'HELO ' : ''}${c.domain}`
        : `DKIM d=${c.domain}${c.selector ? ` s=${c.selector}` : ''}`;
    const al = c.alignment
      ? c.alignment.aligned
        ? c.result === 'pass'
          ? p.green('aligned')
          : p.yellow('domain aligns')
        : p.red('not aligned')
      : '';
    const src =
      c.source === 'evaluated'
        ? ''
        : p.dim(c.source === 'receiver' ? ' (as the receiver recorded)' : ' (not checked)');
    out.push(`  ${name}  ${word(c.result)}  ${al}${src}`);
    out.push(`      ${c.why}`);
  }
  if (a.dkim.length === 0) {
    const said = a.receiver?.dkim[0]?.result;
    out.push(
      `  DKIM none: the message carries no DKIM signature${said ? ` (the receiver recorded dkim=${said})` : ''}`,
    );
  }
  if (a.arc.result || a.arc.sets.length > 0) {
    out.push(
      `  ARC  ${word(a.arc.result ?? 'not verified')}${a.arc.sets.length > 0 ? ` (${a.arc.sets.length} set${a.arc.sets.length > 1 ? 's' : ''})` : ''}${a.arc.result && a.arc.detail ? ` ${p.dim(a.arc.detail)}` : ''}`,
    );
  }
  out.push('');

  out.push(p.bold('DMARC'));
  for (const v of a.dmarc) {
    const label = v.mode === 'rfc9989' ? 'RFC 9989' : 'RFC 7489';
    const pol = v.policy ? `  policy ${v.policy}` : '';
    const src = v.source === 'receiver' ? p.dim(' (as the receiver recorded)') : '';
    out.push(`  ${label}  ${word(v.result)}${pol}${src}`);
    out.push(`      ${v.why}`);
  }
  out.push('');
  out.push(`${p.bold('Verdict:')} ${a.verdict}`);
  if (a.rootCause) out.push(`${p.bold('Why:')} ${a.rootCause.text}`);
  if (a.fixes.length > 0) {
    out.push(p.bold('Fix:'));
    a.fixes.forEach((f, i) => {
      out.push(`  ${i + 1}. ${f}`);
    });
  }
  if (a.differences.length > 0) {
    out.push('');
    out.push(p.bold("Where the receiver's results differ"));
    for (const d of a.differences) {
      out.push(`  ${d.method.toUpperCase()}: the receiver recorded ${d.receiver}; now ${d.ours}`);
      out.push(`      ${d.why}`);
    }
  }
  if (a.findings.length > 0) {
    out.push('');
    out.push(p.bold('Findings'));
    for (const f of a.findings) {
      out.push(`  ${paintSeverity(p, f.severity, f.severity)}  ${f.message}`);
      if (f.fix) out.push(`      ${p.dim(f.fix)}`);
    }
  }
  if (a.unchecked.length > 0) {
    out.push('');
    out.push(p.bold('Not checked'));
    for (const u of a.unchecked) out.push(`  - ${u}`);
  }
  return `${out.join('\n')}\n`;
}
