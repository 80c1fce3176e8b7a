/**
 * An uncaught error as the learner should read it: what was thrown, where in
 * THEIR code (line:column, never an offset into wrapper code), and the stack.
 */
import type { RunError } from '../../../sandbox/types';
import { RECOVERED_NOTE } from '../../../sandbox/engine/recovered-note';

function frameText(frame: RunError['stack'][number]): string {
  const where = frame.line ? `${frame.file ?? ''}:${frame.line}${frame.column ? `:${frame.column}` : ''}` : frame.file ?? '';
  const name = frame.functionName || '<anonymous>';
  return where ? `at ${name} (${where})` : `at ${name}`;
}

export function ErrorBlock({ error }: { error: RunError }) {
  // The sandbox's own failures (it could not load, it crashed) are not the learner's exception.
  const title =
    error.name === 'SandboxError' ? 'The sandbox failed' : `${error.unhandledRejection ? 'Uncaught (in promise) ' : 'Uncaught '}${error.name}`;
  const location = error.location;
  return (
    <div className="wb-console-error" role="group" aria-label="Error">
      <div className="wb-error-head">
        <strong>{title}</strong>
        {error.message ? `: ${error.message}` : ''}
      </div>
      {location && (
        <div className="wb-error-where" data-line={location.line} data-column={location.column}>
          {`${location.file}:${location.line}:${location.column}`}{' '}
          <span className="wb-error-where-words">{`(line ${location.line}, column ${location.column})`}</span>
          {location.recovered && <span className="wb-error-where-recovered">{` (${RECOVERED_NOTE})`}</span>}
        </div>
      )}
      {error.stack.length > 0 && (
        <ol className="wb-error-stack" aria-label="Stack">
          {error.stack.map((frame, index) => (
            <li key={index}>{frameText(frame)}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
