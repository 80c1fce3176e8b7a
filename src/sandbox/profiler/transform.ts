/**
 * The profilers' source transform (acorn). Every function of the learner's
 * code records its calls, returns and exceptions through hooks that the
 * recorder's prelude defines; the transform only ever inserts text on the
 * lines where the code already is, so it never adds or removes a line break.
 *
 *   function f(a) { BODY }
 *     -> function f(a) { ENTER(7)try{ BODY }finally{EXIT}}
 *   (a) => EXPR
 *     -> (a) =>{ENTER(8)try{return ( EXPR )}finally{EXIT}}
 *
 * ENTER and EXIT (enterCode, exitCode) are the deterministic recorder's entry
 * and exit written out inline: a call to a hook costs QuickJS more than the
 * few property accesses it would make (see vm/deterministic.ts).
 *
 * Only bodies change, never parameter lists, so `name`, `length`, `this`,
 * `arguments`, `new.target`, `super` and strictness stay the original ones;
 * `try/finally` sees every way out (return, throw, break out of a generator).
 *
 * Generators and async functions keep an activation record instead of a
 * node, and every `yield`/`await` directly inside them is wrapped so the
 * recorder knows when the function is suspended (its time then stops) and
 * resumed:  await X  ->  __wbGR($wb$a, await __wbGS($wb$a, X)).
 * A `catch`/`finally` block inside them first re-enters the activation, since
 * a rejected await resumes the function there. (A `for await` loop's implicit
 * awaits are not seen; the recorder's stack repairs itself when that happens.)
 *
 * Class field initialisers get a frame of their own by running the value in
 * an arrow (fields cannot use `arguments`, and an arrow keeps `this` and
 * `super`), except when the value is itself an anonymous function or class,
 * whose name must stay the field's name.
 *
 * The event sampler ('events', the default sampling profiler) gets the same
 * structure with lighter inline code (enterCode/exitCode with `sampling`): a
 * call count, and a clock read that takes the samples that fell due.
 * The poll sampler needs no hooks at all: it reads QuickJS's own stack from
 * the engine's interrupt handler, so `instrument(code, 'sampling')` only inserts
 * `__wbS();` (recording starts there, as in every mode) and returns the sites
 * table, which maps stack positions back to functions.
 *
 * Every inserted piece is wrapped in marker comments so that
 * Function.prototype.toString() can give the learner their own source back,
 * and `insertions` lets error columns be mapped back (originalColumn).
 *
 * Code that does not parse is returned unchanged so QuickJS reports the error.
 */
import { Parser, tokTypes, type Node, type Token } from 'acorn';
import { lineStarts, positionAt } from '../line-starts';
import { MARK_CLOSE, MARK_OPEN, WRITTEN_NAMES, type HookNames } from '../engine/hook-names';

/** Names the transformed code uses; the recorder's prelude defines the hooks. */
export const HOOKS = {
  enter: '__wbE',
  exit: '__wbX',
  activationEnter: '__wbGE',
  suspend: '__wbGS',
  resume: '__wbGR',
  reenter: '__wbGQ',
  activationExit: '__wbGX',
  start: '__wbS',
  /** The call's node, from entry to exit (once a depth, hence the name). */
  depthVar: '$wb$d',
  activationVar: '$wb$a',
  // Read by the inline entry and exit (global lexical bindings the prelude declares):
  /** The innermost open call's node (a `let`: entries and exits move it). */
  current: '$wb$c',
  /** The real clock. */
  now: '$wb$n',
  /** Entry when the current node has no child of this frame yet: (frame) -> node. */
  miss: '$wb$m',
  /** Exit when calls above are still open: (node, time). */
  late: '$wb$l',
  /** Records a timeline span: (node, time). */
  span: '$wb$p',
  timeVar: '$wb$t',
  // Read by the event sampler's inline entry and exit:
  /** When the next sample is due, on the real clock (a `let`: the sampler moves it). */
  due: '$wb$u',
  /** Takes the samples that fell due: counts them for the current node. */
  tick: '$wb$k',
} as const;

