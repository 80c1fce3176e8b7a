/**
 * Console entries printed the way a browser console shows them: one row per
 * call, warnings and errors tinted, `console.table` kept as a monospace block.
 * Used by the finished console view and by the live output during a run.
 *
 * A long console (up to the 2,000-line cap) is added a slice at a time, one
 * slice per task, so no single task of the page's main thread builds thousands
 * of rows and the page keeps answering while an output flood is shown.
 */
import { useEffect, useState } from 'react';
import type { ConsoleEntry, ConsoleLevel } from '../../../sandbox/types';

/** Screen readers hear the level that sighted users see as a colour. */
const LEVEL_PREFIX: Partial<Record<ConsoleLevel, string>> = {
  warn: 'Warning: ',
  error: 'Error: ',
  info: 'Info: ',
};

/** Rows added per task: a few milliseconds of work even on a busy machine. */
export const CONSOLE_SLICE = 250;

/**
 * How many entries to show now: all of a short console, a growing prefix of a
 * long one. A different run (a different first entry) starts again from one slice;
 * live output that only grows keeps what is already shown.
 */
function useProgressiveCount(entries: ConsoleEntry[]): number {
  const [state, setState] = useState({ first: entries[0], shown: Math.min(entries.length, CONSOLE_SLICE) });
  let { shown } = state;
  if (state.first !== entries[0]) {
    shown = Math.min(entries.length, CONSOLE_SLICE);
    setState({ first: entries[0], shown });
  }
  useEffect(() => {
    if (shown >= entries.length) return;
    const timer = setTimeout(() => setState((now) => ({ ...now, shown: Math.min(entries.length, now.shown + CONSOLE_SLICE) })), 0);
    return () => clearTimeout(timer);
  }, [shown, entries.length]);
  return Math.max(shown, Math.min(entries.length, CONSOLE_SLICE));
}

export function ConsoleLines({ entries }: { entries: ConsoleEntry[] }) {
  const shown = useProgressiveCount(entries);
  return (
    <>
      {entries.slice(0, shown).map((entry, index) => (
        <div key={index} className="wb-console-line" data-level={entry.level}>
          {LEVEL_PREFIX[entry.level] && <span className="wb-visually-hidden">{LEVEL_PREFIX[entry.level]}</span>}
          <span className="wb-console-text">{entry.text}</span>
        </div>
      ))}
    </>
  );
}
