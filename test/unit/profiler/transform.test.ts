/**
 * The transform on its own (no VM): it never adds or removes a line break,
 * always produces code that parses, leaves unparsable code alone, names
 * functions as a learner reads them, and its insertions can be undone.
 */
import { Parser } from 'acorn';
import { describe, expect, it } from 'vitest';
import { INSERTED_TEXT, instrument, originalColumn } from '../../../src/sandbox/profiler/transform';
import { CORPUS } from './corpus';

const lines = (s: string) => s.split('\n').length;
const parses = (s: string) => {
  Parser.parse(s, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true });
  return true;
};

describe('transform', () => {
  it.each(CORPUS.filter(([name]) => name !== 'error-syntax'))('keeps lines and parses: %s', (_name, code) => {
    for (const mode of ['deterministic', 'sampling'] as const) {
      const out = instrument(code, mode);
      expect(out.ok).toBe(true);
      expect(lines(out.code)).toBe(lines(code));
      expect(parses(out.code)).toBe(true);
      // Every line keeps its original text once the inserted pieces are removed.
      expect(out.code.replace(INSERTED_TEXT, '')).toBe(code);
    }
  });

  it('returns code that does not parse unchanged', () => {
    const broken = 'function f( {\n  return 1\n}';
    expect(instrument(broken)).toEqual({ code: broken, sites: [], insertions: [], ok: false });
  });

  it('records one site per function with the learner-facing name and position', () => {
    const code = 'const obj = {\n  run() {},\n  get size() { return 1 },\n};\nobj.handler = function () {};\nclass K { static of() {} #hide() {} }';
    const names = instrument(code).sites.map((s) => `${s.name}@${s.line}:${s.column}:${s.kind}`);
    expect(names).toEqual(['run@2:3:function', 'get size@3:7:function', 'obj.handler@5:15:function', 'K.of@6:18:function', 'K.#hide@6:26:function']);
  });

  it('wraps awaits and yields of generators and async functions only', () => {
    const out = instrument('async function a() { await b(); const f = async () => { await c() } }\nfunction* g() { yield 1 }').code;
    expect(out.match(/__wbGR\(/g)).toHaveLength(3);
    expect(out.match(/__wbGE\(/g)).toHaveLength(3);
    expect(out).not.toMatch(/__wbE\(\d+\);try\{[^}]*await/);
  });

  it('maps columns on instrumented lines back to the original', () => {
    const code = 'function f() { return missing }\nf()';
    const out = instrument(code);
    const line1 = out.code.split('\n')[0];
    const at = line1.indexOf('missing') + 1;
    expect(originalColumn(code, out.insertions, 1, at)).toBe(code.indexOf('missing') + 1);
    expect(originalColumn(code, out.insertions, 2, 1)).toBe(1);
  });

  it('leaves the code alone for the sampler, apart from the start mark', () => {
    const code = 'function f() { for (;;) break; while (0) x(); }\nconst g = () => 1;';
    const out = instrument(code, 'sampling');
    expect(out.code).toBe(`/*<__wb*/__wbS();/*__wb>*/${code}`);
    // The sites still map stack positions back to functions.
    expect(out.sites.map((s) => s.name)).toEqual(['f', 'g']);
  });
});
