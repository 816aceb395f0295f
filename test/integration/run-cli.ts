// Runs the real command line in a child process, as a user would: the installed entry point
// bin/bouncedoc.js (the bundle in dist/cli) when dist/ is built and newer than every source file (scripts/test.sh builds
// it first), else src/cli/main.ts through tsx.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const mainUrl = new URL('../../src/cli/main.ts', import.meta.url).href;

// process.argv of `node -e SCRIPT -- ARGS...` is [node, ...ARGS]
const SCRIPT = `import { main } from ${JSON.stringify(mainUrl)};
process.exitCode = await main(['node', 'bouncedoc', ...process.argv.slice(1)]);`;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The node arguments that run the CLI: the built bin when it is up to date, else the sources via tsx. */
export function cliCommand(): string[] {
  const built = path.join(repoRoot, 'dist', 'cli', 'main.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(path.join(repoRoot, 'src'))) {
    return [path.join(repoRoot, 'bin', 'bouncedoc.js')];
  }
  return ['--import', 'tsx', '--input-type=module', '-e', SCRIPT, '--'];
}

const prefix = cliCommand();
/** Which entry point runs: "bin" (built) or "tsx" (sources). */
export const cliEntry = prefix.length === 1 ? 'bin' : 'tsx';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...prefix, ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}
