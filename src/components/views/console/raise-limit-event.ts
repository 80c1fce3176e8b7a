/**
 * The event a "Run again with more time/memory" button sends up to its cell:
 * the view knows which limit was hit, the cell owns the options and the Run.
 * Kept apart from the React view so the cell element can import it cheaply.
 */
import type { RaisableLimit } from '../../../sandbox/engine/limits';

export const RAISE_LIMIT_EVENT = 'wb-raise-limit';

export interface RaiseLimitDetail {
  limit: RaisableLimit;
  /** The new limit: ms for timeoutMs, bytes for memoryBytes. */
  value: number;
}
