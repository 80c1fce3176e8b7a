/**
 * Guided exercises in Markdown: the grammar, its validation, and the remark
 * plugin that turns each exercise into a <wb-exercise> element.
 *
 *     ::::exercise{id=count-the-calls title="Count the calls" answer=number}
 *     Task prose…
 *     ```js cell id=count-the-calls-code show=console,profile      <- the starter cell
 *     ```
 *     ```js check                                                  <- hidden check
 *     ```
 *     :::hint
 *     …                                                            <- one or more hints
 *     :::
 *     :::solution{answer=21891}
 *     …prose and exactly one ```js fence                            <- the reference
 *     :::
 *     ::::
 *
 * The full grammar is in docs/AUTHORING.md ("Exercises"). The check fence is
 * removed from the page's content: its source only travels in a JSON script
 * element that the exercise element reads, never as visible text.
 *
 * The plugin must run before the cell plugin (remark-cells), so the starter is
 * still a fence here: install it in astro.config.mjs's markdown.remarkPlugins.
 */
import type { Code, Heading, Paragraph, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { readFileSync } from 'node:fs';
import { visit } from 'unist-util-visit';
import { CELL_LANGS, isCellFence } from '../cells/cell-info';
import { cellRequest } from '../cells/cell-request';
import { jsonForScript } from './cell-hast';
import { chapterOf, findCells } from './find-cells';
import { parseMarkdown } from './collect-cells';
import type { AnswerSpec, ExerciseSpec } from '../sandbox/exercises/types';

/* ------------------------------------------------------------ grammar */

export const EXERCISE_DIRECTIVE = 'exercise';
export const HINT_DIRECTIVE = 'hint';
export const SOLUTION_DIRECTIVE = 'solution';
/** The info-string word that makes a JavaScript fence an exercise's hidden check. */
export const CHECK_MARKER = 'check';
/** Container directives that may appear inside an exercise besides hints and the solution (Starlight asides). */
const ASIDES = ['note', 'tip', 'caution', 'danger'];
const EXERCISE_ATTRIBUTES = ['id', 'title', 'answer', 'choices'];
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export class ExerciseError extends Error {
  constructor(
    readonly chapter: string,
    readonly line: number,
    readonly detail: string,
    readonly exerciseId?: string,
  ) {
    super(`${chapter}:${line}:${exerciseId ? ` exercise "${exerciseId}":` : ''} ${detail}`);
    this.name = 'ExerciseError';
  }
}

export interface FoundExercise {
  node: ContainerDirective;
  spec: ExerciseSpec;
  /** What the content test runs: the reference solution and, for answer exercises, its answer. */
  reference: { code: string; answer?: string };
  hints: ContainerDirective[];
  solution: ContainerDirective;
  checkNode: Code;
  solutionNode: Code;
}

/** A lighter view for lists (progress page, sidebar): no starter code is read. */
export interface ListedExercise {
  id: string;
  title: string;
  chapter: string;
  line: number;
}

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 0;

/** The node as a container directive (of this name, if given), or undefined. No type narrowing on purpose. */
function asDirective(node: RootContent, name?: string): ContainerDirective | undefined {
  if (node.type !== 'containerDirective') return undefined;
  const directive = node as ContainerDirective;
  return name === undefined || directive.name === name ? directive : undefined;
}
const isDirective = (node: RootContent, name?: string): boolean => asDirective(node, name) !== undefined;

const isJsFence = (node: RootContent): node is Code =>
  node.type === 'code' && (CELL_LANGS as readonly string[]).includes(node.lang ?? '');

export const isCheckFence = (node: RootContent): node is Code =>
  isJsFence(node) && (node.meta ?? '').split(/\s+/).includes(CHECK_MARKER);

/** remark-directive puts a container's [label] in a first paragraph marked directiveLabel. */
function labelOf(node: ContainerDirective): { text?: string; body: ContainerDirective['children'] } {
  const first = node.children[0] as Paragraph | undefined;
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    const text = first.children.map((child) => ('value' in child ? child.value : '')).join('');
    return { text, body: node.children.slice(1) };
  }
  return { body: node.children };
}

function parseAnswer(attributes: Record<string, string | null | undefined>, fail: (detail: string) => never): AnswerSpec | undefined {
  const kind = attributes.answer ?? undefined;
  const choices = attributes.choices ?? undefined;
  if (kind === undefined) {
    if (choices !== undefined) fail('choices= needs answer=choice');
    return undefined;
  }
  if (kind === 'number' || kind === 'text') {
    if (choices !== undefined) fail('choices= only goes with answer=choice');
    return { kind };
  }
  if (kind === 'choice') {
    const list = (choices ?? '').split('|').map((choice) => choice.trim()).filter(Boolean);
    if (list.length < 2) fail('answer=choice needs choices="first|second|…" with at least two choices');
    if (new Set(list).size !== list.length) fail('choices= lists a choice twice');
    return { kind, choices: list };
  }
  return fail(`answer="${kind}" is not number, choice or text`);
}

