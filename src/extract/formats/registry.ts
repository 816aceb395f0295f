// The registered bounce formats (one file per sending MTA's own notice, see FormatExtractor in
// src/types.ts). Adding a format: write src/extract/formats/<name>.ts, import it here, add it to the list.
// Order matters only among formats whose hint() says yes: earlier ones are tried first.
import type { FormatExtractor } from '../../types.js';

export const formats: readonly FormatExtractor[] = [];
