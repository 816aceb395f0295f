#!/usr/bin/env node
// The installed command: runs the bundled CLI (dist/cli, built from dist/src by
// scripts/bundle-cli.mjs; npm's `prepare` builds it on install).
import { main, printable } from '../dist/cli/main.js';

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
