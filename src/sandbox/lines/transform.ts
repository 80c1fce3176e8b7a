/**
 * The line-time profiler's source transform (acorn), line_profiler's rules in
 * JavaScript. It never adds or removes a line break and inserts code only after
 * the previous token or inside an expression, so errors keep the learner's lines.
 *
 * For each profiled function (the memory profiler's selection: `// @profile`
 * or a name in request.lines):
 *  - entry opens a frame (`const __wb_lf=__wb_le();try{`), the `finally` closes it;
 *  - a line event before each statement that starts a new line;
 *  - loop headers get one event per iteration test, like line_profiler: in the
 *    test of `for(;;)`, `while` and `do…while`, in each `next()` of a `for…of`
 *    (the iterable is wrapped); the statement before them opens the header's
 *    line without a hit (the init or the iterable's evaluation belongs to it);
 *  - `yield` and `await` close the line before suspending and reopen it on
 *    resumption, so time spent suspended belongs to nobody.
 * Line events pass a slot (function base + line offset): no arithmetic in the VM.
 * The VM side is prelude.ts.
 */
import type { AnyNode, Edit, Parsed, Target } from '../memory/transform';
import { anchorBefore, applyEdits, parse, selectTargets } from '../memory/transform';
import { WRITTEN_NAMES, type HookNames } from '../engine/hook-names';

export const LINE_HOOKS = {
  enter: '__wb_le',
  line: '__wb_ll',
  open: '__wb_lq',
  exit: '__wb_lx',
  iterate: '__wb_lo',
  suspend: '__wb_ls',
  resume: '__wb_lr',
  frame: '__wb_lf',
} as const;

export interface LineFunction {
  name: string;
  /** The header's line (where the declaration starts) and the last line. */
  startLine: number;
  endLine: number;
  /** Slot of startLine; line L's slot is base + L - startLine. */
  base: number;
}

export interface LinePlan {
  functions: LineFunction[];
  slots: number;
  /** Names asked for in request.lines that no function in the code has. */
  missing: string[];
}

export interface LineTargetOptions {
  /** Names to profile besides the `// @profile` ones. */
  names?: string[];
}

interface Ctx {
  code: string;
  parsed: Parsed;
  edits: Edit[];
  fn: LineFunction;
}

const F = LINE_HOOKS.frame;
/** Edits at one offset: closers (inner first), then line events, then openers (outer first). */
const closer = (depth: number) => -depth / 1e4;
const opener = (depth: number) => 2 + depth / 1e4;
const RANK_FUNCTION_OPEN = -1;
const RANK_LINE = 1;
const RANK_FUNCTION_CLOSE = 5;

function targetsOf(code: string, parsed: Parsed, options: LineTargetOptions): { targets: Target[]; missing: string[] } {
  return selectTargets(code, parsed, { lines: true, names: options.names, timeline: false, start: true });
}

function planOf(targets: Target[]): LineFunction[] {
  let base = 0;
  return targets.map((t) => {
    const fn = { name: t.name, startLine: t.holder.loc.start.line, endLine: t.fn.loc.end.line, base };
    base += fn.endLine - fn.startLine + 1;
    return fn;
  });
}

/** The profiled functions of `code` and their slots. */
export function planLines(code: string, options: LineTargetOptions): LinePlan {
  const parsed = parse(code);
  if (!parsed) return { functions: [], slots: 0, missing: [] };
  const { targets, missing } = targetsOf(code, parsed, options);
  const functions = planOf(targets);
  const last = functions[functions.length - 1];
  return { functions, slots: last ? last.base + last.endLine - last.startLine + 1 : 0, missing };
}

/** The instrumented code (unchanged when nothing is profiled or it does not parse). */
export function instrumentLines(code: string, options: LineTargetOptions, names: HookNames = WRITTEN_NAMES): string {
  const parsed = parse(code);
  if (!parsed) return code;
  const { targets } = targetsOf(code, parsed, options);
  if (!targets.length) return code;
  const edits: Edit[] = [];
  const plan = planOf(targets);
  targets.forEach((t, i) => instrumentFunction(t, { code, parsed, edits, fn: plan[i] }));
  return applyEdits(code, edits, names);
}

const slot = (c: Ctx, line: number) => c.fn.base + line - c.fn.startLine;
const lineEvent = (c: Ctx, line: number) => `${LINE_HOOKS.line}(${F},${slot(c, line)})`;

