/** How a function is named on screen: short in charts, pstats-style where a location matters. */
import type { Frame } from '../../../../sandbox/types';
import { frameName, pstatsName } from '../../../../sandbox/profile/model';

export function shortName(frame: Frame): string {
  return frameName(frame);
}

/** pstats' standard name: `file:line(name)`, `{built-in method sleep}` for built-ins. */
export function locatedName(frame: Frame): string {
  return pstatsName(frame);
}

export function location(frame: Frame): string {
  return frame.builtin ? 'built-in' : `${frame.file}, line ${frame.line}, column ${frame.column}`;
}
