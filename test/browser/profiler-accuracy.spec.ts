/**
 * The profilers' accuracy in the page (issue 14): three programs of the accuracy
 * corpus, whose truth is known by construction, run in Chromium on the page's own
 * worker (support/accuracy-harness.ts). Each profiler's share of the function
 * under test must be within 10 points of the truth measured in the same page,
 * with the bound of test/unit/profiler/accuracy.test.ts: plus the spread of the
 * three truths, and of the deterministic profiler's three readings (the machine's
 * load moves both); a sampling share is pooled over the three runs' samples and
 * gets three binomial standard errors of them.
 * The whole corpus, beside Node's figures: `npm run bench -- browser-accuracy`.
 */
import { expect, test } from '@playwright/test';
import { ACCURACY_CORPUS } from '../unit/profiler/accuracy-corpus';
import { ACCURACY_CHAPTER, sharesInBrowser, type BrowserShares } from './support/accuracy-harness';

const TOLERANCE = 0.1;
const RUNS = 3;
/** A leaf with no branch (the poll sampler's blind spot), a built-in that calls back, a method. */
const PROGRAMS = ['leaf without branches', 'built-in with a callback', 'class method'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

for (const name of PROGRAMS) {
  const program = ACCURACY_CORPUS.find((candidate) => candidate.name === name)!;
  test(`${name}: both profilers give ${program.target}'s share of its caller within ${TOLERANCE * 100} points of the truth, in the page`, async ({ page }) => {
    test.setTimeout(420_000);
    const runs: BrowserShares[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await sharesInBrowser(page, ACCURACY_CHAPTER, program));
    const truths = runs.map((run) => run.truth);
    const truth = median(truths);
    expect(truth, 'a degenerate truth tests nothing').toBeGreaterThan(0.15);
    const truthSpread = spread(truths);

    // Deterministic: the median of three readings, and their spread added (the hook cost moves with the load).
    const shares = runs.map((run) => run.deterministic.share);
    const share = median(shares);
    const bound = TOLERANCE + truthSpread + spread(shares);
    const context = `deterministic: share ${share.toFixed(3)} (runs ${shares.map((x) => x.toFixed(3)).join(', ')}), truth ${truth.toFixed(3)} (runs ${truths.map((x) => x.toFixed(3)).join(', ')}), bound ${bound.toFixed(3)}`;
    console.log(`${name}: ${context}`);
    expect(Math.abs(share - truth), context).toBeLessThanOrEqual(bound);

    // Sampling: the three runs' samples pooled, so the bound is the binomial error of all of them
    // (a spread of three small samples would count the same noise twice and test nothing).
    const samples = runs.map((run) => run.sampling.samples ?? 0);
    const total = samples.reduce((sum, n) => sum + n, 0);
    expect(total, 'the sampling runs kept no samples').toBeGreaterThan(0);
    const pooled = runs.reduce((sum, run, k) => sum + run.sampling.share * samples[k], 0) / total;
    const samplingBound = TOLERANCE + truthSpread + 3 * Math.sqrt((truth * (1 - truth)) / total);
    const sampled = `sampling: pooled share ${pooled.toFixed(3)} over ${total} samples (runs ${runs.map((run, k) => `${run.sampling.share.toFixed(3)}/${samples[k]}`).join(', ')}), truth ${truth.toFixed(3)}, bound ${samplingBound.toFixed(3)}`;
    console.log(`${name}: ${sampled}`);
    expect(Math.abs(pooled - truth), sampled).toBeLessThanOrEqual(samplingBound);
  });
}
