/**
 * The memory tool's source transform (acorn). It never adds or removes a line
 * break, so every line and column stays the learner's own.
 *
 * - A profiled function (a `// @profile` comment on the line above it, or a name
 *   listed in request.memory.lines) gets a frame opened on entry, a line marker
 *   before each statement that starts a new line, and the frame closed in a
 *   `finally`. Each marker measures the heap, which is the memory "after" the
 *   line that ran before it, exactly how memory_profiler reads its line events.
 * - With a timeline, each top-level statement is preceded by a sample.
 * - Whenever the tool records anything, the program starts with a call that
 *   takes the baseline (and the "before" heap snapshot).
 *
 * The VM-side names the markers call (`__wb_m*`) are defined by the prelude.
 */
import { Parser, tokTypes, type Comment } from 'acorn';
import { MARK_CLOSE, MARK_OPEN, WRITTEN_NAMES, type HookNames } from '../engine/hook-names';

/** Names the transformed code calls; the prelude defines each of them. */
export const MARKERS = {
  start: '__wb_m0',
  enter: '__wb_me',
  line: '__wb_ml',
  exit: '__wb_mx',
  top: '__wb_mt',
  frame: '__wb_mf',
} as const;

export interface ProfiledFunction {
  /** Position in source order; the id the markers pass to the host. */
  index: number;
  name: string;
  /** First line of the function (its header) and last line. */
  startLine: number;
  endLine: number;
}

export interface MemoryPlan {
  functions: ProfiledFunction[];
  /** Names asked for in request.memory.lines that no function in the code has. */
  missing: string[];
}

export interface TransformOptions {
  /** Names to profile besides the `// @profile` ones (request.memory.lines as a list). */
  names?: string[];
  /** Also profile the `// @profile` functions (request.memory.lines set at all). */
  lines: boolean;
  /** Sample before every top-level statement. */
  timeline: boolean;
  /** Call the start marker at all (anything recorded). */
  start: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- ESTree nodes are walked generically */
export type AnyNode = {
  type: string;
  start: number;
  end: number;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
} & Record<string, any>;

export interface Target {
  fn: AnyNode; // FunctionDeclaration | FunctionExpression | ArrowFunctionExpression
  name: string;
  /** Where the header starts (the statement or method holding the function). */
  holder: AnyNode;
}

export interface Edit {
  pos: number;
  text: string;
  /** Among edits at one position: lower first (see RANK). */
  rank: number;
}

/** Order of insertions that land on the same offset: inner closers, then openers, outer ones last. */
const RANK = { functionOpen: -1, arrowClose: 0, wrapClose: 0.5, line: 1, arrowOpen: 2, start: 3, top: 4, functionClose: 5 } as const;

const PROFILE_COMMENT = /^\s*@profile\b/;

export interface Parsed {
  program: AnyNode;
  comments: Comment[];
  /** End offsets of every token, in order (to find the token before a statement). */
  tokenEnds: number[];
  /** End offsets of every `=>` token, in order (a `=>` in a comment is no token). */
  arrowEnds: number[];
}

export function parse(code: string): Parsed | undefined {
  const comments: Comment[] = [];
  const tokenEnds: number[] = [];
  const arrowEnds: number[] = [];
  try {
    const program = Parser.parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      locations: true,
      allowHashBang: true,
      allowReturnOutsideFunction: false,
      onComment: comments,
      onToken: (t) => {
        tokenEnds.push(t.end);
        if (t.type === tokTypes.arrow) arrowEnds.push(t.end);
      },
    }) as unknown as AnyNode;
    return { program, comments, tokenEnds, arrowEnds };
  } catch {
    // A syntax error: leave the code alone, the engine reports it in the learner's terms.
    return undefined;
  }
}

