// Shared test helpers: corpus paths (read from ../shared, never copied) and resolvers over the
// corpus JSON zone format, with a log of the questions asked.
import { readFileSync } from 'node:fs';
import { type MemoryZone, memoryResolver } from '../../../src/dns/memory.js';
import type { Resolver, RRType } from '../../../src/types.js';

export const corpusUrl = (path: string): URL => new URL(`../../../../shared/corpus/${path}`, import.meta.url);

export function readCorpusJson<T>(path: string): T {
  return JSON.parse(readFileSync(corpusUrl(path), 'utf8')) as T;
}

export function readCorpusText(path: string): string {
  return readFileSync(corpusUrl(path), 'utf8');
}

/** A resolver over a corpus zone that records every (name, type) asked. */
export function loggingResolver(zone: Record<string, unknown>): Resolver & { log: [string, RRType][] } {
  const inner = memoryResolver(zone as MemoryZone);
  const log: [string, RRType][] = [];
  const r = (async (name: string, type: RRType) => {
    log.push([name, type]);
    return inner(name, type);
  }) as Resolver & { log: [string, RRType][] };
  r.log = log;
  return r;
}

/** Disagreements between a source's verdict and RFC 9989 that the tests decide by the RFC. */
export interface Disagreement {
  id: string;
  source: string;
  sourceSays: string;
  rfcSays: string;
}

export const disagreements: Disagreement[] = [];

export function noteDisagreement(d: Disagreement): void {
  if (!disagreements.some((x) => x.id === d.id && x.sourceSays === d.sourceSays)) disagreements.push(d);
}
