// `bouncedoc check DOMAIN`: the domain doctor on the command line. DMARC, SPF, DKIM and MX of a
// sending domain, each fault marked at its characters with the fix and the corrected record.
//
// Exit status: 0 nothing wrong (or warnings only); 1 errors found; 2 could not run: bad arguments,
// an unreadable zone file, or a record that could not be checked because DNS did not answer (a
// check that could not look is no pass).
import type { Command } from '@commander-js/extra-typings';
import { Option } from '@commander-js/extra-typings';
import { isValidSelector } from '../auth/dkim/selectors.js';
import { checkDomain, type DomainCheck } from '../auth/domain.js';
import { domainToCheck } from '../auth/domain-name.js';
import { serversResolver, systemResolver } from '../dns/index.js';
import { formatCheckText } from '../output/check-text.js';
import { paintFor } from '../output/paint.js';
import { printable } from '../output/printable.js';
import type { Resolver } from '../types.js';
import { collect, dnsOption, isServer, readZoneResolver } from './dns-options.js';

export { isServer };

import { type CliState, oneLine, useColor } from './io.js';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_CANNOT_RUN = 2;

/** Per-try DNS timeout when none is given, in milliseconds. */
const DEFAULT_TIMEOUT_MS = 2500;

export function register(program: Command, state: CliState): void {
  program
    .command('check')
    .description('check a sending domain: DMARC, SPF, DKIM and MX, with the corrected records')
    .argument('<domain>', 'the domain to check, e.g. example.com')
    .addOption(
      new Option('--selector <selector>', 'DKIM selector to check (repeatable)')
        .argParser(collect)
        .default([] as string[], 'try common selectors'),
    )
    .addOption(dnsOption())
    .option('--zone <file>', 'check the records in a zone file instead of DNS (before publishing them)')
    .option('--json', 'the full result as JSON')
    .addOption(
      new Option('--dmarc-mode <mode>', 'DMARC policy discovery')
        .choices(['rfc9989', 'rfc7489'] as const)
        .default('rfc9989' as const),
    )
    .option('--timeout <ms>', 'DNS timeout per try, in milliseconds', String(DEFAULT_TIMEOUT_MS))
    .addHelpText(
      'after',
      '\nExit status: 0 no errors (warnings allowed), 1 errors found, 2 could not run (bad arguments,\nunreadable zone file, or a record that could not be checked because DNS did not answer).',
    )
    .action(async (domainArg, opts) => {
      // the message may quote the arguments: their control characters are shown, never sent
      const fail = (message: string): void => {
        state.io.stderr(`bouncedoc: ${printable(message)}\n`);
        state.exitCode = Math.max(state.exitCode, EXIT_CANNOT_RUN);
      };
      const named = domainToCheck(domainArg);
      if ('error' in named) return fail(`"${domainArg}" is ${named.error}`);
      const { domain } = named;
      const bad = opts.selector.find((s) => !isValidSelector(s));
      if (bad !== undefined)
        return fail(`"${bad}" is not a DKIM selector (the s= of a DKIM-Signature, e.g. "default")`);
      const timeoutMs = Number(opts.timeout);
      if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000)
        return fail('--timeout takes milliseconds between 1 and 60000');
      if (opts.zone && opts.dns.length > 0)
        return fail('--zone and --dns exclude each other: check a zone file, or ask DNS');

      let resolver: Resolver;
      if (opts.zone) {
        const zone = await readZoneResolver(state.io, opts.zone, domain);
        if (typeof zone === 'string') return fail(zone);
        resolver = zone;
      } else if (opts.dns.length > 0) {
        const badServer = opts.dns.find((s) => !isServer(s));
        if (badServer !== undefined)
          return fail(
            `--dns "${badServer}" is not an IP address with an optional port (127.0.0.1:5300, [::1]:53)`,
          );
        resolver = serversResolver(opts.dns, { timeoutMs });
      } else {
        resolver = systemResolver({ timeoutMs });
      }

      let result: DomainCheck;
      try {
        result = await checkDomain(domain, {
          resolver,
          selectors: opts.selector.length > 0 ? opts.selector : undefined,
          dmarcMode: opts.dmarcMode,
        });
      } catch (err) {
        return fail(`internal error while checking ${domain}: ${oneLine(err)}`);
      }
      // the exit status is settled before any output: a reader that closes the output early
      // (`| head -3`) must not change it
      const code = exitCodeOf(result);
      state.exitCode = Math.max(state.exitCode, code);
      if (opts.json) state.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else state.io.stdout(formatCheckText(result, paintFor(useColor(state.io))));
      if (code === EXIT_CANNOT_RUN) state.io.stderr(`bouncedoc: ${uncheckedNote(result)}\n`);
    });
}

/** 1 for errors; 2 when DNS did not answer for a record; else 0. */
export function exitCodeOf(result: DomainCheck): number {
  if (result.findings.some((f) => f.severity === 'error')) return EXIT_ERRORS;
  if (Object.values(result.verdicts).includes('could-not-check')) return EXIT_CANNOT_RUN;
  return EXIT_OK;
}

/** Which records DNS did not answer for, in one line. */
function uncheckedNote(result: DomainCheck): string {
  const unchecked = Object.entries(result.verdicts).filter(([, v]) => v === 'could-not-check');
  if (unchecked.length === Object.keys(result.verdicts).length)
    return 'DNS did not answer: nothing could be checked';
  return `could not check ${unchecked.map(([k]) => k.toUpperCase()).join(', ')}: DNS did not answer`;
}