const isFunction = (n: AnyNode | null | undefined): boolean =>
  !!n && (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression' || n.type === 'FunctionDeclaration');

/** Every function-holding declaration a `// @profile` comment or a name can point at. */
function candidates(program: AnyNode): Target[] {
  const found: Target[] = [];
  const visit = (node: AnyNode | null | undefined, className?: string): void => {
    if (!node || typeof node.type !== 'string') return;
    switch (node.type) {
      case 'WithStatement':
        // Code inside `with (object)` looks every name up in the object first (a Proxy sees
        // them all): the recorder's names must never be looked up there, so nothing inside is profiled.
        visit(node.object, className);
        return;
      case 'FunctionDeclaration':
        found.push({ fn: node, name: node.id?.name ?? '(anonymous)', holder: node });
        break;
      case 'VariableDeclaration':
        for (const d of node.declarations) {
          if (d.id.type === 'Identifier' && isFunction(d.init)) {
            found.push({ fn: d.init, name: d.id.name, holder: node.declarations.length === 1 ? node : d });
          }
        }
        break;
      case 'MethodDefinition':
      case 'Property':
        if (isFunction(node.value) && node.key && !node.computed) {
          const key = node.key.type === 'Identifier' ? node.key.name : String(node.key.value);
          found.push({ fn: node.value, name: className ? `${className}.${key}` : key, holder: node });
        }
        break;
      case 'ExpressionStatement':
        // obj.method = function () {...}
        if (node.expression.type === 'AssignmentExpression' && isFunction(node.expression.right)) {
          const left = node.expression.left;
          const name = left.type === 'Identifier' ? left.name : left.type === 'MemberExpression' && !left.computed ? left.property.name : '(anonymous)';
          found.push({ fn: node.expression.right, name, holder: node });
        }
        break;
    }
    const nextClass = node.type === 'ClassDeclaration' || node.type === 'ClassExpression' ? node.id?.name ?? className : className;
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'type') continue;
      const value = node[key];
      if (Array.isArray(value)) value.forEach((v) => visit(v, nextClass));
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value, nextClass);
    }
  };
  visit(program);
  return found;
}

/** The line a `// @profile` comment annotates: the next line that holds code. */
function annotatedLines(code: string, comments: Comment[]): Set<number> {
  const lines = code.split('\n');
  const commentLines = new Set<number>();
  for (const c of comments) {
    for (let l = c.loc!.start.line; l <= c.loc!.end.line; l++) commentLines.add(l);
  }
  const out = new Set<number>();
  for (const c of comments) {
    if (!PROFILE_COMMENT.test(c.value)) continue;
    let line = c.loc!.end.line + 1;
    // Skip further comment-only or blank lines (a doc comment between @profile and the function).
    while (line <= lines.length && (lines[line - 1].trim() === '' || (commentLines.has(line) && !hasCodeOutsideComments(lines[line - 1])))) line++;
    out.add(line);
  }
  return out;
}

function hasCodeOutsideComments(text: string): boolean {
  const t = text.trim();
  return !(t.startsWith('//') || t.startsWith('/*') || t.startsWith('*') || t.endsWith('*/'));
}

export function selectTargets(code: string, parsed: Parsed, options: TransformOptions): { targets: Target[]; missing: string[] } {
  const all = candidates(parsed.program);
  const marked = options.lines ? annotatedLines(code, parsed.comments) : new Set<number>();
  const names = new Set(options.names ?? []);
  const matched = new Set<string>();
  const chosen = new Map<AnyNode, Target>();
  for (const t of all) {
    const short = t.name.includes('.') ? t.name.slice(t.name.lastIndexOf('.') + 1) : t.name;
    const byName = names.has(t.name) || names.has(short);
    if (byName) {
      matched.add(names.has(t.name) ? t.name : short);
    }
    if (byName || marked.has(t.holder.loc.start.line)) chosen.set(t.fn, t);
  }
  const targets = [...chosen.values()].sort((a, b) => a.fn.start - b.fn.start);
  return { targets, missing: [...names].filter((n) => !matched.has(n)) };
}

/** The profiled functions of `code`, as the host numbers them. */
export function planMemoryProfile(code: string, options: TransformOptions): MemoryPlan {
  const parsed = parse(code);
  if (!parsed) return { functions: [], missing: [] };
  const { targets, missing } = selectTargets(code, parsed, options);
  return { functions: targets.map((t, index) => describe(t, index)), missing };
}

