// A report's own note is printed: for JSON that is no known payload it replaces the generic line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../src/explain.js';
import { formatText } from '../../src/output/text.js';

test('JSON that is no ESP payload: the text says so, not "no SMTP reply"', async () => {
  const report = await explain('{"hello":"world"}');
  assert.equal(report.kind, 'not-bounce');
  const text = formatText([report], { color: false });
  assert.match(text, /JSON document, but no known ESP webhook payload/);
  assert.doesNotMatch(text, /No SMTP reply/);
});
