// `bouncedoc explain [FILE|-]...`: explain one or more bounces (files, or standard input).
import type { Command } from '@commander-js/extra-typings';
import { Option } from '@commander-js/extra-typings';
import { type ChainOptions, diagnoseReport } from '../diagnose/chain.js';
import { cachingResolver, silentGuard } from '../dns/index.js';
import { explain } from '../explain.js';
import {
  formatJson,
  formatNdjson,
  formatSisimai,
  formatText,
  isErrorReport,
  type ReportOrError,
} from '../output/index.js';
import { printable, trimTrailingNewlines } from '../output/printable.js';
import { InputError } from '../read/index.js';
import { splitMboxBytes } from '../read/mbox.js';
import type { ExplainReport } from '../types.js';
import { dnsOption, resolverFrom } from './dns-options.js';
import { type CliState, oneLine, useColor } from './io.js';

/** Exit status when at least one input could not be read or explained. */
export const EXIT_BAD_INPUT = 1;

export function register(program: Command, state: CliState): void {
  program
    .command('explain')
    .summary('explain bounces: DSN e-mails, bare SMTP reply texts, or ESP webhook payloads')
    .description(
      'explain bounces: DSN e-mails (.eml, mbox), bare SMTP reply texts, or ESP webhook JSON payloads ' +
        '(Amazon SES/SNS, SendGrid, Mailgun, Postmark, SparkPost, Mandrill); "-" or nothing reads standard input',
    )
    .argument(
      '[files...]',
      'files to read: bounce e-mails, reply texts or webhook payloads ("-" for standard input)',
    )
    .option('--json', 'one JSON document (an array when several inputs are given)')
    .option('--ndjson', 'one JSON line per input')
    .option('--offline', 'no DNS: the diagnosis chain uses only the bounce and its headers')
    .addOption(dnsOption('for the diagnosis'))
    .option('--zone <file>', 'look the sender domain up in a zone file instead of DNS')
    .addOption(
      new Option('--format <format>', 'output format').choices([
        'text',
        'json',
        'ndjson',
        'sisimai',
      ] as const),
    )
    .action(async (files, opts) => {
      if (files.filter((f) => f === '-').length > 1) {
        state.io.stderr('bouncedoc: standard input ("-") can be read only once; name it once\n');
        state.exitCode = Math.max(state.exitCode, 2);
        return;
      }
      const dns = await resolverFrom({ dns: opts.dns, zone: opts.zone, offline: opts.offline }, state.io);
      if ('error' in dns) {
        state.io.stderr(`bouncedoc: ${printable(dns.error)}\n`);
        state.exitCode = Math.max(state.exitCode, 2);
        return;
      }
      // One guard for all the files: against a dead DNS server, each file must not wait again. One
      // cache for all of them: bounces of one sender ask about the same domains (a 2,000-bounce
      // mbox took 20 ms a bounce asking again what the one before had asked).
      const chain: ChainOptions = {
        resolver: dns.resolver && cachingResolver(silentGuard(dns.resolver), RUN_CACHE_ENTRIES),
      };
      const asked = [opts.json && 'json', opts.ndjson && 'ndjson', opts.format].filter(Boolean);
      if (new Set(asked).size > 1) {
        state.io.stderr(
          `bouncedoc: choose one output format (--json, --ndjson or --format), not ${asked.join(' and ')}\n`,
        );
        state.exitCode = Math.max(state.exitCode, 2);
        return;
      }
      const format = opts.format ?? (opts.ndjson ? 'ndjson' : opts.json ? 'json' : 'text');
      const sources = files.length > 0 ? files : ['-'];
      // Several files are explained a few at a time: the diagnosis of each waits mostly on DNS.
      // NDJSON is written report by report as they come, in the inputs' order (a reader such as
      // `head` or `jq` gets the first lines at once, and the reports need not all be held); the
      // other formats are written once all are done.
      const reports: ReportOrError[] = [];
      const streaming = format === 'ndjson';
      const emitter = new OrderedEmitter(sources.length, (r) => {
        if (streaming) {
          state.io.stdout(formatNdjson([r]));
          if (isErrorReport(r)) reports.push(r);
        } else reports.push(r);
      });
      await mapInOrder(sources, PARALLEL_FILES, async (source, i) => {
        await explainSource(state, source, chain, (r) => emitter.push(i, r));
        emitter.finish(i);
      });
      const failed = reports.filter(isErrorReport);
      if (failed.length > 0) state.exitCode = Math.max(state.exitCode, EXIT_BAD_INPUT);
      const ok = reports.filter((r): r is ExplainReport => !isErrorReport(r));
      const many = sources.length > 1 || reports.length > 1;
      switch (format) {
        case 'json':
          state.io.stdout(formatJson(reports, many));
          break;
        case 'ndjson':
          break; // written as the reports came
        case 'sisimai':
          state.io.stdout(formatSisimai(ok));
          // Sisimai's records have no field for it: a report read only in part says so on stderr
          for (const r of ok)
            if (r.truncated)
              state.io.stderr(`bouncedoc: ${printable(r.source ?? '-')}: ${printable(r.truncated)}\n`);
          break;
        default:
          if (ok.length > 0)
            state.io.stdout(`${trimTrailingNewlines(formatText(ok, { color: useColor(state.io) }))}\n`);
      }
      // Errors always go to stderr as one line each, in every format.
      for (const f of failed) state.io.stderr(`bouncedoc: ${printable(f.source)}: ${printable(f.error)}\n`);
    });
}

