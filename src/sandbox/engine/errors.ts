/**
 * Turns what QuickJS reports about an exception into a RunError in the
 * learner's terms: their file, line and column, with the sandbox's own
 * frames (files named "wb:...") removed.
 */
import { Parser } from 'acorn';
import type { RunError, SourceLocation } from '../types';
import { recoverPosition } from './error-position';
import { RECOVERED_NOTE } from './recovered-note';

export interface DumpedError {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
}

const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?\s*$/;
const FRAME_NO_POS = /^\s*at (.*?)(?: \((.*)\))?\s*$/;

export function parseStack(stack: string): RunError['stack'] {
  const frames: RunError['stack'] = [];
  for (const line of stack.split('\n')) {
    if (!line.trim()) continue;
    const m = FRAME.exec(line);
    if (m) {
      const file = m[2];
      if (file.startsWith('wb:')) continue;
      const fn = m[1] ?? '<module>';
      frames.push({ functionName: fn === '<eval>' ? '<module>' : fn, file, line: Number(m[3]), column: Number(m[4]) });
      continue;
    }
    const n = FRAME_NO_POS.exec(line);
    if (n && !(n[2] ?? '').startsWith('wb:') && !n[1].startsWith('wb:')) frames.push({ functionName: n[1] === '<eval>' ? '<module>' : n[1] });
  }
  return frames;
}

/** Acorn pinpoints syntax errors more precisely than QuickJS's parser does. */
export function locateSyntaxError(code: string, file: string): { location: SourceLocation; message: string } | undefined {
  try {
    Parser.parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true });
    return undefined;
  } catch (e) {
    const err = e as { loc?: { line: number; column: number }; message?: string };
    if (!err.loc) return undefined;
    const message = String(err.message ?? '').replace(/ \(\d+:\d+\)$/, '');
    return { location: { file, line: err.loc.line, column: err.loc.column + 1 }, message };
  }
}

export function toRunError(dumped: unknown, sources: Record<string, string>): RunError {
  const d = (typeof dumped === 'object' && dumped !== null ? dumped : { message: String(dumped) }) as DumpedError;
  const isError = typeof dumped === 'object' && dumped !== null && 'message' in d;
  const name = isError ? String(d.name ?? 'Error') : 'Uncaught';
  const message = isError ? String(d.message ?? '') : describeThrown(dumped);
  const stack = typeof d.stack === 'string' ? parseStack(d.stack) : [];
  const first = stack.find((f) => f.file && f.line);
  let location: SourceLocation | undefined = first?.file && first.line ? { file: first.file, line: first.line, column: first.column ?? 1 } : undefined;
  const error: RunError = { name, message, stack, ...(location ? { location } : {}) };
  if (name === 'SyntaxError' && location && sources[location.file] !== undefined) {
    const precise = locateSyntaxError(sources[location.file], location.file);
    if (precise) {
      location = precise.location;
      error.location = location;
      error.stack = [{ functionName: '<module>', ...location }];
    }
  }
  return error;
}

/**
 * Where QuickJS's own position is wrong (see error-position.ts), the true one,
 * found in the learner's source. Call it on the finished result, after tools
 * have mapped columns back to the learner's code.
 */
export function withRecoveredPosition(error: RunError, sources: Record<string, string>): RunError {
  const at = error.location;
  const first = error.stack[0];
  if (!at || error.name === 'SyntaxError' || sources[at.file] === undefined || !first || first.file !== at.file || first.line !== at.line) return error;
  let recovered: ReturnType<typeof recoverPosition>;
  try {
    recovered = recoverPosition(sources[at.file], error.message, at, first.functionName);
  } catch {
    // Source the parser cannot take (nested past the host's stack): keep the engine's own position.
    return error;
  }
  if (!recovered) return error;
  return { ...error, location: recovered, stack: [{ ...first, line: recovered.line, column: recovered.column }, ...error.stack.slice(1)] };
}

function describeThrown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** One line for logs and the CLI: "TypeError: x is undefined (at sleeper.js:3:5)". */
export function formatRunError(error: RunError): string {
  const where = error.location ? ` (at ${error.location.file}:${error.location.line}:${error.location.column}${error.location.recovered ? `, ${RECOVERED_NOTE}` : ''})` : '';
  const head = error.unhandledRejection ? 'Uncaught (in promise) ' : 'Uncaught ';
  const frames = error.stack
    .filter((f) => f.file)
    .map((f) => `    at ${f.functionName} (${f.file}:${f.line}:${f.column})`)
    .join('\n');
  const what = error.name === 'Uncaught' ? error.message : `${error.name}: ${error.message}`;
  return `${head}${what}${where}${frames ? '\n' + frames : ''}`;
}
