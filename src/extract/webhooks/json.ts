// Small, total accessors over parsed JSON of unknown shape: webhook bodies are attacker-controlled,
// so every access checks its type and never throws.

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, key: string): JsonObject | undefined {
  if (!isObject(v)) return undefined;
  const x = v[key];
  return isObject(x) ? x : undefined;
}

/** A string field; numbers are given as their decimal text (ESPs mix "550" and 550). */
export function str(v: unknown, key: string): string {
  if (!isObject(v)) return '';
  const x = v[key];
  if (typeof x === 'string') return x.trim();
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return '';
}

export function arr(v: unknown, key: string): unknown[] {
  if (!isObject(v)) return [];
  const x = v[key];
  return Array.isArray(x) ? x : [];
}

/** The payload as a list of events: an array as is, a single object as a list of one. */
export function events(json: unknown, limit: number): unknown[] {
  const list = Array.isArray(json) ? json : [json];
  return list.length > limit ? list.slice(0, limit) : list;
}

/**
 * table[key] for a key taken from the payload, only when the table itself holds it: a plain
 * object's lookup would answer "constructor" or "toString" with Object's own functions.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