/** DNS answers kept for a run's inputs at most (a few hundred bytes each). */
const RUN_CACHE_ENTRIES = 100_000;

/** Files explained at the same time (each mostly waits on DNS for its diagnosis). */
const PARALLEL_FILES = 8;

/** fn over items with at most `limit` running at once. */
async function mapInOrder<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Passes on the reports of inputs explained side by side in the inputs' order: those of the first
 * unfinished input as they come, those of later inputs once every input before them is finished.
 */
export class OrderedEmitter {
  private head = 0;
  private readonly held: ReportOrError[][];
  private readonly done: boolean[];

  constructor(
    count: number,
    private readonly emit: (r: ReportOrError) => void,
  ) {
    this.held = Array.from({ length: count }, () => []);
    this.done = new Array<boolean>(count).fill(false);
  }

  push(input: number, r: ReportOrError): void {
    if (input === this.head) this.emit(r);
    else this.held[input].push(r);
  }

  finish(input: number): void {
    this.done[input] = true;
    while (this.head < this.done.length && this.done[this.head]) {
      this.head++;
      if (this.head < this.held.length) {
        for (const r of this.held[this.head]) this.emit(r);
        this.held[this.head] = [];
      }
    }
  }
}

/**
 * The reports of one input: one per message, so an mbox file gives one report per bounce in it,
 * named FILE#1, FILE#2 ... (read as one message, its bounces were one report whose trailing
 * reports were cut at 100).
 */
async function explainSource(
  state: CliState,
  source: string,
  chain: ChainOptions,
  emit: (r: ReportOrError) => void,
): Promise<void> {
  let bytes: Uint8Array;
  try {
    if (source === '-') {
      if (state.io.stdinIsTTY)
        state.io.stderr('bouncedoc: reading a bounce from standard input (end with Ctrl-D)\n');
      bytes = await state.io.readStdin();
    } else {
      bytes = await state.io.readFile(source);
    }
  } catch (err) {
    // past the size limit: the read stage's own refusal ("input is more than 25.0 MB; ...")
    emit(
      err instanceof InputError
        ? { source, error: err.message }
        : { source, error: `cannot read: ${oneLine(err)}` },
    );
    return;
  }
  // (one message is explained from its bytes as they are: its "From " line, if any, is read there)
  const split = splitMboxBytes(bytes);
  const messages = split.length > 1 ? split : [bytes];
  for (const [i, message] of messages.entries()) {
    emit(await explainMessage(message, messages.length > 1 ? `${source}#${i + 1}` : source, chain));
    // now and then let pending events in: a reader that went away (EPIPE) ends the run here
    if (i % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function explainMessage(
  bytes: Uint8Array,
  source: string,
  chain: ChainOptions,
): Promise<ReportOrError> {
  try {
    const report = await explain(bytes);
    return { source, ...(await diagnoseReport(report, chain)) };
  } catch (err) {
    if (err instanceof InputError) return { source, error: err.message };
    // Not the input's fault: still one line, but say it is a bug.
    return {
      source,
      error: `internal error: ${oneLine(err)} (please report it with BOUNCEDOC_DEBUG=1 output)`,
    };
  }
}
