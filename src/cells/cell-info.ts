/**
 * Parses a cell fence's info string (`js cell id=sleeper src=sleeper.js show=console,profile`)
 * into a typed CellSpec, and splits a fence body into hidden setup and visible code.
 *
 * Pure TypeScript with no Node or DOM imports: the build (remark plugin, prerendering),
 * the tests and the browser's cell element all read options through this one module,
 * so a fence means the same thing everywhere.
 *
 * src/cells is what a cell is (its options here, its run request in cell-request.ts),
 * shared by the build (src/markdown) and the page (src/components), so that neither
 * has to import the other for it.
 */
import type { ProfilerKind, RunStatus } from '../sandbox/types';

/** Raw fence options exactly as written (`timeout=10s` -> { timeout: "10s" }). */
export type CellOptions = Record<string, string>;

export interface CellSpec {
  /** Unique within its chapter; the key for saved edits, links (#cell-<id>) and progress. */
  id: string;
  /** The docs file name without extension: profiling, optimisation, memory. */
  chapter: string;
  /** Line of the opening fence in the Markdown file (1-based), for error messages. */
  line: number;
  /** Example file under src/content/examples/ whose text is the cell's code. */
  src?: string;
  /** Name shown in errors, stacks and profiles: the src file or `cell-<id>.js`. */
  filename: string;
  /** Result views the cell offers, in order. */
  show: string[];
  timeoutMs?: number;
  memoryBytes?: number;
  stackBytes?: number;
  /** `off` means no profiler even if a view would ask for one. */
  profiler?: ProfilerKind | 'off';
  builtins?: boolean;
  /** Sampling interval on the instrumented clock, ms. */
  intervalMs?: number;
  /** Which sampler (profiler=sampling only): 'events' (default, time-accurate) or 'poll' (biased, to show the bias). */
  sampler?: 'events' | 'poll';
  seed?: number;
  /** Function names for the line-by-line memory profile. */
  lines?: string[];
  /** Run at build time and put the result in the static page (default true). */
  record: boolean;
  /** How the recorded run is meant to end; a different ending fails the build. */
  expect: RunStatus;
  /** Short label for the toolbar. */
  title?: string;
  /** Every option as written, for the element's data-options attribute. */
  options: CellOptions;
}

/** Where a problem was found, so an author can jump straight to it. */
export interface CellLocation {
  chapter: string;
  line: number;
}

export class CellInfoError extends Error {
  constructor(
    readonly location: CellLocation,
    readonly detail: string,
    readonly cellId?: string,
  ) {
    const who = cellId ? ` cell "${cellId}":` : '';
    super(`${location.chapter}:${location.line}:${who} ${detail}`);
    this.name = 'CellInfoError';
  }
}

/** Languages a cell may be written in; the sandbox runs JavaScript only. */
export const CELL_LANGS = ['js', 'javascript', 'mjs'] as const;

/** The word in the info string that turns an ordinary fence into a cell. */
export const CELL_MARKER = 'cell';

/** A line exactly like this ends the hidden setup at the top of a fence body. */
export const SETUP_SEPARATOR = '// ---';

export const KNOWN_OPTIONS = [
  'id',
  'src',
  'show',
  'timeout',
  'memory',
  'stack',
  'profiler',
  'builtins',
  'interval',
  'sampler',
  'seed',
  'lines',
  'record',
  'expect',
  'title',
] as const;

const EXPECTABLE: RunStatus[] = ['ok', 'error', 'timeout', 'out-of-memory', 'stack-overflow', 'output-limit'];
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const VIEW_PATTERN = /^[a-z][a-z0-9-]*$/;
const SRC_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9_./-]*\.m?js$/;

