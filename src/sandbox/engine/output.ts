/**
 * The run's console: entries as the learner's code prints them, capped in
 * lines and bytes. The cap is applied before a text is split or copied, so a
 * single huge print costs the host no more than the cap.
 */
import type { ConsoleEntry, ConsoleLevel, Limits } from '../types';

export type OutputLimit = 'maxOutputLines' | 'maxOutputBytes';

export interface ConsoleOutput {
  entries: ConsoleEntry[];
  truncated: boolean;
  /** Which cap ended the output, if one did. */
  limit?: OutputLimit;
  /** Adds an entry; returns false once the output is capped (the run should end). */
  print(level: ConsoleLevel | 'system', text: string, at: number): boolean;
}

/** Counts line breaks in text, stopping as soon as the count passes `max`. */
function countLinesUpTo(text: string, max: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && lines <= max; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

export function createConsoleOutput(limits: Pick<Limits, 'maxOutputLines' | 'maxOutputBytes'>, onEntry?: (entry: ConsoleEntry) => void): ConsoleOutput {
  let lines = 0;
  let bytes = 0;
  const output: ConsoleOutput = {
    entries: [],
    truncated: false,
    print(level, text, at) {
      if (output.truncated) return false;
      const overBytes = bytes + text.length > limits.maxOutputBytes;
      const added = overBytes ? 0 : countLinesUpTo(text, limits.maxOutputLines - lines);
      if (overBytes || lines + added > limits.maxOutputLines) {
        output.truncated = true;
        output.limit = overBytes ? 'maxOutputBytes' : 'maxOutputLines';
        push({ level: 'system', text: '… output truncated', at });
        return false;
      }
      lines += added;
      bytes += text.length;
      push({ level, text, at });
      return true;
    },
  };
  const push = (entry: ConsoleEntry) => {
    output.entries.push(entry);
    onEntry?.(entry);
  };
  return output;
}
