/** Sentences about a profile's limits, the same in the CLI's text and the page's views. */

/** Said wherever a profile is shown whose recorder reached its cap of call paths. */
export function callPathsNote(cap: number): string {
  return `more than ${cap.toLocaleString('en-US')} distinct call paths: calls on the later ones are counted in their callers' own time`;
}
