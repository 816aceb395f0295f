// explain's NDJSON output: reports of inputs explained side by side come out in the inputs' order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrderedEmitter } from '../../src/cli/explain.js';
import type { ReportOrError } from '../../src/output/index.js';

test('reports of later inputs wait for the earlier ones; the first unfinished input streams', () => {
  const out: string[] = [];
  const e = new OrderedEmitter(3, (r) => out.push(r.source ?? ''));
  const r = (source: string) => ({ source, error: 'x' }) as ReportOrError;
  e.push(2, r('c1'));
  e.push(1, r('b1'));
  e.push(0, r('a1'));
  assert.deepEqual(out, ['a1']); // input 0 streams at once
  e.finish(2);
  e.push(1, r('b2'));
  assert.deepEqual(out, ['a1']);
  e.finish(0); // input 1 becomes the head: its held reports come out, later ones stream
  assert.deepEqual(out, ['a1', 'b1', 'b2']);
  e.push(1, r('b3'));
  e.finish(1); // input 2 was finished already: its reports follow
  assert.deepEqual(out, ['a1', 'b1', 'b2', 'b3', 'c1']);
});
