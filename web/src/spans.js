// kroniek's spans are byte offsets into the UTF-8 text; JavaScript strings
// count UTF-16 units. `utf16Offsets(text)` maps every byte offset that starts
// a character (and the end) to its UTF-16 index.
export function utf16Offsets(text) {
  const map = new Map();
  let bytes = 0;
  let units = 0;
  for (const ch of text) {  // by code point
    map.set(bytes, units);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += ch.length;
  }
  map.set(bytes, units);
  return map;
}

// [begin, end) in bytes -> [begin, end) in UTF-16 units, or null if a bound
// falls inside a character.
export function toUtf16(map, span) {
  const b = map.get(span[0]);
  const e = map.get(span[1]);
  return b === undefined || e === undefined ? null : [b, e];
}
