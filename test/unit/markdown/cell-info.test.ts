import { describe, expect, it } from 'vitest';
import {
  CellInfoError,
  hasCellFence,
  isCellFence,
  parseBytes,
  parseCellInfo,
  parseDuration,
  specFromOptions,
  splitSetup,
  tokenizeInfo,
} from '../../../src/cells/cell-info';

const where = { chapter: 'profiling', line: 12 };

describe('parseDuration and parseBytes', () => {
  it('reads durations with a unit', () => {
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('2min')).toBe(120_000);
  });

  it('refuses bare numbers, zero and nonsense', () => {
    expect(() => parseDuration('10')).toThrow(/not a duration/);
    expect(() => parseDuration('0s')).toThrow(/more than zero/);
    expect(() => parseDuration('ten seconds')).toThrow();
  });

  it('reads sizes in binary units', () => {
    expect(parseBytes('64MB')).toBe(67_108_864);
    expect(parseBytes('512KB')).toBe(524_288);
    expect(parseBytes('1GiB')).toBe(1024 ** 3);
    expect(parseBytes('100b')).toBe(100);
    expect(() => parseBytes('64')).toThrow(/not a size/);
  });
});

describe('tokenizeInfo', () => {
  it('splits words and key=value pairs, with quoted values', () => {
    expect(tokenizeInfo('cell id=a title="Two \\"quoted\\" words" show=console,time')).toEqual({
      words: ['cell'],
      options: { id: 'a', title: 'Two "quoted" words', show: 'console,time' },
    });
  });

  it('refuses an option given twice', () => {
    expect(() => tokenizeInfo('cell id=a id=b')).toThrow(/twice/);
  });
});

describe('isCellFence and hasCellFence', () => {
  it('needs a JavaScript language and the word cell', () => {
    expect(isCellFence('js', 'cell id=a')).toBe(true);
    expect(isCellFence('javascript', 'id=a cell')).toBe(true);
    expect(isCellFence('js', 'id=a')).toBe(false);
    expect(isCellFence('js', 'cells id=a')).toBe(false);
    expect(isCellFence('python', 'cell id=a')).toBe(false);
    expect(isCellFence(null, 'cell')).toBe(false);
  });

  it('finds a cell fence in raw Markdown', () => {
    expect(hasCellFence('# Title\n\n```js cell id=a\nx\n```\n')).toBe(true);
    expect(hasCellFence('text\n  ~~~javascript id=b cell\n~~~')).toBe(true);
    expect(hasCellFence('```js\nconst cell = 1;\n```')).toBe(false);
    expect(hasCellFence('```js title="cell"\n```')).toBe(false);
  });
});

describe('parseCellInfo', () => {
  it('parses every option into the spec', () => {
    const spec = parseCellInfo(
      'cell id=sleeper src=sleeper.js show=console,profile timeout=10s memory=64MB profiler=sampling builtins=off interval=0.5ms seed=7 lines=main,grow record=off expect=error title="The sleeper"',
      where,
    );
    expect(spec).toEqual({
      id: 'sleeper',
      chapter: 'profiling',
      line: 12,
      src: 'sleeper.js',
      filename: 'sleeper.js',
      show: ['console', 'profile'],
      timeoutMs: 10_000,
      memoryBytes: 67_108_864,
      profiler: 'sampling',
      builtins: false,
      intervalMs: 0.5,
      seed: 7,
      lines: ['main', 'grow'],
      record: false,
      expect: 'error',
      title: 'The sleeper',
      options: {
        id: 'sleeper',
        src: 'sleeper.js',
        show: 'console,profile',
        timeout: '10s',
        memory: '64MB',
        profiler: 'sampling',
        builtins: 'off',
        interval: '0.5ms',
        seed: '7',
        lines: 'main,grow',
        record: 'off',
        expect: 'error',
        title: 'The sleeper',
      },
    });
  });

  it('has defaults: console view, recorded, expected to succeed, filename from the id', () => {
    const spec = parseCellInfo('cell id=first', where);
    expect(spec.show).toEqual(['console']);
    expect(spec.record).toBe(true);
    expect(spec.expect).toBe('ok');
    expect(spec.filename).toBe('cell-first.js');
    expect(spec.timeoutMs).toBeUndefined();
  });

  it.each([
    ['cell', /needs an id/],
    ['cell id=Bad_Id', /lowercase letters/],
    ['cell id=a tiemout=10s', /unknown option "tiemout"/],
    ['cell id=a timeout=10', /timeout: .*needs|timeout: .*not a duration/],
    ['cell id=a memory=64', /memory: .*not a size/],
    ['cell id=a memory=2GB', /at most 1GB/],
    ['cell id=a profiler=fast', /deterministic, sampling or off/],
    ['cell id=a profiler=sampling sampler=often', /sampler: "often" is not events or poll/],
    ['cell id=a profiler=deterministic sampler=poll', /sampler: only with profiler=sampling/],
    ['cell id=a builtins=maybe', /not on or off/],
    ['cell id=a src=../secret.js', /inside src\/content\/examples/],
    ['cell id=a show=console,console', /twice/],
    ['cell id=a expect=done', /not one of/],
    ['cell id=a hidden', /"hidden" is not an option/],
  ])('rejects %s, naming chapter and line', (meta, message) => {
    let caught: unknown;
    try {
      parseCellInfo(meta, where);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CellInfoError);
    expect((caught as Error).message).toMatch(/^profiling:12:/);
    expect((caught as Error).message).toMatch(message);
  });

  it('reads sampler= (events or poll) for the sampling profiler', () => {
    expect(parseCellInfo('cell id=a show=tree profiler=sampling sampler=poll', where).sampler).toBe('poll');
    expect(parseCellInfo('cell id=a show=tree profiler=sampling sampler=events', where).sampler).toBe('events');
    expect(parseCellInfo('cell id=a show=tree profiler=sampling', where).sampler).toBeUndefined();
  });

  it('names the cell in errors once its id is known', () => {
    expect(() => parseCellInfo('cell id=slow timeout=forever', where)).toThrow(/profiling:12: cell "slow": timeout/);
  });

  it('is what the browser uses on data-options too', () => {
    const spec = parseCellInfo('cell id=a show=console,time timeout=2s', where);
    expect(specFromOptions(spec.options, where)).toEqual(spec);
  });
});

describe('splitSetup', () => {
  it('hides the lines above a line that is exactly // ---', () => {
    expect(splitSetup('const a = 1;\nconst b = 2;\n// ---\nconsole.log(a + b);')).toEqual({
      setup: 'const a = 1;\nconst b = 2;',
      code: 'console.log(a + b);',
    });
  });

  it('keeps everything as code without a separator, or when it is only similar', () => {
    expect(splitSetup('const a = 1;\n// ----\nlog(a);')).toEqual({ code: 'const a = 1;\n// ----\nlog(a);' });
    expect(splitSetup('x // ---\ny')).toEqual({ code: 'x // ---\ny' });
  });

  it('splits at the first separator only, and drops an empty setup', () => {
    expect(splitSetup('a\n// ---\nb\n// ---\nc')).toEqual({ setup: 'a', code: 'b\n// ---\nc' });
    expect(splitSetup('// ---\nonly code')).toEqual({ code: 'only code' });
  });

  it('tolerates trailing spaces and CRLF line ends on the separator', () => {
    expect(splitSetup('a\r\n// ---  \r\nb')).toEqual({ setup: 'a\r', code: 'b' });
  });
});
