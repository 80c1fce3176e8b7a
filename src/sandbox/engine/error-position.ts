/**
 * Recovers where a runtime error really happened when QuickJS's position table
 * is wrong. For some operations QuickJS records no position of their own, so a
 * frame reports the last position it did record: the start of the function
 * (`o.prop.deep` inside `read()` at `read`'s first line), or 1:1 at the top of
 * a script (`missingThing + b` on line 3), or an `await` a few lines up.
 *
 * The message names what failed (`missingThing is not defined`, `cannot read
 * property 'deep' of undefined`). Acorn finds where that name is used inside
 * the function the frame names; when the engine's line holds no such use, the
 * use after the engine's position (else the first) in that function is where
 * the error is, and the location is marked `recovered`.
 */
import { Parser, type Node } from 'acorn';
import { ancestor } from 'acorn-walk';
import type { SourceLocation } from '../types';

/** What a message says failed, and how to recognise a use of it in the tree. */
type Target = { kind: 'reference' | 'read' | 'write' | 'constant'; name: string };

const MESSAGE_TARGETS: Array<[RegExp, Target['kind']]> = [
  [/^(.+) is not defined$/, 'reference'],
  [/^cannot read property '(.+)' of (?:undefined|null)$/, 'read'],
  [/^cannot set property '(.+)' of (?:undefined|null)$/, 'write'],
  [/^'(.+)' is read-only$/, 'constant'],
];

/** QuickJS's own messages are short; a longer one was written by the program (untrusted, unbounded). */
const MAX_MESSAGE = 300;

export function targetOf(message: string): Target | undefined {
  if (message.length > MAX_MESSAGE) return undefined;
  for (const [pattern, kind] of MESSAGE_TARGETS) {
    const m = pattern.exec(message);
    if (m) return { kind, name: m[1] };
  }
  return undefined;
}

