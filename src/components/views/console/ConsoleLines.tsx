/**
 * Console entries printed the way a browser console shows them: one row per
 * call, warnings and errors tinted, `console.table` kept as a monospace block.
 * Used by the finished console view and by the live output during a run.
 *
 * A long console (up to the 2,000-line cap) shows its first and last lines and
 * folds the middle behind a button, as notebooks fold long output: the rows on
 * the page stay few, so showing an output flood (or repainting it live) is never
 * a long task of the page's main thread. The learner opens the middle on request.
 */
import { useState } from 'react';
import type { ConsoleEntry, ConsoleLevel } from '../../../sandbox/types';

/** Screen readers hear the level that sighted users see as a colour. */
const LEVEL_PREFIX: Partial<Record<ConsoleLevel, string>> = {
  warn: 'Warning: ',
  error: 'Error: ',
  info: 'Info: ',
};

/** Rows kept from the start and from the end of a long console. */
export const HEAD_ROWS = 100;
export const TAIL_ROWS = 300;
/** Fold only when it hides a good many lines: folding away three lines helps nobody. */
const FOLD_AT_LEAST = 50;

function Row({ entry }: { entry: ConsoleEntry }) {
  return (
    <div className="wb-console-line" data-level={entry.level}>
      {LEVEL_PREFIX[entry.level] && <span className="wb-visually-hidden">{LEVEL_PREFIX[entry.level]}</span>}
      <span className="wb-console-text">{entry.text}</span>
    </div>
  );
}

export function ConsoleLines({ entries }: { entries: ConsoleEntry[] }) {
  const [unfolded, setUnfolded] = useState(false);
  const hidden = entries.length - HEAD_ROWS - TAIL_ROWS;
  if (unfolded || hidden < FOLD_AT_LEAST) return <>{entries.map((entry, index) => <Row key={index} entry={entry} />)}</>;
  const tailStart = entries.length - TAIL_ROWS;
  return (
    <>
      {entries.slice(0, HEAD_ROWS).map((entry, index) => (
        <Row key={index} entry={entry} />
      ))}
      <div className="wb-console-line wb-console-fold" data-level="system">
        <button type="button" className="wb-console-unfold" onClick={() => setUnfolded(true)}>
          Show the {hidden.toLocaleString('en-US')} lines between line {HEAD_ROWS} and line {(tailStart + 1).toLocaleString('en-US')}
        </button>
      </div>
      {entries.slice(tailStart).map((entry, index) => (
        <Row key={tailStart + index} entry={entry} />
      ))}
    </>
  );
}
