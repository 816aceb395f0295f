// Bundles the compiled command line (dist/src/cli/main.js, from tsc) into dist/cli/, which
// bin/bouncedoc.js runs. Why: a one-bounce `bouncedoc explain` is mostly start-up, and Node 20
// spends most of it resolving, reading and linking ~200 ES modules one by one (and lexing CommonJS
// packages for their exports); one bundle starts ~2x faster (`npm run bench` prints the figure).
// Code splitting keeps the dynamic imports lazy: `serve` (Hono, SQLite, the page) is its own chunk,
// loaded only by that command. Packages with native code or files of their own stay external and
// are loaded from node_modules; tldts is loaded on first use (src/auth/public-suffix.ts). The
// library (dist/src, package.json "exports") stays unbundled.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// (chunk names carry a hash: the chunks of an earlier build would stay beside the new ones)
rmSync('dist/cli', { recursive: true, force: true });

await build({
  entryPoints: { main: 'dist/src/cli/main.js' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'mailauth', 'hono', '@hono/node-server', 'tldts'],
  // CommonJS packages in an ES module bundle (commander) call require() for Node's own modules
  banner: {
    js: "import { createRequire as __bouncedocRequire } from 'node:module';\nconst require = __bouncedocRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
