/** Sentences about a profile's limits, the same in the CLI's text and the page's views. */

/** Said wherever a profile is shown whose recorder reached its cap of call paths. */
export function callPathsNote(cap: number): string {
  return `more than ${cap.toLocaleString('en-US')} distinct call paths: calls on the later ones are counted in their callers' own time`;
}

/**
 * The header of a sampled profile's table, pyinstrument's way: a sampler knows
 * how many samples it took and how long the run lasted, not how many calls were made.
 */
export function samplingSummary(meta: { sampleCount?: number; intervalMs?: number; wallMs: number }, rootSamples: number | undefined, ownTotalMs: number): string {
  const samples = meta.sampleCount ?? rootSamples ?? 0;
  const interval = meta.intervalMs !== undefined ? `, one every ${meta.intervalMs} ms` : '';
  return `Samples: ${samples.toLocaleString('en-US')}${interval}. Duration: ${(meta.wallMs / 1000).toFixed(3)} s (own times add up to ${(ownTotalMs / 1000).toFixed(3)} s)`;
}
