// The public API of bouncedoc.
export { type ExplainOptions, explain, InputError, reportFromExtraction } from './explain.js';
export { extract } from './extract/index.js';
export { type MessageReader, type ReadResult, readInput } from './read/index.js';
export type * from './types.js';