function instrumentFunction(t: Target, c: Ctx): void {
  const fn = t.fn;
  const open = `const ${F}=${LINE_HOOKS.enter}();try{`;
  const close = `}finally{${LINE_HOOKS.exit}(${F})}`;
  if (fn.body.type !== 'BlockStatement') {
    // An expression-bodied arrow: a block that returns it, its one line hit per call.
    // The arrow token itself, not the last "=>" in the text: a comment or string may hold one.
    const arrowEnd = anchorBefore(c.parsed.arrowEnds, fn.body.start);
    c.edits.push({ pos: arrowEnd, text: `{${open}${lineEvent(c, fn.body.loc.start.line)};return (`, rank: opener(0) });
    c.edits.push({ pos: fn.end, text: `)${close}}`, rank: closer(0) });
    markSuspensions(fn.body, c, 1);
    return;
  }
  const body: AnyNode[] = fn.body.body;
  let first = 0;
  while (first < body.length && body[first].type === 'ExpressionStatement' && typeof body[first].directive === 'string') first++;
  const openAt = first > 0 ? body[first - 1].end : fn.body.start + 1;
  c.edits.push({ pos: openAt, text: open, rank: RANK_FUNCTION_OPEN });
  c.edits.push({ pos: Math.max(openAt, anchorBefore(c.parsed.tokenEnds, fn.body.end - 1)), text: close, rank: RANK_FUNCTION_CLOSE });
  markStatements(body.slice(first), t.holder.loc.start.line, c);
  for (const stmt of body.slice(first)) markSuspensions(stmt, c, 1);
}

/** Statements that do nothing when reached get no event. */
const SILENT = new Set(['FunctionDeclaration', 'ClassDeclaration', 'EmptyStatement']);

/** The loop a statement is (through labels), if its header counts its own hits. */
function countingLoop(stmt: AnyNode): AnyNode | undefined {
  let s = stmt;
  while (s.type === 'LabeledStatement') s = s.body;
  if (s.type === 'ForStatement' || s.type === 'WhileStatement') return s;
  if (s.type === 'ForOfStatement' && !s.await) return s;
  return undefined;
}

/** The event placed before a statement: a loop that counts its own tests only opens its line. */
function statementEvent(stmt: AnyNode, line: number, c: Ctx): string {
  return countingLoop(stmt) ? `${LINE_HOOKS.open}(${F},${slot(c, line)})` : lineEvent(c, line);
}

function markStatements(list: AnyNode[], lastLine: number, c: Ctx): void {
  let open = lastLine;
  for (const stmt of list) {
    const line = stmt.loc.start.line;
    if (!SILENT.has(stmt.type) && line !== open) {
      c.edits.push({ pos: anchorBefore(c.parsed.tokenEnds, stmt.start), text: `;${statementEvent(stmt, line, c)};`, rank: RANK_LINE });
      open = line;
    }
    markInside(stmt, line, c);
  }
}

/** A statement in a single-statement position (an unbraced loop or `if` body). */
function markSingle(stmt: AnyNode | null | undefined, parentLine: number, c: Ctx): void {
  if (!stmt) return;
  if (stmt.type === 'BlockStatement') return markStatements(stmt.body, parentLine, c);
  const line = stmt.loc.start.line;
  if (line !== parentLine && !SILENT.has(stmt.type)) {
    // Braces make room for the event without changing what the statement means.
    c.edits.push({ pos: anchorBefore(c.parsed.tokenEnds, stmt.start), text: `{${statementEvent(stmt, line, c)};`, rank: RANK_LINE });
    c.edits.push({ pos: stmt.end, text: '}', rank: closer(0) });
    markInside(stmt, line, c);
  } else markInside(stmt, parentLine, c);
}

/** Wraps an expression so the header's event runs each time it is evaluated. */
function eventAround(expr: AnyNode, line: number, c: Ctx): void {
  c.edits.push({ pos: expr.start, text: `(${lineEvent(c, line)},`, rank: opener(0) });
  c.edits.push({ pos: expr.end, text: ')', rank: closer(0) });
}

