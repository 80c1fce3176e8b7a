/**
 * The clock floor of a program: the same program with every one of its functions,
 * and the built-ins it calls, doing what timing a call needs and nothing else
 * (two reads of the engine's native clock, a try/finally and one sum), with no
 * call tree, no counts and no hooks. No profiler that times every call on this
 * engine can run the program faster, so a target below it is below a physical
 * floor (issue 19).
 *
 * The clock is `__benchRealNow`, which the bench's own prelude defines.
 */
import { Parser, type Node } from 'acorn';
import { simple } from 'acorn-walk';

const ENTER = 'const $t = now(); try {';
const EXIT = '} finally { timed += now() - $t }';

type FunctionNode = Node & { body: Node & { type: string }; expression?: boolean };

/** `source` with every function body timed, and the named built-ins wrapped the same way. */
export function withClockFloor(source: string, builtins: string[]): string {
  const program = Parser.parse(source, { ecmaVersion: 'latest', sourceType: 'script' });
  const edits: Array<{ at: number; text: string }> = [];
  const timeBody = (node: Node) => {
    const fn = node as FunctionNode;
    if (fn.body.type === 'BlockStatement') {
      edits.push({ at: fn.body.start + 1, text: ENTER }, { at: fn.body.end - 1, text: EXIT });
    } else {
      edits.push({ at: fn.body.start, text: `{ ${ENTER} return (` }, { at: fn.body.end, text: `) ${EXIT} }` });
    }
  };
  simple(program, { FunctionDeclaration: timeBody, FunctionExpression: timeBody, ArrowFunctionExpression: timeBody });
  let out = source;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  const wrap = builtins
    .map((path) => {
      const original = `__floor_${path.replace(/\W/g, '_')}`;
      // Two fixed parameters, no spread (a spread call costs QuickJS about a microsecond): the
      // built-ins here take at most two and ignore the rest.
      return `const ${original} = ${path};\n${path} = function (a, b) { ${ENTER} return ${original}(a, b) ${EXIT} };`;
    })
    .join('\n');
  return `const now = __benchRealNow;\nlet timed = 0;\n${wrap}\n${out}`;
}