function describe(t: Target, index: number): ProfiledFunction {
  return { index, name: t.name, startLine: t.holder.loc.start.line, endLine: t.fn.loc.end.line };
}

/**
 * Where to insert code that must run just before `pos`: right after the token
 * before it. That token usually ends the previous line, so the insertion lands
 * at the end of that line and no column of the learner's code moves. Only
 * whitespace and comments lie between the two places, so both mean the same.
 */
export function anchorBefore(tokenEnds: number[], pos: number): number {
  let lo = 0;
  let hi = tokenEnds.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokenEnds[mid] <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? tokenEnds[found] : pos;
}

interface Ctx {
  edits: Edit[];
  frame: string;
  tokenEnds: number[];
  arrowEnds: number[];
}

/** Statements that do nothing when reached need no marker. */
const SILENT = new Set(['FunctionDeclaration', 'EmptyStatement']);

/**
 * Adds line markers to a statement list of a profiled function.
 * `lastLine` is the line already open (the parent statement's), so a statement
 * sharing a line with the one before it is measured with it, as one line.
 */
function markStatements(list: AnyNode[], lastLine: number, c: Ctx): void {
  let open = lastLine;
  for (const stmt of list) {
    const line = stmt.loc.start.line;
    if (!SILENT.has(stmt.type) && line !== open) {
      c.edits.push({ pos: anchorBefore(c.tokenEnds, stmt.start), text: `;${MARKERS.line}(${c.frame},${line});`, rank: RANK.line });
      open = line;
    }
    markInside(stmt, line, c);
  }
}

/** A statement in a single-statement position (a loop or `if` body without braces). */
function markSingle(stmt: AnyNode | null | undefined, parentLine: number, c: Ctx): void {
  if (!stmt) return;
  if (stmt.type === 'BlockStatement') {
    markStatements(stmt.body, parentLine, c);
    return;
  }
  const line = stmt.loc.start.line;
  if (line !== parentLine && !SILENT.has(stmt.type)) {
    // Braces make room for the marker without changing what the statement means.
    c.edits.push({ pos: anchorBefore(c.tokenEnds, stmt.start), text: `{${MARKERS.line}(${c.frame},${line});`, rank: RANK.line });
    c.edits.push({ pos: stmt.end, text: '}', rank: RANK.wrapClose });
    markInside(stmt, line, c);
  } else {
    markInside(stmt, parentLine, c);
  }
}

/** Descends into the statements a statement holds (never into nested functions). */
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
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      markSingle(stmt.body, line, c);
      break;
    case 'WithStatement':
      // No marker inside: names there are looked up in the with-object first (see candidates()).
      break;
    case 'LabeledStatement':
      // The label must stay glued to its statement: no marker between them.
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

function instrumentFunction(code: string, t: Target, index: number, c: Ctx): void {
  const fn = t.fn;
  const frame = MARKERS.frame;
  const headerLine = t.holder.loc.start.line;
  const open = `const ${frame}=${MARKERS.enter}(${index});try{`;
  const close = `}finally{${MARKERS.exit}(${frame})}`;
  if (fn.body.type !== 'BlockStatement') {
    // An arrow with an expression body becomes a block that returns it: inserted
    // right after `=>` and at the arrow's end, so a parenthesised body `({...})` stays whole.
    const line = fn.body.loc.start.line;
    const mark = line !== headerLine ? `${MARKERS.line}(${frame},${line});` : '';
    const arrowEnd = anchorBefore(c.arrowEnds, fn.body.start);
    c.edits.push({ pos: arrowEnd, text: `{${open}${mark}return (`, rank: RANK.arrowOpen });
    c.edits.push({ pos: fn.end, text: `)${close}}`, rank: RANK.arrowClose });
    return;
  }
  const body: AnyNode[] = fn.body.body;
  // Directives ('use strict') must stay first in the body.
  let first = 0;
  while (first < body.length && body[first].type === 'ExpressionStatement' && typeof body[first].directive === 'string') first++;
  const openAt = first > 0 ? body[first - 1].end : fn.body.start + 1;
  c.edits.push({ pos: openAt, text: open, rank: RANK.functionOpen });
  // Closed right after the last token of the body, so the closing brace's line keeps its columns.
  c.edits.push({ pos: Math.max(openAt, anchorBefore(c.tokenEnds, fn.body.end - 1)), text: close, rank: RANK.functionClose });
  markStatements(body.slice(first), headerLine, { ...c, frame });
}

