/**
 * Known shortcuts through the profiling chapter's exercises: an answer read
 * from the wrong column or the wrong cell, code that looks like the lesson but
 * does not do what the task asks, or a result written for the check's own data,
 * must be told no by the check (outcome "failed", never an error).
 */
import { describe, expect, it } from 'vitest';
import { runExercise } from '../../src/sandbox/exercises/node';
import { chapterShortcuts, edit } from './support/shortcuts';

const { exercise, expectFails } = chapterShortcuts('profiling');

describe('predict-the-sleeper', () => {
  it('fails with the right prediction but the code left unchanged', { timeout: 60_000 }, async () => {
    expect(await expectFails('predict-the-sleeper', exercise('predict-the-sleeper').spec.starter, '4')).toMatch(/still called 6 times/);
  });

  it('fails with the code changed but the old figure, 6 s, typed', { timeout: 60_000 }, async () => {
    expect(await expectFails('predict-the-sleeper', exercise('predict-the-sleeper').reference.code, '6')).toMatch(/You predicted 6 s/);
  });
});

describe('find-the-hot-function', () => {
  const code = () => exercise('find-the-hot-function').spec.starter;

  it.each([
    ['myMethod 2', 'the largest cumtime below main, not own time', /Not quite/],
    ['prepY 200000', 'the caller of the hot function', /Not quite/],
    ['randomInt 2000000', "the call count of the demo cell above (a million per child)", /but it was called 200,?000 times, not 2,?000,?000/],
    ['randomInt', 'the name without its call count', /Now add how many times it was called/],
  ])('fails with "%s" (%s)', { timeout: 120_000 }, async (answer, _why, message) => {
    expect(await expectFails('find-the-hot-function', code(), answer)).toMatch(message);
  });

  it('accepts the answer in the forms a learner reads it from the table', { timeout: 120_000 }, async () => {
    for (const answer of ['randomInt 200,000', ' randomInt: 200000 ']) {
      const result = await runExercise({ exercise: exercise('find-the-hot-function').spec, code: code(), answer });
      expect(result, `${answer}: ${result.message}`).toMatchObject({ passed: true });
    }
  });
});

describe('confirm-by-removing', () => {
  const reference = () => exercise('confirm-by-removing').reference.code;

  it("fails with the removal written but the poll sampler's reading, 0 %, typed", { timeout: 60_000 }, async () => {
    expect(await expectFails('confirm-by-removing', reference(), '0')).toMatch(/That is what the poll sampler says/);
  });

  it('fails with the right figure typed but toGreyWithoutBlend left as the starter has it', { timeout: 60_000 }, async () => {
    expect(await expectFails('confirm-by-removing', exercise('confirm-by-removing').spec.starter, '80')).toMatch(/one value for every pixel/);
  });

  it('fails with a copy of toGrey that still calls blend', { timeout: 60_000 }, async () => {
    const code = edit(reference(), 'grey.push(pixels[i]);', 'grey.push(blend(pixels[i], pixels[i + 1], pixels[i + 2]));');
    expect(await expectFails('confirm-by-removing', code, '0')).toMatch(/still called blend 100 times/);
  });

  it('fails when toGreyWithoutBlend returns the whole picture instead of one value per pixel', { timeout: 60_000 }, async () => {
    const code = edit(reference(), /function toGreyWithoutBlend\(pixels\) \{[\s\S]*?\n\}\n/, 'function toGreyWithoutBlend(pixels) {\n  return pixels.slice();\n}\n');
    expect(await expectFails('confirm-by-removing', code, '80')).toMatch(/one value for every pixel/);
  });

  it('fails when the line that prints the share is removed', { timeout: 60_000 }, async () => {
    const code = edit(reference(), /console\.log\(`blend's share[^\n]*/, '');
    expect(await expectFails('confirm-by-removing', code, '80')).toMatch(/Keep the line that prints/);
  });
});

describe('slowest-line', () => {
  it('fails with a summary that returns the figures of the check\'s 2,000 words, hard-coded', { timeout: 120_000 }, async () => {
    const { starter } = exercise('slowest-line').spec;
    const hardCoded = 'function summary(words) {\n  return { letters: 8205, distinct: 1250, longest: "w1006" };\n}\n';
    const code = edit(starter, /\/\/ @profile\nfunction summary\(words\) \{[\s\S]*?\n\}\n/, hardCoded);
    const message = await expectFails('slowest-line', code);
    expect(message).toMatch(/For the words pear, fig/);
  });
});

describe('faster-standard-scores', () => {
  it('fails when only the mean is computed once and the standard deviation is still worked out for every value', { timeout: 120_000 }, async () => {
    const { starter } = exercise('faster-standard-scores').spec;
    const code = edit(
      starter,
      /function standardScores\(values\) \{[\s\S]*?\n\}\n/,
      'function standardScores(values) {\n  const centre = mean(values);\n  return values.map((value) => (value - centre) / standardDeviation(values));\n}\n',
    );
    expect(await expectFails('faster-standard-scores', code)).toMatch(/it needs to be at least 10×/);
  });
});
