/**
 * Known shortcuts through the memory chapter's exercises: code that gives the
 * right output, or looks like the lesson of the cell above the exercise, but
 * does not do what the task asks, must be told no by the check (outcome
 * "failed", never an error).
 */
import { describe, expect, it } from 'vitest';
import { chapterShortcuts, edit } from './support/shortcuts';

const { exercise, expectFails } = chapterShortcuts('memory');

describe('stream-the-log: the check tests the constraint, not only the output', () => {
  const starter = () => exercise('stream-the-log').spec.starter;

  it('fails with a Float32Array that holds every reading (it fits under the 8 MB limit and prints the right summary)', { timeout: 60_000 }, async () => {
    let code = edit(starter(), 'const values = [];', 'const values = new Float32Array(COUNT);');
    code = edit(code, 'values.push(reading(i));', 'values[i] = reading(i);');
    expect(await expectFails('stream-the-log', code)).toMatch(/the live heap grew by 5\.\d MB: your program still keeps them/);
  });

  it('fails with every reading kept in chunks of plain arrays, none of them over the limit', { timeout: 60_000 }, async () => {
    const chunked = `
function allReadings() {
  const chunks = [];
  let chunk = [];
  for (let i = 0; i < COUNT; i++) {
    chunk.push(reading(i));
    if (chunk.length === 100_000) { chunks.push(chunk); chunk = []; }
  }
  chunks.push(chunk);
  return (function* () { for (const c of chunks) yield* c; })();
}`;
    const code = edit(starter(), /function allReadings\(\) \{[\s\S]*?\n\}\n/, chunked.trim() + '\n');
    expect(await expectFails('stream-the-log', code)).toMatch(/the live heap grew by \d+\.\d MB/);
  });

  it('fails when the readings are computed without calling reading(i), which the probe needs', { timeout: 60_000 }, async () => {
    const inlined = `
function* allReadings() {
  for (let i = 0; i < COUNT; i++) yield 15 + 10 * Math.sin(i / 3_600) + ((i * 7_919) % 13) / 10;
}`;
    const code = edit(starter(), /function allReadings\(\) \{[\s\S]*?\n\}\n/, inlined.trim() + '\n');
    expect(await expectFails('stream-the-log', code)).toMatch(/called reading\(i\) 0 times/);
  });
});

describe('frames-as-views: copying the views demo above it is not enough', () => {
  const starter = () => exercise('frames-as-views').spec.starter;

  it('fails with slice swapped for subarray, as in the views-and-copies cell (the window then tapers the signal twice)', { timeout: 60_000 }, async () => {
    const code = edit(starter(), 'signal.slice(start, start + FRAME)', 'signal.subarray(start, start + FRAME)');
    expect(await expectFails('frames-as-views', code)).toMatch(/^Frame \d+ has loudness .* tapered once by the window/);
  });

  it('fails with the window moved into loudness but still written into the frames', { timeout: 60_000 }, async () => {
    let code = edit(starter(), 'signal.slice(start, start + FRAME)', 'signal.subarray(start, start + FRAME)');
    code = edit(code, '    for (let i = 0; i < FRAME; i++) frame[i] *= WINDOW[i]; // taper the edges\n', '');
    code = edit(code, 'return frames.map((frame) => Math.sqrt(', 'return frames.map((frame) => (frame.forEach((v, i) => { frame[i] = v * WINDOW[i]; }), Math.sqrt(');
    code = edit(code, '/ frame.length));', '/ frame.length)));');
    expect(await expectFails('frames-as-views', code)).toMatch(/^Frame \d+ has loudness/);
  });

  it('fails with Float32Array copies: half the bytes, but not the same loudness', { timeout: 60_000 }, async () => {
    let code = edit(starter(), 'const signal = new Float64Array(SAMPLES);', 'const signal = new Float32Array(SAMPLES);');
    code = edit(code, 'const WINDOW = Float64Array.from(', 'const WINDOW = Float32Array.from(');
    expect(await expectFails('frames-as-views', code)).toMatch(/^Frame \d+ has loudness/);
  });
});

describe('small-summaries: the whole chain must be cut', () => {
  const starter = () => exercise('small-summaries').spec.starter;
  const describeLine = 'describe: () => `${doc.title}: ${words.length} words, the longest "${longest}"`,';

  it('fails when describe stops mentioning doc but still mentions words', { timeout: 60_000 }, async () => {
    let code = edit(starter(), 'const words = doc.text.split', 'const { title } = doc;\n  const words = doc.text.split');
    code = edit(code, describeLine, 'describe: () => `${title}: ${words.length} words, the longest "${longest}"`,');
    expect(await expectFails('small-summaries', code)).toMatch(/100 summaries still hold [\d.]+ MB/);
  });

  it('fails when describe stops mentioning words but still mentions doc', { timeout: 60_000 }, async () => {
    let code = edit(starter(), 'const longest', 'const count = words.length;\n  const longest');
    code = edit(code, describeLine, 'describe: () => `${doc.title}: ${count} words, the longest "${longest}"`,');
    expect(await expectFails('small-summaries', code)).toMatch(/100 summaries still hold [\d.]+ KB/);
  });

  it('fails with a WeakRef to the document: the memory goes, and so does the title', { timeout: 60_000 }, async () => {
    let code = edit(starter(), 'const longest', 'const count = words.length;\n  const ref = new WeakRef(doc);\n  const longest');
    code = edit(code, describeLine, 'describe: () => `${ref.deref()?.title}: ${count} words, the longest "${longest}"`,');
    expect(await expectFails('small-summaries', code)).toMatch(/Once its document was gone, describe\(\) .* returned "undefined: 1000 words/);
  });

  it('fails when summarise empties the document it was given instead of letting go of it', { timeout: 60_000 }, async () => {
    let code = edit(starter(), 'const longest', 'const count = words.length;\n  const longest');
    code = edit(code, describeLine, 'describe: () => `${doc.title}: ${count} words, the longest "${longest}"`,');
    code = edit(code, '  return {\n    id: doc.id,', '  doc.text = "";\n  return {\n    id: doc.id,');
    expect(await expectFails('small-summaries', code)).toMatch(/changed the document it was given/);
  });

  it('fails when describe is dropped', { timeout: 60_000 }, async () => {
    const code = edit(edit(starter(), describeLine, ''), 'console.log(library[7].describe());', 'console.log(library[7].id);');
    expect(await expectFails('small-summaries', code)).toMatch(/describe\(\) of document 0 should still return/);
  });
});