/** The code with the edits inserted; what they insert is ours, so it takes the run's hook names. */
export function applyEdits(code: string, edits: Edit[], names: HookNames = WRITTEN_NAMES): string {
  const sorted = [...edits].sort((a, b) => a.pos - b.pos || a.rank - b.rank);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    // Between markers, so Function.prototype.toString leaves it out (engine/vm/core.ts).
    out += code.slice(at, e.pos) + names.rename(MARK_OPEN + e.text + MARK_CLOSE);
    at = e.pos;
  }
  return out + code.slice(at);
}

/** The transformed learner code (unchanged when there is nothing to record or it does not parse). */
export function instrumentForMemory(code: string, options: TransformOptions, names: HookNames = WRITTEN_NAMES): string {
  if (!options.start) return code;
  const parsed = parse(code);
  if (!parsed) return code;
  const c: Ctx = { edits: [], frame: MARKERS.frame, tokenEnds: parsed.tokenEnds, arrowEnds: parsed.arrowEnds };
  const { targets } = selectTargets(code, parsed, options);
  targets.forEach((t, i) => instrumentFunction(code, t, i, c));

  const body: AnyNode[] = parsed.program.body;
  let first = 0;
  while (first < body.length && body[first].type === 'ExpressionStatement' && typeof body[first].directive === 'string') first++;
  const start = startMarkerAt(code, parsed, first);
  if (start !== undefined) c.edits.push({ pos: start, text: `${MARKERS.start}();`, rank: RANK.start });
  if (options.timeline) {
    let open = -1;
    for (const stmt of body.slice(first)) {
      const line = stmt.loc.start.line;
      const at = anchorBefore(parsed.tokenEnds, stmt.start);
      // The first statement has no token before it: the start marker samples there already.
      if (SILENT.has(stmt.type) || line === open || at === stmt.start) continue;
      c.edits.push({ pos: at, text: `;${MARKERS.top}(${line});`, rank: RANK.top });
      open = line;
    }
  }
  return applyEdits(code, c.edits, names);
}

/**
 * Where the start marker (baseline, "before" snapshot) can go without moving a
 * column: after the directives, or at the very start when line 1 holds no code.
 * Undefined when the code starts on line 1: the prelude takes the baseline then.
 */
function startMarkerAt(code: string, parsed: Parsed, firstStatement: number): number | undefined {
  const body: AnyNode[] = parsed.program.body;
  if (firstStatement > 0) return body[firstStatement - 1].end;
  if (!body.length) return undefined;
  const offset = firstCodeOffset(code);
  const firstTokenLine = body[0].loc.start.line;
  if (firstTokenLine === 1 || (offset > 0 && firstTokenLine === 2)) return undefined;
  return offset;
}

/** Whether the transform can place the start marker in the code itself (else the prelude takes the baseline). */
export function startsInCode(code: string): boolean {
  const parsed = parse(code);
  if (!parsed) return false;
  const body: AnyNode[] = parsed.program.body;
  let first = 0;
  while (first < body.length && body[first].type === 'ExpressionStatement' && typeof body[first].directive === 'string') first++;
  return startMarkerAt(code, parsed, first) !== undefined;
}

/** The start of line 2 after a hashbang line (which must stay first), else 0. */
function firstCodeOffset(code: string): number {
  if (!code.startsWith('#!')) return 0;
  const nl = code.indexOf('\n');
  return nl < 0 ? code.length : nl + 1;
}