/* ------------------------------------------------------------ units */

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, min: 60_000 };
const BYTE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * `10s` -> 10000, `250ms` -> 250, `1.5s` -> 1500, `2min` -> 120000.
 * A bare number is refused: "timeout=10" is too easy to misread.
 */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min)$/i.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration; write e.g. 500ms, 10s or 2min`);
  const value = Number(match[1]) * DURATION_UNITS[match[2].toLowerCase()];
  if (!(value > 0)) throw new Error(`duration "${text}" must be more than zero`);
  return Math.round(value);
}

/**
 * `64MB` -> 67108864. Units are binary (1 MB = 1024 KB), as QuickJS and the
 * memory views count, so the figure in the fence is the figure on the screen.
 */
export function parseBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)$/i.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a size; write e.g. 512KB, 64MB or 1GB`);
  const value = Number(match[1]) * BYTE_UNITS[match[2].toLowerCase()];
  if (!(value > 0)) throw new Error(`size "${text}" must be more than zero`);
  return Math.round(value);
}

function parseSwitch(text: string): boolean {
  const word = text.toLowerCase();
  if (['on', 'true', 'yes'].includes(word)) return true;
  if (['off', 'false', 'no'].includes(word)) return false;
  throw new Error(`"${text}" is not on or off`);
}

function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/* ------------------------------------------------------------ info string */

/**
 * Splits `cell id=a title="Two words" show=console` into words and key=value pairs.
 * Values may be double-quoted to hold spaces; `\"` inside quotes is a quote.
 */
export function tokenizeInfo(meta: string): { words: string[]; options: CellOptions } {
  const words: string[] = [];
  const options: CellOptions = {};
  const token = /([^\s=]+)(?:=(?:"((?:[^"\\]|\\.)*)"|(\S*)))?/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(meta)) !== null) {
    const [, key, quoted, bare] = match;
    if (quoted === undefined && bare === undefined) {
      words.push(key);
      continue;
    }
    if (key in options) throw new Error(`option "${key}" is given twice`);
    options[key] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : bare;
  }
  return { words, options };
}

/** Is this fence (language + info string) a cell at all? */
export function isCellFence(lang: string | null | undefined, meta: string | null | undefined): boolean {
  if (!lang || !(CELL_LANGS as readonly string[]).includes(lang)) return false;
  return (meta ?? '').split(/\s+/).includes(CELL_MARKER);
}

/**
 * Turns raw options into a CellSpec. Used by the build (with the chapter and line
 * known) and by the browser element (which reads them back from data-options).
 */