/**
 * The deterministic entry, inline: the node of this frame under the current one
 * (held in it as `f<frame>`), its call counted and its start time taken.
 * Mirrors enter() in vm/deterministic.ts.
 */
export function enterCode(id: number, sampling = false): string {
  const { depthVar: d, current: c } = HOOKS;
  // The event sampler: the time since the last event was the caller's, so samples that
  // fell due go to it before the callee becomes current.
  // `||`, not `??`: a node is an object, so a falsy read is a missing one, and QuickJS tests
  // truthiness in one bytecode where `??` takes two.
  if (sampling) return `var ${d}=${c}.f${id}||${HOOKS.miss}(${id});${d}.calls++;if(${HOOKS.now}()>=${HOOKS.due})${HOOKS.tick}();${c}=${d};`;
  return (
    `var ${d}=${c}.f${id}||${HOOKS.miss}(${id});` +
    `${d}.calls++;${d}.start=${HOOKS.now}();${c}=${d};`
  );
}

/** The deterministic exit, inline (goes in a `finally`). Mirrors exit() in vm/deterministic.ts. */
export function exitCode(sampling = false): string {
  const { depthVar: d, current: c, timeVar: t } = HOOKS;
  // The event sampler: the time since the last event was the callee's.
  if (sampling) return `if(${HOOKS.now}()>=${HOOKS.due})${HOOKS.tick}();if(${d}===${c})${c}=${d}.parent;else ${HOOKS.late}(${d},${HOOKS.now}())`;
  return (
    `var ${t}=${HOOKS.now}();` +
    `if(${d}===${c}){${d}.total+=${t}-${d}.start;${c}=${d}.parent;if(${d}.span)${HOOKS.span}(${d},${t})}` +
    `else ${HOOKS.late}(${d},${t})`
  );
}

export type SiteKind = 'function' | 'generator' | 'async' | 'async-generator' | 'field' | 'static-block';

/** One instrumented function: frame id = its index in `sites` + 1 (0 is `<module>`). */
export interface FunctionSite {
  name: string;
  /** 1-based, in the original code. */
  line: number;
  column: number;
  kind: SiteKind;
  /** Offsets of the function (or field value) in the original code. */
  start: number;
  end: number;
}

/** A piece of text inserted into the code, for mapping columns back. */
export interface Insertion {
  /** Offset in the original code. */
  pos: number;
  length: number;
}

export interface Instrumented {
  code: string;
  sites: FunctionSite[];
  insertions: Insertion[];
  /** False when the code did not parse (then `code` is the input unchanged). */
  ok: boolean;
}

/** One inserted piece, between MARK_OPEN and MARK_CLOSE as written (engine/hook-names.ts): for stripping. */
export const INSERTED_TEXT = /\/\*<__wb\*\/[\s\S]*?(?:\/\*__wb>\*\/|$)/g;

/* eslint-disable @typescript-eslint/no-explicit-any -- ESTree nodes are walked generically */
type AnyNode = Node & Record<string, any>;

