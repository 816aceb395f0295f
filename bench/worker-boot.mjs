// Worker entry for bench/parse.ts: registers tsx in this thread (worker threads do not inherit the
// loader) and then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
