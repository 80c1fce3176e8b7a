/**
 * Console entries printed the way a browser console shows them: one row per
 * call, warnings and errors tinted, `console.table` kept as a monospace block.
 * Used by the finished console view and by the live output during a run.
 */
import type { ConsoleEntry, ConsoleLevel } from '../../../sandbox/types';

/** Screen readers hear the level that sighted users see as a colour. */
const LEVEL_PREFIX: Partial<Record<ConsoleLevel, string>> = {
  warn: 'Warning: ',
  error: 'Error: ',
  info: 'Info: ',
};

export function ConsoleLines({ entries }: { entries: ConsoleEntry[] }) {
  return (
    <>
      {entries.map((entry, index) => (
        <div key={index} className="wb-console-line" data-level={entry.level}>
          {LEVEL_PREFIX[entry.level] && <span className="wb-visually-hidden">{LEVEL_PREFIX[entry.level]}</span>}
          <span className="wb-console-text">{entry.text}</span>
        </div>
      ))}
    </>
  );
}
