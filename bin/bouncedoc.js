#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm's `prepare` builds dist/ on install).
import { main } from '../dist/src/cli/main.js';
import { printable } from '../dist/src/output/printable.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last resort: never show a stack trace to a person.
    process.stderr.write(`bouncedoc: ${printable(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 2;
  },
);
