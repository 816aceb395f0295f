// `bouncedoc auth FILE`: the message doctor on the command line. Reads a message (or its header
// block), evaluates SPF, DKIM and DMARC for it and names the fix.
//
// Exit status: 0 DMARC passes (or nothing failed); 1 DMARC fails or the message has errors, or the
// input is no message: a file that cannot be read, empty, binary or too large (as for explain);
// 2 could not run: bad arguments, or DNS that did not answer.

import { isIP } from 'node:net';
import type { Command } from '@commander-js/extra-typings';
import { auditMessage } from '../auth/message/index.js';
import type { MessageAudit } from '../auth/message/types.js';
import { parseAddress } from '../diagnose/address-syntax.js';
import { serversResolver, systemResolver } from '../dns/index.js';
import { explain } from '../explain.js';
import { formatAuditText } from '../output/audit-text.js';
import { paintFor } from '../output/paint.js';
import { printable } from '../output/printable.js';
import { checkInput } from '../read/bytes.js';
import { InputError } from '../read/index.js';
import type { Resolver } from '../types.js';
import { dnsOption, isServer, readZoneResolver } from './dns-options.js';
import { type CliState, oneLine, useColor } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_CANNOT_RUN = 2;

const DEFAULT_TIMEOUT_MS = 2500;

export function register(program: Command, state: CliState): void {
  program
    .command('auth')
    .description("check a message's SPF, DKIM and DMARC: which identity aligns, why not, and the fix")
    .argument('<file>', 'the message (.eml) or its header block; "-" for standard input')
    .option('--ip <addr>', "the sending server's IP (default: from the Received lines)")
    .option('--helo <name>', 'the HELO/EHLO name (default: from the Received line)')
    .option('--mail-from <addr>', 'the envelope sender, MAIL FROM (default: Return-Path); "<>" for none')
    .addOption(dnsOption(''))
    .option('--zone <file>', 'answer DNS questions from a zone file instead of DNS')
    .option('--offline', 'ask no DNS at all: only what the headers show')
    .option('--json', 'the full result as JSON')
    .option('--timeout <ms>', 'DNS timeout per try, in milliseconds', String(DEFAULT_TIMEOUT_MS))
    .action(async (file, opts) => {
      // the message may quote the arguments: their control characters are shown, never sent
      const fail = (message: string): void => {
        state.io.stderr(`bouncedoc: ${printable(message)}\n`);
        state.exitCode = Math.max(state.exitCode, EXIT_CANNOT_RUN);
      };
      // as explain does: an input that is no message is exit 1, not a usage error
      const refuse = (message: string): void => {
        state.io.stderr(`bouncedoc: ${printable(message)}\n`);
        state.exitCode = Math.max(state.exitCode, EXIT_FAIL);
      };
      if (opts.mailFrom !== undefined && !isReversePath(opts.mailFrom))
        return fail(`--mail-from "${opts.mailFrom}" is not an address (local-part@domain, or "<>" for none)`);
      if (opts.ip !== undefined && isIP(opts.ip.replace(/^\[|\]$/g, '').replace(/^ipv6:/i, '')) === 0)
        return fail(`--ip "${opts.ip}" is not an IP address`);
      const timeoutMs = Number(opts.timeout);
      if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000)
        return fail('--timeout takes milliseconds between 1 and 60000');
      const sources = [opts.zone ? 1 : 0, opts.dns.length > 0 ? 1 : 0, opts.offline ? 1 : 0].reduce(
        (x, y) => x + y,
        0,
      );
      if (sources > 1) return fail('--zone, --dns and --offline exclude each other');

      let bytes: Uint8Array;
      try {
        if (file === '-') {
          if (state.io.stdinIsTTY)
            state.io.stderr('bouncedoc: reading a message from standard input (end with Ctrl-D)\n');
          bytes = await state.io.readStdin();
        } else bytes = await state.io.readFile(file);
      } catch (err) {
        if (err instanceof InputError) return refuse(`${file}: ${err.message}`); // over the size limit
        return refuse(`cannot read ${file}: ${oneLine(err)}`);
      }
      // the same refusal as explain: empty input, binary data or an oversized file is not a message
      try {
        checkInput(bytes);
      } catch (err) {
        if (err instanceof InputError) return refuse(`${file}: ${err.message}`);
        throw err;
      }

      let resolver: Resolver | undefined;
      if (opts.zone) {
        const zone = await readZoneResolver(state.io, opts.zone, '.');
        if (typeof zone === 'string') return fail(zone);
        resolver = zone;
      } else if (opts.dns.length > 0) {
        const bad = opts.dns.find((s) => !isServer(s));
        if (bad !== undefined)
          return fail(`--dns "${bad}" is not an IP address with an optional port (127.0.0.1:5300, [::1]:53)`);
        resolver = serversResolver(opts.dns, { timeoutMs });
      } else if (!opts.offline) resolver = systemResolver({ timeoutMs });

      // Given a bounce, the message to judge is the one it returns, not the bounce itself (which
      // the reporting server wrote): audit the returned headers and say so.
      const returned = await returnedHeaders(bytes);
      if (returned) {
        state.io.stderr(
          `bouncedoc: ${printable(file)} is a bounce: checking the headers of the message it returns\n`,
        );
        bytes = new TextEncoder().encode(returned);
      }

      let audit: MessageAudit;
      try {
        audit = await auditMessage(bytes, {
          resolver,
          offline: opts.offline === true,
          ip: opts.ip,
          helo: opts.helo,
          mailFrom: opts.mailFrom,
        });
      } catch (err) {
        return fail(`internal error while checking ${file}: ${oneLine(err)}`);
      }
      if (opts.json) state.io.stdout(`${JSON.stringify(audit, null, 2)}\n`);
      else state.io.stdout(formatAuditText(audit, paintFor(useColor(state.io))));
      state.exitCode = Math.max(state.exitCode, exitCodeOf(audit));
    });
}

/**
 * Is the value a reverse-path (RFC 5321 §4.1.2): the null path "<>" of §4.5.5 (or nothing), or one
 * mailbox, local-part@domain, with or without its angle brackets?
 */
export function isReversePath(value: string): boolean {
  const v = value.trim();
  if (v === '' || v === '<>') return true;
  const inner = v.startsWith('<') && v.endsWith('>') ? v.slice(1, -1) : v;
  if (/[<>]/.test(inner)) return false;
  return parseAddress(inner).valid;
}

/** The returned message's header block when the input is a bounce that carries one. */
async function returnedHeaders(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const report = await explain(bytes);
    const bounce = report.kind === 'bounce' || report.kind === 'delay' || report.kind === 'feedback';
    return bounce && report.originalHeaders ? report.originalHeaders : undefined;
  } catch {
    return undefined; // not readable as a bounce: audit it as it is
  }
}

/** 0 pass or nothing to object to; 1 DMARC fails or errors found; 2 DNS failed for DMARC. */
export function exitCodeOf(a: MessageAudit): number {
  const v = a.dmarc[0];
  if (v?.result === 'temperror') return EXIT_CANNOT_RUN;
  if (v?.result === 'fail' || v?.result === 'permerror') return EXIT_FAIL;
  if (a.findings.some((f) => f.severity === 'error')) return EXIT_FAIL;
  return EXIT_OK;
}
