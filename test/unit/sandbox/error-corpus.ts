/**
 * Runtime errors on known lines: each program marks the line that must be
 * reported with a `// <-` comment, and the column (1-based) where the failing
 * name or operation starts, when there is one to point at.
 */
export interface ErrorCase {
  name: string;
  code: string;
  errorName: string;
}

export const ERROR_CORPUS: ErrorCase[] = [
  { name: 'undefined name in an expression', errorName: 'ReferenceError', code: 'const a = 1;\nconst b = 2;\nconst c = missingThing + b; // <-\nconsole.log(c);' },
  { name: 'undefined name called', errorName: 'ReferenceError', code: 'let total = 0;\n\nnotDefined(total); // <-\n' },
  { name: 'undefined name inside a function', errorName: 'ReferenceError', code: 'function f(x) {\n  const y = x * 2;\n  return y + nowhere; // <-\n}\nf(1);' },
  { name: 'property of undefined', errorName: 'TypeError', code: 'const o = {};\n\nconsole.log(o.prop.deep); // <-\n' },
  { name: 'property of undefined inside a function', errorName: 'TypeError', code: 'function read(o) {\n  const a = 1;\n  return o.prop.deep; // <-\n}\nread({});' },
  { name: 'property of null', errorName: 'TypeError', code: 'let node = null;\nlet depth = 0;\ndepth += node.next; // <-\n' },
  { name: 'property of null inside a function', errorName: 'TypeError', code: 'function first(list) {\n  let n = list;\n  return n.value; // <-\n}\nfirst(null);' },
  { name: 'setting a property of undefined', errorName: 'TypeError', code: 'const cfg = {};\n\ncfg.options.debug = true; // <-\n' },
  { name: 'calling a non-function', errorName: 'TypeError', code: 'const api = { run: 5 };\n\napi.run(); // <-\n' },
  { name: 'calling a non-function inside a function', errorName: 'TypeError', code: 'function go(api) {\n  const x = 1;\n  return api.start(x); // <-\n}\ngo({});' },
  { name: 'calling undefined variable', errorName: 'TypeError', code: 'let handler;\n\nhandler(); // <-\n' },
  { name: 'assignment to a constant', errorName: 'TypeError', code: 'const limit = 10;\nlet i = 0;\nlimit = 11; // <-\n' },
  { name: 'assignment to a constant inside a function', errorName: 'TypeError', code: 'function bump() {\n  const n = 1;\n  n += 1; // <-\n  return n;\n}\nbump();' },
  { name: 'throw in a nested function', errorName: 'Error', code: 'function a() { return b(); }\nfunction b() { return c(); }\nfunction c() {\n  throw new Error("deep"); // <-\n}\na();' },
  { name: 'error in a nested function', errorName: 'TypeError', code: 'function outer() {\n  return inner({});\n}\nfunction inner(o) {\n  return o.a.b; // <-\n}\nouter();' },
  { name: 'error in a map callback', errorName: 'TypeError', code: 'const rows = [{ v: 1 }, {}];\nconst out = rows.map((r) => {\n  return r.v.toFixed(1); // <-\n});' },
  { name: 'error in a reduce callback', errorName: 'ReferenceError', code: 'const xs = [1, 2, 3];\nconst s = xs.reduce((acc, x) => {\n  return acc + x * factor; // <-\n}, 0);' },
  { name: 'error in a forEach callback', errorName: 'TypeError', code: 'const items = [1, 2];\nitems.forEach((item) => {\n  const v = item;\n  v.call(); // <-\n});' },
  { name: 'error in a one-line arrow callback', errorName: 'TypeError', code: 'const list = [null];\n\nconst names = list.map((p) => p.name); // <-\n' },
  { name: 'error in a class method', errorName: 'TypeError', code: 'class Account {\n  constructor() { this.owner = null; }\n  name() {\n    return this.owner.name; // <-\n  }\n}\nnew Account().name();' },
  { name: 'error in a getter', errorName: 'ReferenceError', code: 'class Box {\n  get size() {\n    const w = 2;\n    return w * height; // <-\n  }\n}\nconsole.log(new Box().size);' },
  { name: 'error in a constructor', errorName: 'TypeError', code: 'class P {\n  constructor(opts) {\n    this.x = 1;\n    this.y = opts.y; // <-\n  }\n}\nnew P();' },
  { name: 'error in an async function', errorName: 'TypeError', code: 'async function load() {\n  await null;\n  const r = undefined;\n  return r.data; // <-\n}\nload();' },
  { name: 'error after a loop', errorName: 'ReferenceError', code: 'let s = 0;\nfor (let i = 0; i < 10; i++) {\n  s += i;\n}\nconsole.log(s + later); // <-\n' },
];

/** The 1-based line of the `// <-` mark. */
export function markedLine(code: string): number {
  return code.split('\n').findIndex((l) => l.includes('// <-')) + 1;
}
