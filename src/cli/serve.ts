// `bouncedoc serve`: the local web page and JSON API.
import type { Command } from '@commander-js/extra-typings';
import { serversResolver, systemResolver } from '../dns/index.js';
import { printable } from '../output/printable.js';
import { dnsOption, isServer } from './dns-options.js';
import { type CliState, oneLine } from './io.js';

export function register(program: Command, state: CliState): void {
  program
    .command('serve')
    .description('start the local web page and JSON API (paste a bounce, check a domain, needs attention)')
    .option('--port <n>', 'port to listen on (0 = any free port)', '8025')
    .option('--host <addr>', 'address to bind; anything but loopback needs a token', '127.0.0.1')
    .option('--db <file>', 'SQLite file for stored bounces (default: under the user data directory)')
    .option('--token <token>', 'require this token on the API (or set BOUNCEDOC_TOKEN)')
    .addOption(dnsOption('for domain checks and the diagnosis'))
    .action(async (opts) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        state.io.stderr('bouncedoc: --port takes a number from 0 to 65535\n');
        state.exitCode = 2;
        return;
      }
      const badServer = opts.dns.find((s) => !isServer(s));
      if (badServer !== undefined) {
        state.io.stderr(
          `bouncedoc: --dns "${printable(badServer)}" is not an IP address with an optional port (127.0.0.1:5300, [::1]:53)\n`,
        );
        state.exitCode = 2;
        return;
      }
      const token = opts.token ?? state.io.env.BOUNCEDOC_TOKEN;
      const resolver = opts.dns.length
        ? serversResolver(opts.dns, { timeoutMs: 2500 })
        : systemResolver({ timeoutMs: 2500 });
      try {
        // the server (Hono, SQLite, the page) is loaded only for this command
        const { defaultDbPath, startServer } = await import('../server/serve.js');
        const server = await startServer({
          port,
          host: opts.host,
          db: opts.db ?? defaultDbPath(state.io.env),
          token: token || undefined,
          resolver,
          log: (line) => state.io.stderr(`bouncedoc: ${printable(line)}\n`),
        });
        state.io.stdout(`bouncedoc is serving on ${server.url}  (Ctrl-C to stop)\n`);
        if (token) state.io.stdout('the API and the page ask for the token\n');
        await new Promise<void>((resolve) => {
          const stop = () => {
            server.close().then(resolve, resolve);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      } catch (err) {
        state.io.stderr(`bouncedoc: cannot serve: ${printable(oneLine(err))}\n`);
        state.exitCode = 2;
      }
    });
}
