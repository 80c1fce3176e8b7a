/**
 * Decoding lz-string's `compressToEncodedURIComponent` output with a bound on
 * the decoded size. lz-string's own decoder cannot be stopped: its output grows
 * with the square of the input (every code may add a dictionary entry one
 * character longer than the last), so a 4 KB link can expand to megabytes
 * before anything can look at it. This decoder gives up as soon as the text
 * passes `maxChars`, so its time and memory stay proportional to the bound.
 *
 * The format: 6-bit characters of a URL-safe alphabet, read highest bit first;
 * codes of a width that grows as the dictionary does, assembled lowest bit
 * first; code 0 and 1 bring a literal 8- or 16-bit character, 2 ends the text.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((ch, index) => [ch, index]));

export type LzDecoded = { kind: 'ok'; text: string } | { kind: 'corrupt' } | { kind: 'too-large' };

export function decodeLzUriBounded(input: string, maxChars: number): LzDecoded {
  const packed = input.replace(/ /g, '+');
  let index = 0;
  let value = 0;
  let position = 0;
  let exhausted = false;
  const bits = (count: number): number => {
    let result = 0;
    for (let power = 1, n = 0; n < count; n++, power <<= 1) {
      if (position === 0) {
        if (index >= packed.length) { exhausted = true; return 0; }
        const next = VALUE.get(packed[index++]);
        if (next === undefined) { exhausted = true; return 0; }
        value = next;
        position = 32;
      }
      if (value & position) result |= power;
      position >>= 1;
    }
    return result;
  };

  const dictionary: string[] = ['', '', ''];
  let width = 2;
  const first = bits(width);
  if (exhausted || first > 1) return first === 2 && !exhausted ? { kind: 'ok', text: '' } : { kind: 'corrupt' };
  let previous = String.fromCharCode(bits(first === 0 ? 8 : 16));
  dictionary.push(previous);
  const parts = [previous];
  let length = previous.length;
  let enlargeIn = 4;
  width = 3;
  for (;;) {
    let code = bits(width);
    if (exhausted) return { kind: 'corrupt' };
    if (code === 2) return { kind: 'ok', text: parts.join('') };
    if (code < 2) {
      dictionary.push(String.fromCharCode(bits(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) { enlargeIn = 2 ** width; width++; }
    }
    let entry: string;
    if (code < dictionary.length) entry = dictionary[code];
    else if (code === dictionary.length) entry = previous + previous.charAt(0);
    else return { kind: 'corrupt' };
    length += entry.length;
    if (length > maxChars) return { kind: 'too-large' };
    parts.push(entry);
    dictionary.push(previous + entry.charAt(0));
    if (--enlargeIn === 0) { enlargeIn = 2 ** width; width++; }
    previous = entry;
  }
}
