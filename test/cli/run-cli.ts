// Runs the CLI from source, as bin/bouncedoc.js runs it from dist/ (used by the CLI tests via spawn).
import { main } from '../../src/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`bouncedoc: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
