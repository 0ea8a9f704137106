// spans.js: kroniek's byte offsets become the right string positions on text
// with ë, „ ” and a character outside the BMP (two UTF-16 units).
//   node tests/e2e/spans_test.mjs
import assert from 'node:assert/strict';
import { toUtf16, utf16Offsets } from '../../web/src/spans.js';

const text = 'Noël zei: „We zijn geschokt” 🙁 — zeker 23 doden.';
const bytes = Buffer.from(text, 'utf8');
const map = utf16Offsets(text);
for (const surface of ['Noël', 'We zijn geschokt', 'zeker 23 doden', '🙁', '„We zijn geschokt”']) {
  const begin = bytes.indexOf(Buffer.from(surface, 'utf8'));
  const span = [begin, begin + Buffer.byteLength(surface, 'utf8')];
  const [b, e] = toUtf16(map, span);
  assert.equal(text.slice(b, e), surface, `span ${span} of '${surface}'`);
}
assert.equal(toUtf16(map, [3, 4]), null, 'a bound inside ë is refused');
assert.deepEqual(toUtf16(map, [bytes.length, bytes.length]), [text.length, text.length]);
console.log('all checks passed');