interface Edit {
  pos: number;
  text: string;
  /** 0 = closing text (goes first at a position), 1 = opening text. */
  kind: 0 | 1;
  seq: number;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

interface FnContext {
  node: AnyNode;
  /** Activation record name when the function is a generator or async. */
  suspends: boolean;
}

/**
 * 'sampling': the poll-driven sampler (no hooks); 'events': the event sampler, whose
 * inline entry and exit read the clock and take the samples that fell due.
 */
export type InstrumentMode = 'deterministic' | 'sampling' | 'events';

export function instrument(code: string, mode: InstrumentMode = 'deterministic', names: HookNames = WRITTEN_NAMES): Instrumented {
  const sampling = mode === 'sampling';
  const events = mode === 'events';
  let program: AnyNode;
  // Only where each `=>` ends is needed of the tokens, and line numbers come from a
  // table of line starts: no token list and no `locations` keep a large program's
  // instrumentation within the host's memory.
  const arrowEnds: number[] = [];
  try {
    program = Parser.parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowHashBang: true,
      onToken: (token: Token) => {
        if (token.type === tokTypes.arrow) arrowEnds.push(token.end);
      },
    }) as AnyNode;
  } catch {
    return { code, sites: [], insertions: [], ok: false };
  }
  const starts = lineStarts(code);

  const edits: Edit[] = [];
  const sites: FunctionSite[] = [];
  let seq = 0;
  // Inside `with (object)` every name is looked up in the object first (a Proxy sees them all),
  // so no hook may be named there: code in a with-body runs as written (its calls count for the caller).
  let withDepth = 0;
  // Everything inserted is ours: this run's names for the hooks.
  const open = (pos: number, text: string) => {
    if (withDepth === 0) edits.push({ pos, text: names.rename(MARK_OPEN + text + MARK_CLOSE), kind: 1, seq: seq++ });
  };
  const close = (pos: number, text: string) => {
    if (withDepth === 0) edits.push({ pos, text: names.rename(MARK_OPEN + text + MARK_CLOSE), kind: 0, seq: seq++ });
  };

  /** Where the last `=>` that ends at or before `pos` ends (binary search; they come in order). */
  const arrowEndBefore = (pos: number): number | undefined => {
    let lo = 0;
    let hi = arrowEnds.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (arrowEnds[mid] <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 ? arrowEnds[found] : undefined;
  };

  /** Methods and accessors are found where their name is written, not at their parameter list. */
  const positionOf = new WeakMap<AnyNode, AnyNode>();
  const addSite = (name: string, node: AnyNode, kind: SiteKind, range: AnyNode = node): number => {
    const at = positionAt(starts, (positionOf.get(node) ?? node).start);
    sites.push({ name, line: at.line, column: at.column + 1, kind, start: range.start, end: range.end });
    return sites.length; // frame id; 0 is <module>
  };

  const kindOf = (fn: AnyNode): SiteKind =>
    fn.async && fn.generator ? 'async-generator' : fn.async ? 'async' : fn.generator ? 'generator' : 'function';

  const enterText = (id: number, suspends: boolean) =>
    suspends ? `var ${HOOKS.activationVar}=${HOOKS.activationEnter}(${id});try{` : `${enterCode(id, events)}try{`;
  const exitText = (suspends: boolean) =>
    suspends ? `}finally{${HOOKS.activationExit}(${HOOKS.activationVar})}` : `}finally{${exitCode(events)}}`;

  /** Where code may be inserted at the start of a body: after its directive prologue. */
  const afterDirectives = (body: AnyNode): { at: number; prefix: string } => {
    const statements = body.body as AnyNode[];
    let k = 0;
    while (k < statements.length && statements[k].type === 'ExpressionStatement' && typeof statements[k].directive === 'string') k++;
    if (k > 0) return { at: statements[k - 1].end, prefix: ';' };
    return { at: body.type === 'Program' ? body.start : body.start + 1, prefix: '' };
  };

  /** Instruments one function's body; name is what profiles show. */
  const instrumentFunction = (fn: AnyNode, name: string) => {
    const kind = kindOf(fn);
    const suspends = kind !== 'function';
    const id = addSite(name, fn, kind);
    const body = fn.body as AnyNode;
    if (sampling) return; // the sampler only needs the site
    if (body.type === 'BlockStatement') {
      const { at, prefix } = afterDirectives(body);
      // An empty body: one piece, so the opening text cannot sort after the closing one.
      if (at === body.end - 1) open(at, prefix + enterText(id, suspends) + exitText(suspends));
      else {
        open(at, prefix + enterText(id, suspends));
        close(body.end - 1, exitText(suspends));
      }
    } else {
      const arrowEnd = arrowEndBefore(body.start);
      if (arrowEnd === undefined) return;
      open(arrowEnd, `{${enterText(id, suspends)}return (`);
      close(fn.end, `)${exitText(suspends)}}`);
    }
  };

  const isAnonymousDefinition = (node: AnyNode | null | undefined): boolean =>
    !!node &&
    ((node.type === 'ArrowFunctionExpression') ||
      ((node.type === 'FunctionExpression' || node.type === 'ClassExpression') && !node.id));

  const keyName = (key: AnyNode, computed: boolean): string => {
    if (computed) return key.type === 'Literal' ? String(key.value) : '[computed]';
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'PrivateIdentifier') return `#${key.name}`;
    if (key.type === 'Literal') return String(key.value);
    return '(anonymous)';
  };

  const memberName = (node: AnyNode): string => {
    if (node.type === 'Identifier') return node.name;
    if (node.type === 'ThisExpression') return 'this';
    if (node.type === 'MemberExpression') return `${memberName(node.object)}.${keyName(node.property, node.computed)}`;
    return '(anonymous)';
  };

  /** Walks any node; `hint` names an anonymous function found directly here. */
  const visit = (node: AnyNode | null | undefined, fnCtx: FnContext | undefined, hint?: string, className?: string): void => {
    if (!node || typeof node.type !== 'string') return;
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': {
        const name = node.id?.name ?? hint ?? '(anonymous)';
        instrumentFunction(node, name);
        const ctx: FnContext = { node, suspends: !!(node.async || node.generator) };
        for (const p of node.params) visit(p, ctx);
        visit(node.body, ctx);
        return;
      }
      case 'ClassDeclaration':
      case 'ClassExpression': {
        const name = node.id?.name ?? hint ?? '(anonymous class)';
        visit(node.superClass, fnCtx);
        for (const member of node.body.body as AnyNode[]) visitClassMember(member, name, fnCtx);
        return;
      }
      case 'VariableDeclarator':
        visit(node.id, fnCtx);
        visit(node.init, fnCtx, node.id.type === 'Identifier' ? node.id.name : undefined);
        return;
      case 'AssignmentExpression':
        visit(node.left, fnCtx);
        visit(node.right, fnCtx, node.left.type === 'Identifier' || node.left.type === 'MemberExpression' ? memberName(node.left) : undefined);
        return;
      case 'AssignmentPattern':
        visit(node.left, fnCtx);
        visit(node.right, fnCtx, node.left.type === 'Identifier' ? node.left.name : undefined);
        return;
      case 'Property':
        if (node.computed) visit(node.key, fnCtx);
        if (node.method || node.kind !== 'init') positionOf.set(node.value, node.key);
        if (node.kind === 'get' || node.kind === 'set') visit(node.value, fnCtx, `${node.kind} ${keyName(node.key, node.computed)}`);
        else visit(node.value, fnCtx, keyName(node.key, node.computed));
        return;
      case 'AwaitExpression':
      case 'YieldExpression':
        if (fnCtx?.suspends && !sampling) wrapSuspension(node);
        visit(node.argument, fnCtx);
        return;
      case 'CatchClause':
        visit(node.param, fnCtx);
        if (fnCtx?.suspends && !sampling) open(node.body.start + 1, `${HOOKS.reenter}(${HOOKS.activationVar});`);
        visit(node.body, fnCtx);
        return;
      case 'WithStatement':
        visit(node.object, fnCtx);
        withDepth++;
        visit(node.body, fnCtx);
        withDepth--;
        return;
      case 'TryStatement':
        visit(node.block, fnCtx);
        visit(node.handler, fnCtx);
        if (node.finalizer) {
          if (fnCtx?.suspends && !sampling) open(node.finalizer.start + 1, `${HOOKS.reenter}(${HOOKS.activationVar});`);
          visit(node.finalizer, fnCtx);
        }
        return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'type') continue;
      const value = node[key];
      if (Array.isArray(value)) for (const v of value) visit(v, fnCtx);
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value, fnCtx);
    }
  };

  const visitClassMember = (member: AnyNode, className: string, outer: FnContext | undefined) => {
    if (member.computed) visit(member.key, outer);
    const key = member.key ? keyName(member.key, member.computed) : '';
    if (member.type === 'MethodDefinition') {
      positionOf.set(member.value, member.key);
      const label =
        member.kind === 'constructor'
          ? `${className}.constructor`
          : `${member.kind === 'get' || member.kind === 'set' ? `${member.kind} ` : ''}${className}.${key}`;
      visit(member.value, outer, label);
      return;
    }
    if (member.type === 'PropertyDefinition') {
      const value = member.value as AnyNode | null;
      if (!value) return;
      if (isAnonymousDefinition(value)) {
        // The function gets the field's name: keep it a direct field value.
        visit(value, undefined, `${className}.${key}`);
        return;
      }
      const id = addSite(`${className}.${key}`, member, 'field', value);
      if (sampling) {
        visit(value, undefined);
        return;
      }
      // An arrow keeps `this`, `super` and `new.target` (undefined in fields).
      open(value.start, `((${HOOKS.depthVar})=>{try{return (`);
      close(value.end, `)}finally{${HOOKS.exit}(${HOOKS.depthVar})}})(${HOOKS.enter}(${id}))`);
      visit(value, undefined);
      return;
    }
    if (member.type === 'StaticBlock') {
      const id = addSite(`${className}.<static>`, member, 'static-block');
      if (sampling) {
        for (const st of member.body as AnyNode[]) visit(st, undefined);
        return;
      }
      // The braces of `static {`: the block's statements start after the first `{`.
      const brace = code.indexOf('{', member.start);
      if (brace + 1 === member.end - 1) open(brace + 1, enterText(id, false) + exitText(false));
      else {
        open(brace + 1, enterText(id, false));
        close(member.end - 1, exitText(false));
      }
      for (const s of member.body as AnyNode[]) visit(s, undefined);
    }
  };

  const wrapSuspension = (node: AnyNode) => {
    const a = HOOKS.activationVar;
    open(node.start, `${HOOKS.resume}(${a}, `);
    if (node.argument) {
      open(node.argument.start, `${HOOKS.suspend}(${a}, `);
      close(node.argument.end, '))');
    } else {
      // A bare `yield`: suspend before it, resume after.
      if (withDepth === 0) edits.pop();
      open(node.start, `${HOOKS.resume}(${a}, (${HOOKS.suspend}(${a}), `);
      close(node.end, '))');
    }
  };

  // Recording starts with the learner's first statement (after any directive prologue,
  // and after a hashbang line, which must stay the first thing in the file).
  {
    const start = afterDirectives(program);
    const hashbangEnd = code.startsWith('#!') ? lineAfterHashbang(code) : 0;
    if (start.prefix) open(start.at, `${start.prefix}${HOOKS.start}();`);
    else if (hashbangEnd < code.length) open(hashbangEnd, `${HOOKS.start}();`);
  }
  for (const statement of program.body as AnyNode[]) visit(statement, undefined);

  edits.sort((x, y) => x.pos - y.pos || x.kind - y.kind || (x.kind === 1 ? x.seq - y.seq : y.seq - x.seq));
  const parts: string[] = [];
  const insertions: Insertion[] = [];
  let last = 0;
  for (const e of edits) {
    parts.push(code.slice(last, e.pos), e.text);
    last = e.pos;
    insertions.push({ pos: e.pos, length: e.text.length });
  }
  parts.push(code.slice(last));
  return { code: parts.join(''), sites, insertions, ok: true };
}

/** Offset of the line after a hashbang line (the code's length when there is none). */
function lineAfterHashbang(code: string): number {
  const match = /\r\n|[\n\r\u2028\u2029]/.exec(code);
  return match ? match.index + match[0].length : code.length;
}

/** Maps a 1-based column on a 1-based line of the instrumented code back to the original code. */
export function originalColumn(original: string, insertions: Insertion[], line: number, column: number): number {
  let lineStart = 0;
  for (let l = 1; l < line; l++) {
    const next = original.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  // Insertions on this line shift everything after them.
  let remaining = column - 1;
  let pos = lineStart;
  const onLine = insertions.filter((i) => i.pos >= lineStart).sort((a, b) => a.pos - b.pos);
  for (const ins of onLine) {
    if (ins.pos - pos > remaining) break;
    remaining -= ins.pos - pos;
    pos = ins.pos;
    if (remaining < ins.length) return pos - lineStart + 1;
    remaining -= ins.length;
  }
  return pos + remaining - lineStart + 1;
}
