/**
 * The `console` view: what the run printed, then why it ended if it ended
 * early, the uncaught error if any, a truncation line when output was capped,
 * and the time summary.
 */
import type { ViewProps } from '../types';
import { ConsoleLines } from './ConsoleLines';
import { ErrorBlock } from './ErrorBlock';
import { RunStatusNote } from './RunStatusNote';
import { TimeSummary } from './TimeSummary';

export function ConsoleView({ result }: ViewProps) {
  const nothingPrinted = result.console.length === 0 && !result.error && !result.limitHit && result.status === 'ok';
  return (
    <div className="wb-console" data-status={result.status}>
      <ConsoleLines entries={result.console} />
      {nothingPrinted && <div className="wb-console-line wb-console-empty" data-level="system">The run printed nothing.</div>}
      {result.outputTruncated && (
        <div className="wb-console-line wb-console-truncated" data-level="system">
          … output truncated: the run printed more than the console keeps (its line or size cap); the rest was dropped.
        </div>
      )}
      {result.error && <ErrorBlock error={result.error} />}
      <RunStatusNote result={result} />
      <TimeSummary timing={result.timing} />
    </div>
  );
}