type AnyNode = Node & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Positions of a node; the tree is parsed with `locations: true`, so every node has them. */
const startOf = (node: AnyNode) => node.loc!.start;
const endLineOf = (node: AnyNode) => node.loc!.end.line;
interface Use {
  line: number;
  /** 1-based: where the failing expression starts (`o` in `o.prop.deep`), as QuickJS points when it is right. */
  column: number;
  /** 1-based, of the name itself (`deep`). */
  nameColumn: number;
  /** The innermost function around the use, or undefined at the top level. */
  fn: AnyNode | undefined;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function propertyName(member: AnyNode): string | undefined {
  const p = member.property as AnyNode;
  if (!member.computed && p.type === 'Identifier') return p.name as string;
  if (member.computed && p.type === 'Literal') return String(p.value);
  return undefined;
}

function isAssignedTo(node: AnyNode, parent: AnyNode | undefined): boolean {
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression' && parent.left === node) return true;
  return parent.type === 'UpdateExpression';
}

/** Every use in `tree` that could have raised an error about `target`. */
function usesOf(tree: AnyNode, target: Target): Use[] {
  const uses: Use[] = [];
  const note = (node: AnyNode, at: AnyNode, ancestors: AnyNode[]) => {
    const fn = [...ancestors].reverse().find((a) => a !== node && FUNCTIONS.has(a.type));
    const nameColumn = startOf(at).column + 1;
    const column = startOf(node).line === startOf(at).line ? startOf(node).column + 1 : nameColumn;
    uses.push({ line: startOf(at).line, column, nameColumn, fn });
  };
  ancestor(tree, {
    Identifier(node: Node, _state: unknown, ancestors: Node[]) {
      const id = node as AnyNode;
      if (id.name !== target.name || (target.kind !== 'reference' && target.kind !== 'constant')) return;
      const parent = ancestors[ancestors.length - 2] as AnyNode | undefined;
      if (target.kind === 'constant' && !isAssignedTo(id, parent)) return;
      if (target.kind === 'reference' && !isReference(id, parent)) return;
      note(id, id, ancestors as AnyNode[]);
    },
    MemberExpression(node: Node, _state: unknown, ancestors: Node[]) {
      const member = node as AnyNode;
      if ((target.kind !== 'read' && target.kind !== 'write') || propertyName(member) !== target.name) return;
      const parent = ancestors[ancestors.length - 2] as AnyNode | undefined;
      const assigned = isAssignedTo(member, parent);
      if (target.kind === 'write' ? !assigned : assigned && parent?.operator === '=') return;
      note(member, member.property as AnyNode, ancestors as AnyNode[]);
    },
  });
  return uses;
}

/** An identifier read as a variable, not a property key, a declaration or a label. */
function isReference(id: AnyNode, parent: AnyNode | undefined): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression') return parent.object === id || parent.computed;
  if (parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') return parent.value === id || parent.computed;
  if (parent.type === 'VariableDeclarator') return parent.init === id;
  if (FUNCTIONS.has(parent.type) || parent.type === 'ClassDeclaration' || parent.type === 'ClassExpression') return parent.body === id;
  return !['LabeledStatement', 'BreakStatement', 'ContinueStatement'].includes(parent.type);
}

/** The name a stack frame gives a function: `f`, `Class.method` or `get size` end in the same key. */
function nameOf(fn: AnyNode, parent: AnyNode | undefined): string | undefined {
  if (fn.id?.name) return fn.id.name as string;
  const key = parent && (parent.type === 'MethodDefinition' || parent.type === 'Property' || parent.type === 'PropertyDefinition') ? parent.key : undefined;
  if (key?.type === 'Identifier') return key.name as string;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name as string;
  return undefined;
}

/**
 * The function the engine's frame is in: undefined for the top level, else the
 * innermost function spanning `line` whose name agrees with the frame's (the
 * innermost of any name if none agrees).
 */
function frameFunction(tree: AnyNode, line: number, frameName: string): AnyNode | undefined {
  if (frameName === '<module>') return undefined;
  const wanted = frameName.split(/[\s.]/).pop();
  let innermost: AnyNode | undefined;
  let named: AnyNode | undefined;
  ancestor(tree, {
    Function(node: Node, _state: unknown, ancestors: Node[]) {
      const fn = node as AnyNode;
      if (startOf(fn).line > line || line > endLineOf(fn)) return;
      if (!innermost || fn.start >= innermost.start) innermost = fn;
      const name = nameOf(fn, ancestors[ancestors.length - 2] as AnyNode | undefined);
      if (name === wanted && (!named || fn.start >= named.start)) named = fn;
    },
  });
  return named ?? innermost;
}

function throwsOn(tree: AnyNode, line: number): boolean {
  let found = false;
  ancestor(tree, {
    ThrowStatement(node: Node) {
      if (startOf(node as AnyNode).line === line) found = true;
    },
  });
  return found;
}

function parse(code: string): AnyNode | undefined {
  try {
    return Parser.parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, locations: true }) as AnyNode;
  } catch {
    return undefined;
  }
}

/**
 * The error's position at the start of the failing expression (where QuickJS
 * points when it is right), marked `recovered`; or undefined when the engine's
 * own is right (inside that expression) or nothing in the source can tell.
 * With several uses on the engine's line, its own column is the only one that
 * knows which failed: it is kept.
 */
export function recoverPosition(code: string, message: string, reported: SourceLocation, frameName: string): SourceLocation | undefined {
  const target = targetOf(message);
  if (!target) return undefined;
  const tree = parse(code);
  if (!tree) return undefined;
  // A program that throws its own ReferenceError("x is not defined") is where its throw is.
  if (throwsOn(tree, reported.line)) return undefined;
  const uses = usesOf(tree, target);
  const onLine = uses.filter((u) => u.line === reported.line);
  if (onLine.length > 1) return undefined;
  if (onLine.length === 1) {
    const use = onLine[0];
    const inExpression = use.column <= reported.column && reported.column <= use.nameColumn;
    return inExpression ? undefined : { file: reported.file, line: use.line, column: use.column, recovered: true };
  }
  const fn = frameFunction(tree, reported.line, frameName);
  const inFrame = uses.filter((u) => u.fn === fn);
  if (inFrame.length === 0) return undefined;
  const after = inFrame.find((u) => u.line > reported.line || (u.line === reported.line && u.column >= reported.column));
  const use = after ?? inFrame[0];
  return { file: reported.file, line: use.line, column: use.column, recovered: true };
}
