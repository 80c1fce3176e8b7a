/**
 * Floors for the profilers' overhead: the same program with every one of its
 * functions, and the built-ins it calls, doing only part of what a profiler does,
 * run plain. No profiler that does at least that part can run the program faster,
 * so a target below a floor is below a physical floor on this engine (issue 19).
 *
 * - The clock floor (withClockFloor): what timing a call needs and nothing else:
 *   two reads of the engine's native clock, a try/finally and one sum; no call
 *   tree, no counts, no hooks.
 * - The call-tree floor (withCallTreeFloor): the clock floor plus the least a
 *   recorder of cProfile's data (calls and time per call path) does per call:
 *   find the call's node under the current one (one property read, as the
 *   deterministic recorder's inline entry does), count the call, add its time to
 *   the node and move the current node in and out. It keeps no timeline, holds
 *   the start time in a local and trusts every exit (no stack repair): what the
 *   real recorder adds beyond it buys those.
 *
 * The clock is `__benchRealNow`, which the profiler bench's own prelude defines, or
 * an expression given instead (`performance.now` in a chapter's cell).
 */
import { Parser, type Node } from 'acorn';
import { simple } from 'acorn-walk';

/** The code a floor puts around each timed body, given the body's own id (1, 2, ...). */
interface Timing {
  enter(id: number): string;
  exit: string;
  /** Defines what enter and exit use, with this clock; goes first. */
  prelude(clock: string): string;
}

const BENCH_CLOCK = '__benchRealNow';

type FunctionNode = Node & { body: Node & { type: string }; expression?: boolean };

/** `source` with every function body timed, and the named built-ins wrapped the same way. */
function withTiming(source: string, builtins: string[], timing: Timing, clock: string): string {
  const program = Parser.parse(source, { ecmaVersion: 'latest', sourceType: 'script' });
  const bodies: FunctionNode[] = [];
  const collect = (node: Node) => void bodies.push(node as FunctionNode);
  simple(program, { FunctionDeclaration: collect, FunctionExpression: collect, ArrowFunctionExpression: collect });
  const edits: Array<{ at: number; text: string }> = [];
  bodies.forEach((fn, index) => {
    const enter = timing.enter(index + 1);
    if (fn.body.type === 'BlockStatement') {
      edits.push({ at: fn.body.start + 1, text: enter }, { at: fn.body.end - 1, text: timing.exit });
    } else {
      edits.push({ at: fn.body.start, text: `{ ${enter} return (` }, { at: fn.body.end, text: `) ${timing.exit} }` });
    }
  });
  let out = source;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  const wrap = builtins
    .map((path, index) => {
      const original = `__floor_${path.replace(/\W/g, '_')}`;
      // Two fixed parameters, no spread (a spread call costs QuickJS about a microsecond): the
      // built-ins here take at most two and ignore the rest.
      return `const ${original} = ${path};\n${path} = function (a, b) { ${timing.enter(bodies.length + 1 + index)} return ${original}(a, b) ${timing.exit} };`;
    })
    .join('\n');
  return `${timing.prelude(clock)}\n${wrap}\n${out}`;
}

const CLOCK: Timing = {
  prelude: (clock) => `const now = ${clock};\nlet timed = 0;`,
  enter: () => 'const $t = now(); try {',
  exit: '} finally { timed += now() - $t }',
};

/** The clock floor of `source` (see above). */
export function withClockFloor(source: string, builtins: string[], clock = BENCH_CLOCK): string {
  return withTiming(source, builtins, CLOCK, clock);
}

const CALL_TREE: Timing = {
  // Nodes as the recorder makes them: no prototype, children under keys of their own.
  prelude: (clock) => [
    `const now = ${clock};`,
    'const $node = (parent) => ({ __proto__: null, parent, calls: 0, total: 0 });',
    'let $current = $node(null);',
    'const $child = (id) => ($current["f" + id] = $node($current));',
  ].join('\n'),
  enter: (id) => `var $n = $current.f${id} || $child(${id}); $n.calls++; var $s = now(); $current = $n; try {`,
  exit: '} finally { $n.total += now() - $s; $current = $n.parent }',
};

/** The call-tree floor of `source` (see above). */
export function withCallTreeFloor(source: string, builtins: string[], clock = BENCH_CLOCK): string {
  return withTiming(source, builtins, CALL_TREE, clock);
}