export function specFromOptions(options: CellOptions, where: CellLocation): CellSpec {
  const id = options.id;
  const fail = (detail: string): never => {
    throw new CellInfoError(where, detail, id && ID_PATTERN.test(id) ? id : undefined);
  };
  if (!id) fail('a cell needs an id, e.g. id=first-profile');
  if (!ID_PATTERN.test(id)) fail(`id "${id}" may only hold lowercase letters, digits and "-"`);

  for (const key of Object.keys(options)) {
    if (!(KNOWN_OPTIONS as readonly string[]).includes(key)) {
      fail(`unknown option "${key}" (known: ${KNOWN_OPTIONS.join(', ')})`);
    }
  }

  const read = <T>(key: string, parse: (text: string) => T): T | undefined => {
    const text = options[key];
    if (text === undefined) return undefined;
    try {
      return parse(text);
    } catch (error) {
      return fail(`${key}: ${(error as Error).message}`);
    }
  };

  const spec: CellSpec = {
    id,
    chapter: where.chapter,
    line: where.line,
    filename: `cell-${id}.js`,
    show: ['console'],
    record: true,
    expect: 'ok',
    options: { ...options },
  };

  if (options.src !== undefined) {
    if (!SRC_PATTERN.test(options.src) || options.src.split('/').includes('..')) {
      fail(`src "${options.src}" must name a .js file inside src/content/examples/`);
    }
    spec.src = options.src;
    spec.filename = options.src.split('/').pop() as string;
  }

  const show = read('show', parseList);
  if (show) {
    if (show.length === 0) fail('show= lists no view');
    for (const view of show) {
      if (!VIEW_PATTERN.test(view)) fail(`show: "${view}" is not a view name`);
    }
    if (new Set(show).size !== show.length) fail('show= names a view twice');
    spec.show = show;
  }

  spec.timeoutMs = read('timeout', parseDuration);
  if (spec.timeoutMs !== undefined && spec.timeoutMs > 120_000) fail('timeout: at most 2min');
  spec.memoryBytes = read('memory', parseBytes);
  if (spec.memoryBytes !== undefined && spec.memoryBytes > 1024 ** 3) fail('memory: at most 1GB');
  if (spec.memoryBytes !== undefined && spec.memoryBytes < 1024 ** 2) fail('memory: at least 1MB');
  spec.stackBytes = read('stack', parseBytes);
  spec.intervalMs = read('interval', (text) => {
    const match = /^(\d+(?:\.\d+)?)\s*ms$/.exec(text);
    if (match) {
      const value = Number(match[1]);
      if (!(value > 0)) throw new Error('must be more than zero');
      return value; // sub-millisecond sampling is allowed, so no rounding here
    }
    return parseDuration(text);
  });
  spec.profiler = read('profiler', (text) => {
    if (text === 'deterministic' || text === 'sampling' || text === 'off') return text;
    throw new Error(`"${text}" is not deterministic, sampling or off`);
  });
  spec.sampler = read('sampler', (text) => {
    if (text === 'events' || text === 'poll') return text;
    throw new Error(`"${text}" is not events or poll`);
  });
  if (spec.sampler !== undefined && spec.profiler !== 'sampling') fail('sampler: only with profiler=sampling');
  spec.builtins = read('builtins', parseSwitch);
  spec.seed = read('seed', (text) => {
    if (!/^\d+$/.test(text)) throw new Error(`"${text}" is not a whole number`);
    return Number(text);
  });
  spec.lines = read('lines', (text) => {
    const names = parseList(text);
    for (const name of names) {
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`"${name}" is not a function name`);
    }
    return names;
  });
  spec.record = read('record', parseSwitch) ?? true;
  spec.expect =
    read('expect', (text) => {
      if ((EXPECTABLE as string[]).includes(text)) return text as RunStatus;
      throw new Error(`"${text}" is not one of ${EXPECTABLE.join(', ')}`);
    }) ?? 'ok';
  if (options.title !== undefined) spec.title = options.title;

  // Drop keys left undefined so specs compare and serialise cleanly.
  for (const key of Object.keys(spec) as Array<keyof CellSpec>) {
    if (spec[key] === undefined) delete spec[key];
  }
  return spec;
}

/** Parses the info string of a cell fence (everything after the language). */
export function parseCellInfo(meta: string, where: CellLocation): CellSpec {
  let tokens: ReturnType<typeof tokenizeInfo>;
  try {
    tokens = tokenizeInfo(meta);
  } catch (error) {
    throw new CellInfoError(where, (error as Error).message);
  }
  const stray = tokens.words.filter((word) => word !== CELL_MARKER);
  const spec = specFromOptions(tokens.options, where);
  if (stray.length > 0) {
    throw new CellInfoError(where, `"${stray[0]}" is not an option; write key=value`, spec.id);
  }
  return spec;
}

/* ------------------------------------------------------------ fence body */

export interface CellSource {
  /** What the learner sees and edits. Line 1 of the editor is line 1 here. */
  code: string;
  /** Hidden lines run first as their own script; absent when there are none. */
  setup?: string;
}

/**
 * Splits a fence body at the first line that is exactly `// ---`: the lines
 * above it are hidden setup, the lines below it the visible code. Without such
 * a line everything is code.
 */
export function splitSetup(body: string): CellSource {
  const lines = body.split('\n');
  const separator = lines.findIndex((line) => line.replace(/\r$/, '').trimEnd() === SETUP_SEPARATOR);
  if (separator < 0) return { code: body };
  const setup = lines.slice(0, separator).join('\n');
  const code = lines.slice(separator + 1).join('\n');
  return setup.trim() === '' ? { code } : { setup, code };
}

/**
 * Does a Markdown text hold at least one cell fence? A cheap test on the raw
 * text, used by the page shell to load the cell script only where it is needed.
 */
export function hasCellFence(markdown: string): boolean {
  return /^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:js|javascript|mjs)[ \t]+(?:[^\n]*[ \t])?cell(?:[ \t][^\n]*)?$/m.test(markdown);
}