function markForTest(stmt: AnyNode, line: number, c: Ctx): void {
  if (stmt.test) return eventAround(stmt.test, line, c);
  // `for (init;;)`: an always-true test that counts, right after the first `;` of the header.
  const from = stmt.init ? stmt.init.end : c.code.indexOf('(', stmt.start) + 1;
  const semicolon = c.parsed.tokenEnds.find((end) => end > from && c.code[end - 1] === ';');
  if (semicolon !== undefined) c.edits.push({ pos: semicolon, text: `(${lineEvent(c, line)},true)`, rank: opener(0) });
}

function markInside(stmt: AnyNode, line: number, c: Ctx): void {
  switch (stmt.type) {
    case 'BlockStatement':
    case 'StaticBlock':
      markStatements(stmt.body, line, c);
      break;
    case 'IfStatement':
      markSingle(stmt.consequent, line, c);
      markSingle(stmt.alternate, line, c);
      break;
    case 'ForStatement':
      markForTest(stmt, line, c);
      markSingle(stmt.body, line, c);
      break;
    case 'WhileStatement':
      eventAround(stmt.test, line, c);
      markSingle(stmt.body, line, c);
      break;
    case 'DoWhileStatement':
      markSingle(stmt.body, line, c);
      eventAround(stmt.test, stmt.test.loc.start.line, c);
      break;
    case 'ForOfStatement':
      if (!stmt.await) {
        c.edits.push({ pos: stmt.right.start, text: `${LINE_HOOKS.iterate}(${F},${slot(c, line)},`, rank: opener(0) });
        c.edits.push({ pos: stmt.right.end, text: ')', rank: closer(0) });
      }
      markSingle(stmt.body, line, c);
      break;
    case 'ForInStatement':
      // No test to hook: the header counts on entry and at the start of each iteration.
      markIterationStart(stmt.body, line, c);
      break;
    case 'WithStatement':
      markSingle(stmt.body, line, c);
      break;
    case 'LabeledStatement':
      markInside(stmt.body, line, c);
      break;
    case 'SwitchStatement':
      for (const k of stmt.cases) markStatements(k.consequent, k.loc.start.line, c);
      break;
    case 'TryStatement':
      markStatements(stmt.block.body, line, c);
      if (stmt.handler) markStatements(stmt.handler.body.body, stmt.handler.loc.start.line, c);
      if (stmt.finalizer) markStatements(stmt.finalizer.body, stmt.finalizer.loc.start.line, c);
      break;
  }
}

/** `for…in`: a header event as the body's first statement, then the body as usual. */
function markIterationStart(body: AnyNode, line: number, c: Ctx): void {
  const block = body.type === 'BlockStatement';
  c.edits.push({ pos: block ? body.start + 1 : body.start, text: `${block ? '' : '{'}${lineEvent(c, line)};`, rank: RANK_LINE - 0.5 });
  if (!block) c.edits.push({ pos: body.end, text: '}', rank: closer(0) });
  if (block) markStatements(body.body, line, c);
  else markInside(body, line, c);
}

/**
 * `yield x` / `await x` in the profiled function itself (not in nested functions):
 * `__wb_lr(F, yield __wb_ls(F, x))`: the line stops before suspending and restarts on resumption.
 */
function markSuspensions(node: AnyNode, c: Ctx, depth: number): void {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration') return;
  if (node.type === 'YieldExpression' || node.type === 'AwaitExpression') {
    c.edits.push({ pos: node.start, text: `${LINE_HOOKS.resume}(${F},(`, rank: opener(depth) });
    c.edits.push({ pos: node.end, text: '))', rank: closer(depth) });
    if (node.argument) {
      c.edits.push({ pos: node.argument.start, text: `${LINE_HOOKS.suspend}(${F},`, rank: opener(depth + 0.5) });
      c.edits.push({ pos: node.argument.end, text: ')', rank: closer(depth + 0.5) });
    } else {
      c.edits.push({ pos: node.start + 'yield'.length, text: ` ${LINE_HOOKS.suspend}(${F},void 0)`, rank: opener(depth + 0.5) });
    }
  }
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'type') continue;
    const value = (node as Record<string, unknown>)[key];
    if (Array.isArray(value)) value.forEach((v) => markSuspensions(v as AnyNode, c, depth + 1));
    else if (value && typeof value === 'object' && typeof (value as AnyNode).type === 'string') markSuspensions(value as AnyNode, c, depth + 1);
  }
}