/** Children of an exercise sorted into their parts, with every rule of the grammar checked. */
function readParts(node: ContainerDirective, chapter: string) {
  const line = lineOf(node);
  const attributes = node.attributes ?? {};
  const rawId = attributes.id ?? '';
  const id = ID_PATTERN.test(rawId) ? rawId : undefined;
  const fail = (detail: string, at = line): never => {
    throw new ExerciseError(chapter, at, detail, id);
  };
  if (!rawId) fail('an exercise needs an id, e.g. ::::exercise{id=find-the-hot-function title="…"}');
  if (!id) fail(`id "${rawId}" may only hold lowercase letters, digits and "-"`);
  for (const key of Object.keys(attributes)) {
    if (!EXERCISE_ATTRIBUTES.includes(key)) fail(`unknown attribute "${key}" (known: ${EXERCISE_ATTRIBUTES.join(', ')})`);
  }
  const title = (attributes.title ?? '').trim();
  if (!title) fail('an exercise needs a title="…"');
  const answer = parseAnswer(attributes, fail);

  const task: RootContent[] = [];
  const starters: Code[] = [];
  const checks: Code[] = [];
  const hints: ContainerDirective[] = [];
  const solutions: ContainerDirective[] = [];
  for (const child of node.children as RootContent[]) {
    const directive = asDirective(child);
    if (isCheckFence(child)) checks.push(child);
    else if (directive?.name === HINT_DIRECTIVE) hints.push(directive);
    else if (directive?.name === SOLUTION_DIRECTIVE) solutions.push(directive);
    else if (directive?.name === EXERCISE_DIRECTIVE) fail('an exercise cannot hold another exercise', lineOf(child));
    else if (directive && !ASIDES.includes(directive.name)) {
      fail(`":::${directive.name}" is not a block an exercise knows (use :::hint, :::solution, or an aside: ${ASIDES.join(', ')})`, lineOf(child));
    } else {
      const fence = child as RootContent; // isCheckFence() narrowed child; a cell fence is still a Code node
      if (fence.type === 'code' && isCellFence(fence.lang, fence.meta)) starters.push(fence);
      task.push(child);
    }
  }
  // A cell or check hidden deeper (inside an aside, a list…) would escape these rules.
  for (const child of task) {
    if (child.type === 'code') continue;
    visit(child, 'code', (inner: Code) => {
      if (isCellFence(inner.lang, inner.meta)) fail('the starter cell must sit directly inside the exercise, not inside another block', lineOf(inner));
      if (isCheckFence(inner as RootContent)) fail('the check fence must sit directly inside the exercise', lineOf(inner));
    });
  }

  if (starters.length !== 1) fail(starters.length === 0 ? 'an exercise needs one starter cell (```js cell id=…)' : `an exercise has exactly one starter cell; found ${starters.length}`);
  if (checks.length !== 1) fail(checks.length === 0 ? 'an exercise needs one hidden check (```js check)' : `an exercise has exactly one check fence; found ${checks.length}`);
  const check = checks[0];
  if (check.meta?.trim() !== CHECK_MARKER) fail('a check fence takes no options: write ```js check', lineOf(check));
  if (!check.value.trim()) fail('the check fence is empty', lineOf(check));
  if (!/\bpass\s*\(/.test(check.value)) fail('the check never calls pass(…), so nobody could ever solve this exercise', lineOf(check));
  if (hints.length === 0) fail('an exercise needs at least one :::hint');
  if (solutions.length !== 1) fail(solutions.length === 0 ? 'an exercise needs a :::solution' : 'an exercise has exactly one :::solution');

  for (const hint of hints) {
    if (Object.keys(hint.attributes ?? {}).length > 0) fail(':::hint takes no attributes (give it a [label] if you like)', lineOf(hint));
    visit(hint, 'code', (inner: Code) => {
      if (isCellFence(inner.lang, inner.meta) || isCheckFence(inner as RootContent)) fail('a hint cannot hold a cell or a check', lineOf(inner));
    });
    if (labelOf(hint).body.length === 0) fail('this hint is empty', lineOf(hint));
  }

  const solution = solutions[0];
  const solutionAttributes = solution.attributes ?? {};
  for (const key of Object.keys(solutionAttributes)) {
    if (key !== 'answer') fail(`:::solution knows only answer="…", not "${key}"`, lineOf(solution));
  }
  const fences: Code[] = [];
  visit(solution, 'code', (inner: Code) => {
    fences.push(inner);
  });
  const solutionFences = fences.filter((fence) => isJsFence(fence as RootContent));
  if (solutionFences.length !== 1) fail(`a :::solution holds exactly one \`\`\`js fence (the reference code); found ${solutionFences.length}`, lineOf(solution));
  const solutionNode = solutionFences[0];
  if (isCellFence(solutionNode.lang, solutionNode.meta) || isCheckFence(solutionNode as RootContent)) {
    fail('the solution fence is plain ```js, not a cell or a check', lineOf(solutionNode));
  }

  const referenceAnswer = solutionAttributes.answer ?? undefined;
  if (answer && referenceAnswer === undefined) fail(`answer=${answer.kind} needs the expected answer on the solution: :::solution{answer="…"}`, lineOf(solution));
  if (!answer && referenceAnswer !== undefined) fail(':::solution{answer=…} needs answer= on the exercise', lineOf(solution));
  if (answer?.kind === 'number' && !/^[-+]?[\d,_ ]*\.?\d+(e[-+]?\d+)?$/i.test(referenceAnswer ?? '')) {
    fail(`the solution's answer "${referenceAnswer}" is not a number`, lineOf(solution));
  }
  if (answer?.kind === 'choice' && !answer.choices.includes(referenceAnswer ?? '')) {
    fail(`the solution's answer "${referenceAnswer}" is not one of the choices`, lineOf(solution));
  }

  return { id: id as string, title, line, answer, task, starter: starters[0], check, hints, solution, solutionNode, referenceAnswer };
}

/** Every exercise directive of a chapter, in order, validated. */
function exerciseNodes(tree: Root, chapter: string): ContainerDirective[] {
  const found: ContainerDirective[] = [];
  visit(tree, (node, _index, parent) => {
    const content = node as RootContent;
    const exercise = asDirective(content, EXERCISE_DIRECTIVE);
    if (exercise) {
      if (parent && parent.type !== 'root') {
        throw new ExerciseError(chapter, lineOf(content), 'an exercise must be a top-level block of the chapter', (exercise.attributes ?? {}).id ?? undefined);
      }
      found.push(exercise);
      return 'skip';
    }
    // Outside an exercise these would be shown to the learner, or silently ignored.
    if (isCheckFence(content)) throw new ExerciseError(chapter, lineOf(content), 'a ```js check fence belongs inside an ::::exercise (it would be shown here)');
    const stray = asDirective(content, HINT_DIRECTIVE) ?? asDirective(content, SOLUTION_DIRECTIVE);
    if (stray) {
      throw new ExerciseError(chapter, lineOf(content), `:::${stray.name} belongs inside an ::::exercise (an exercise needs more colons than the blocks inside it)`);
    }
    return undefined;
  });
  return found;
}

function checkUniqueIds(items: Array<{ id: string; line: number }>, chapter: string): void {
  const seen = new Map<string, number>();
  for (const item of items) {
    const earlier = seen.get(item.id);
    if (earlier !== undefined) throw new ExerciseError(chapter, item.line, `id is already used by the exercise on line ${earlier}`, item.id);
    seen.set(item.id, item.line);
  }
}

/** Exercises of a chapter for lists: validated like the build does, without reading starter files. */
export function listExercises(tree: Root, chapter: string): ListedExercise[] {
  const listed = exerciseNodes(tree, chapter).map((node) => {
    const parts = readParts(node, chapter);
    return { id: parts.id, title: parts.title, chapter, line: parts.line };
  });
  checkUniqueIds(listed, chapter);
  return listed;
}

/** Exercises of a chapter, fully resolved (starter code, run options), validated. */
export function findExercises(tree: Root, chapter: string, options: { examplesDir?: string } = {}): FoundExercise[] {
  const found = exerciseNodes(tree, chapter).map((node): FoundExercise => {
    const parts = readParts(node, chapter);
    const [cell] = findCells({ type: 'root', children: [parts.starter] }, chapter, options);
    const request = cellRequest(cell.spec, cell.source);
    const spec: ExerciseSpec = {
      id: parts.id,
      chapter,
      title: parts.title,
      line: parts.line,
      starterCellId: cell.spec.id,
      starter: cell.source.code,
      solution: parts.solutionNode.value,
      check: parts.check.value,
      run: {
        filename: request.filename ?? cell.spec.filename,
        ...(request.setup ? { setup: request.setup } : {}),
        ...(request.limits ? { limits: request.limits } : {}),
        ...(request.seed !== undefined ? { seed: request.seed } : {}),
      },
      ...(parts.answer ? { answer: parts.answer } : {}),
      profile: /\bcheck\s*\.\s*profile\s*\(/.test(parts.check.value),
      timing: /\bcheck\s*\.\s*(time|compare)\s*\(/.test(parts.check.value),
      hints: parts.hints.length,
    };
    return {
      node,
      spec,
      reference: { code: parts.solutionNode.value, ...(parts.referenceAnswer !== undefined ? { answer: parts.referenceAnswer } : {}) },
      hints: parts.hints,
      solution: parts.solution,
      checkNode: parts.check,
      solutionNode: parts.solutionNode,
    };
  });
  checkUniqueIds(found.map((exercise) => exercise.spec), chapter);
  return found;
}

/** Every exercise of one Markdown file (tests, CLI). */
export function exercisesOfFile(markdownFile: string, options: { examplesDir?: string } = {}): FoundExercise[] {
  const text = readFileSync(markdownFile, 'utf8');
  return findExercises(parseMarkdown(text, markdownFile.endsWith('.mdx')), chapterOf(markdownFile), options);
}

/* ------------------------------------------------------------ rendering */

/** A node that mdast-util-to-hast turns into exactly this element, its mdast children rendered inside. */
function box(tagName: string, properties: Record<string, unknown>, children: RootContent[] = []): RootContent {
  return { type: 'wbExercisePart', data: { hName: tagName, hProperties: properties }, children } as unknown as RootContent;
}

function textParagraph(text: string, className: string): RootContent {
  return { type: 'paragraph', data: { hProperties: { className: [className] } }, children: [{ type: 'text', value: text }] } as RootContent;
}

function render(exercise: FoundExercise): void {
  const { spec, node } = exercise;
  const heading: Heading = { type: 'heading', depth: 3, children: [{ type: 'text', value: `Exercise: ${spec.title}` }] };
  const task = (node.children as RootContent[]).filter(
    (child) => child !== exercise.checkNode && !exercise.hints.includes(child as ContainerDirective) && child !== exercise.solution,
  );

  const hints = exercise.hints.map((hint, index) => {
    const { text, body } = labelOf(hint);
    const title = `Hint ${index + 1} of ${exercise.hints.length}${text ? `: ${text}` : ''}`;
    return box('section', { className: ['wb-exercise-hint'], hidden: true, dataHint: index + 1, ariaLabel: title }, [
      textParagraph(title, 'wb-exercise-hint-title'),
      ...(body as RootContent[]),
    ]);
  });
  const solution = box('section', { className: ['wb-exercise-solution'], hidden: true, ariaLabel: `Solution of ${spec.title}` }, [
    textParagraph('Solution', 'wb-exercise-solution-title'),
    ...(labelOf(exercise.solution).body as RootContent[]),
  ]);
  const data = {
    type: 'wbExerciseData',
    data: {
      hName: 'script',
      hProperties: { type: 'application/json', dataExerciseSpec: true },
      hChildren: [{ type: 'text', value: jsonForScript(spec) }],
    },
  } as unknown as RootContent;

  node.children = [
    heading,
    box('div', { className: ['wb-exercise-task'] }, task),
    box('div', { className: ['wb-exercise-panel'] }, [
      textParagraph('Checking your answer needs JavaScript, which is turned off or still loading.', 'wb-exercise-needs-js'),
    ]),
    // Hints and the solution stay out of the search index: searching must not give them away.
    box('div', { className: ['wb-exercise-hints'], dataPagefindIgnore: true }, hints),
    box('div', { className: ['wb-exercise-solution-area'], dataPagefindIgnore: true }, [solution]),
    data,
  ] as ContainerDirective['children'];
  node.data = {
    ...node.data,
    hName: 'wb-exercise',
    hProperties: {
      id: `exercise-${spec.id}`,
      className: ['wb-exercise'],
      dataExerciseId: spec.id,
      dataChapter: spec.chapter,
      dataTitle: spec.title,
      dataHints: spec.hints,
      ...(spec.answer ? { dataAnswer: spec.answer.kind } : {}),
    },
  } as ContainerDirective['data'];
}

export interface RemarkExercisesOptions {
  examplesDir?: string;
  /** Told about every error before it is thrown (as remark-cells does), so a build can fail on it. */
  onError?: (error: Error) => void;
}

export default function remarkExercises(options: RemarkExercisesOptions = {}) {
  return function transform(tree: Root, file: VFile): void {
    const filePath = file.path ?? file.history[0];
    if (!filePath) return;
    try {
      for (const exercise of findExercises(tree, chapterOf(filePath), options)) render(exercise);
    } catch (error) {
      options.onError?.(error as Error);
      throw error;
    }
  };
}
