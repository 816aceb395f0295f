// `bouncedoc address ADDR...`: syntax (RFC 5321/5322, RFC 6531), the likely intended domain for
// typos of common providers, and whether the domain exists and accepts mail.
import type { Command } from '@commander-js/extra-typings';
import { type AddressCheck, checkAddress } from '../diagnose/recipient.js';
import { paintFor, paintSeverity } from '../output/paint.js';
import { printable, printableDeep } from '../output/printable.js';
import { dnsOption, resolverFrom } from './dns-options.js';
import { type CliState, useColor } from './io.js';

export function register(program: Command, state: CliState): void {
  program
    .command('address')
    .description(
      'check recipient addresses: syntax, likely typos (gnail.com), domain exists and accepts mail',
    )
    .argument('<address...>', 'one or more e-mail addresses')
    .option('--offline', 'no DNS: syntax and typos only')
    .addOption(dnsOption(''))
    .option('--zone <file>', 'look names up in a zone file instead of DNS')
    .option('--json', 'the results as JSON')
    .action(async (addresses, opts) => {
      const dns = await resolverFrom({ dns: opts.dns, zone: opts.zone, offline: opts.offline }, state.io);
      if ('error' in dns) {
        state.io.stderr(`bouncedoc: ${printable(dns.error)}\n`);
        state.exitCode = Math.max(state.exitCode, 2);
        return;
      }
      const results = await Promise.all(addresses.map((a) => checkAddress(a, { resolver: dns.resolver })));
      if (opts.json)
        state.io.stdout(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
      else for (const r of results) state.io.stdout(formatAddress(r, useColor(state.io)));
      const bad = results.some((r) => !r.valid || r.mail === 'no-such-domain' || r.mail === 'no-mail');
      if (bad) state.exitCode = Math.max(state.exitCode, 1);
    });
}

export function formatAddress(check: AddressCheck, color: boolean): string {
  const r = printableDeep(check);
  const c = paintFor(color);
  const lines = [c.bold(r.address || r.input), `  ${r.summary}`];
  for (const f of r.findings) {
    lines.push(`  ${paintSeverity(c, f.severity, f.severity)}: ${f.message}${f.fix ? ` ${f.fix}` : ''}`);
  }
  if (r.suggestion) lines.push(`  suggestion: ${c.green(r.suggestion.address)}`);
  return `${lines.join('\n')}\n`;
}
