// html.ts against the pattern chain it replaces: the indexOf walks must give what the patterns
// give, and take linear time where the patterns take quadratic time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeEntity, dropScripts, dropTags, ENTITY, htmlToText } from '../../src/read/html.js';

/** The reference: htmlToText as a chain of patterns (quadratic on some inputs, fine on small ones). */
function htmlToTextByPatterns(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|table|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(ENTITY, decodeEntity)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const pieces = fc.constantFrom(
  '<script>',
  '<SCRIPT type="x">',
  '<scripts>',
  '<script-x>',
  '</script>',
  '</Script \n >',
  '</script x>',
  '<style>',
  '</STYLE>',
  '</style\u00a0>',
  '</style\u2028>',
  '<ſcript>',
  '<',
  '>',
  '</',
  '<br>',
  '<BR />',
  '<p>',
  '</p>',
  '</div >',
  '&amp;',
  '&#x41;',
  '&#0;',
  '&bogus;',
  ' ',
  '\t',
  '\n',
  '\r\n',
  'text',
  's',
  'x',
);
const htmlish = fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''));

test('htmlToText gives what the pattern chain gives', () => {
  fc.assert(
    fc.property(fc.oneof(htmlish, fc.string({ maxLength: 60 })), (html) => {
      assert.equal(htmlToText(html), htmlToTextByPatterns(html));
    }),
    { numRuns: 3000 },
  );
});

test('dropScripts and dropTags give what their patterns give', () => {
  fc.assert(
    fc.property(htmlish, (html) => {
      assert.equal(dropScripts(html), html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ''));
      assert.equal(dropTags(html), html.replace(/<[^>]*>/g, ''));
    }),
    { numRuns: 3000 },
  );
});

test('htmlToText is linear where the patterns were quadratic', () => {
  const n = 200_000;
  for (const html of [
    '<'.repeat(n),
    '<script>'.repeat(n / 8),
    '<style>x</script>'.repeat(n / 16),
    `a${' '.repeat(n)}b`,
  ]) {
    const start = performance.now();
    htmlToText(html);
    assert.ok(performance.now() - start < 1000, `${html.slice(0, 20)}... took too long`);
  }
  assert.equal(htmlToText('<script>x</script>a<style>y</STYLE >b'), 'ab');
});
