/** The exercise grammar: what the build accepts, what it refuses (naming chapter, line and id), and the HTML it emits. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { JSDOM } from 'jsdom';
import remarkExercises, { ExerciseError, findExercises, listExercises } from '../../../src/markdown/remark-exercises';
import remarkCells from '../../../src/markdown/remark-cells';
import { parseMarkdown } from '../../../src/markdown/collect-cells';
import { DOCS_DIR } from '../../../src/markdown/find-cells';

const fence = '```';

function exerciseText(parts: { attrs?: string; check?: string; hints?: string; solution?: string; extra?: string } = {}): string {
  return [
    `::::exercise{${parts.attrs ?? 'id=double-it title="Double it"'}}`,
    'Make `double(21)` return 42.',
    '',
    `${fence}js cell id=double-it-code`,
    'function double(x) { return x; }',
    'console.log(double(21));',
    fence,
    '',
    parts.check ?? `${fence}js check\nconst SECRET_CHECK_MARK = 1;\ncheck.load(check.code, ['double']).double(21) === 42 ? pass('42 it is') : fail('not 42');\n${fence}`,
    '',
    parts.hints ?? ':::hint\nMultiply.\n:::\n\n:::hint[Still stuck?]\nTimes two.\n:::',
    '',
    parts.solution ?? `:::solution\nMultiply by two.\n\n${fence}js\nfunction double(x) { return 2 * x; }\nconsole.log(double(21));\n${fence}\n:::`,
    parts.extra ?? '',
    '::::',
  ].join('\n');
}

const find = (markdown: string) => findExercises(parseMarkdown(markdown), 'testing');

function refusal(markdown: string): ExerciseError {
  try {
    find(markdown);
  } catch (error) {
    expect(error).toBeInstanceOf(ExerciseError);
    return error as ExerciseError;
  }
  throw new Error('the exercise was accepted');
}

describe('exercise grammar', () => {
  it('reads an exercise: starter, hidden check, hints, solution', () => {
    const [exercise] = find(`# Title\n\n${exerciseText()}\n`);
    expect(exercise.spec).toMatchObject({
      id: 'double-it',
      chapter: 'testing',
      title: 'Double it',
      line: 3,
      starterCellId: 'double-it-code',
      hints: 2,
      profile: false,
      timing: false,
      run: { filename: 'cell-double-it-code.js' },
    });
    expect(exercise.spec.starter).toBe('function double(x) { return x; }\nconsole.log(double(21));');
    expect(exercise.spec.check).toContain('SECRET_CHECK_MARK');
    expect(exercise.reference.code).toContain('2 * x');
    expect(exercise.reference.answer).toBeUndefined();
  });

  it('reads answers: a number, or one of a list of choices', () => {
    const numberExercise = find(exerciseText({ attrs: 'id=n title="N" answer=number', solution: `:::solution{answer="2,000,000"}\n${fence}js\n1;\n${fence}\n:::` }))[0];
    expect(numberExercise.spec.answer).toEqual({ kind: 'number' });
    expect(numberExercise.reference.answer).toBe('2,000,000');
    const choice = find(exerciseText({ attrs: 'id=c title="C" answer=choice choices="prepY|myMethod|getSum"', solution: `:::solution{answer=prepY}\n${fence}js\n1;\n${fence}\n:::` }))[0];
    expect(choice.spec.answer).toEqual({ kind: 'choice', choices: ['prepY', 'myMethod', 'getSum'] });
  });

  it('notices which tools a check needs', () => {
    const [exercise] = find(exerciseText({ check: `${fence}js check\nconst p = check.profile();\nconst c = check.compare(check.code, check.starter);\npass();\n${fence}` }));
    expect(exercise.spec).toMatchObject({ profile: true, timing: true });
  });

  it.each([
    ['no id', { attrs: 'title="T"' }, /needs an id/],
    ['a bad id', { attrs: 'id=Bad_Id title="T"' }, /lowercase/],
    ['no title', { attrs: 'id=x' }, /title/],
    ['an unknown attribute', { attrs: 'id=x title="T" level=3' }, /unknown attribute "level"/],
    ['no check', { check: '' }, /one hidden check/],
    ['an empty check', { check: `${fence}js check\n\n${fence}` }, /check fence is empty/],
    ['a check that never passes', { check: `${fence}js check\nfail('no');\n${fence}` }, /never calls pass/],
    ['no hint', { hints: '' }, /at least one :::hint/],
    ['no solution', { solution: '' }, /needs a :::solution/],
    ['a solution without code', { solution: ':::solution\nJust words.\n:::' }, /exactly one ```js fence/],
    ['a solution written as a cell', { solution: `:::solution\n${fence}js cell id=sol\n1;\n${fence}\n:::` }, /not a cell/],
    ['an answer exercise without the expected answer', { attrs: 'id=x title="T" answer=number' }, /needs the expected answer/],
    ['a choice answer that is not a choice', { attrs: 'id=x title="T" answer=choice choices="a|b"', solution: `:::solution{answer=c}\n${fence}js\n1;\n${fence}\n:::` }, /not one of the choices/],
    ['an unknown block', { extra: ':::hints\nOops.\n:::' }, /":::hints" is not a block/],
  ])('refuses %s, naming the chapter, line and exercise', (_name, parts, pattern) => {
    const error = refusal(`Intro.\n\n${exerciseText(parts)}`);
    expect(error.message).toMatch(pattern);
    expect(error.message).toMatch(/^testing:\d+:/);
    if (!/needs an id|lowercase/.test(error.message)) expect(error.message).toContain('exercise "');
  });

  it('refuses two exercises with one id', () => {
    const error = refusal(`${exerciseText()}\n\n${exerciseText().replace('double-it-code', 'double-it-code-2')}`);
    expect(error.message).toMatch(/testing:\d+: exercise "double-it": id is already used by the exercise on line 1/);
  });

  it('refuses a check fence or a hint outside an exercise, which would be shown to the learner', () => {
    expect(() => find(`Text\n\n${fence}js check\npass();\n${fence}\n`)).toThrow(/testing:3: a ```js check fence belongs inside/);
    expect(() => find(':::hint\nA hint.\n:::\n')).toThrow(/belongs inside an ::::exercise/);
  });

  it('lists exercises without reading starter files', () => {
    const listed = listExercises(parseMarkdown(exerciseText().replace('js cell id=double-it-code', 'js cell id=double-it-code src=missing.js')), 'testing');
    expect(listed).toEqual([{ id: 'double-it', title: 'Double it', chapter: 'testing', line: 1 }]);
  });
});

describe('rendered exercise', () => {
  async function render(markdown: string) {
    const file = new VFile({ path: path.join(DOCS_DIR, 'testing.md'), value: markdown });
    const html = String(
      await unified().use(remarkParse).use(remarkDirective).use(remarkExercises).use(remarkCells).use(remarkRehype).use(rehypeStringify).process(file),
    );
    return { html, document: new JSDOM(html).window.document };
  }

  it('becomes a <wb-exercise> whose check is never visible text', async () => {
    const { document } = await render(exerciseText());
    const element = document.querySelector('wb-exercise#exercise-double-it')!;
    expect(element).not.toBeNull();
    expect(element.getAttribute('data-chapter')).toBe('testing');
    expect(element.querySelector('h3')!.textContent).toBe('Exercise: Double it');
    // The starter is a live cell, rendered by the cell plugin inside the task.
    expect(element.querySelector('.wb-exercise-task wb-cell#cell-double-it-code')).not.toBeNull();

    const data = element.querySelector('script[type="application/json"][data-exercise-spec]')!;
    expect(JSON.parse(data.textContent!).check).toContain('SECRET_CHECK_MARK');
    data.remove();
    expect(element.textContent).not.toContain('SECRET_CHECK_MARK');
  });

  it('hides the hints and the solution until asked, and keeps them out of search', async () => {
    const { document } = await render(exerciseText());
    const hints = [...document.querySelectorAll('.wb-exercise-hint')];
    expect(hints).toHaveLength(2);
    expect(hints.every((hint) => hint.hasAttribute('hidden'))).toBe(true);
    expect(hints[1].querySelector('.wb-exercise-hint-title')!.textContent).toBe('Hint 2 of 2: Still stuck?');
    const solution = document.querySelector('.wb-exercise-solution')!;
    expect(solution.hasAttribute('hidden')).toBe(true);
    expect(solution.querySelector('pre code')!.textContent).toContain('2 * x');
    expect(document.querySelector('.wb-exercise-hints')!.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(document.querySelector('.wb-exercise-solution-area')!.hasAttribute('data-pagefind-ignore')).toBe(true);
  });
});
