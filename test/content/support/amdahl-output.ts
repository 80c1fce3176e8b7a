/**
 * What amdahl.js prints, checked the same way in Node (test/content/optimisation.test.ts)
 * and in Chromium (test/browser/optimisation-chapter.spec.ts): the sleeps' own figures,
 * give or take the real milliseconds around them (a loaded browser run read
 * "job: 5.03 s" and "predicted 1.81×, measured 1.83×"). Returns what is wrong, if anything.
 */
const EXPECTED_SPEED_UPS: Record<number, number> = { 2: 1.43, 4: 1.82, 10: 2.17, 100: 2.46 };

export function amdahlProblems(text: string): string[] {
  const problems: string[] = [];
  const job = /^job: ([\d.]+) s, of which fitModel (\d+) %$/m.exec(text);
  if (!job) return [`no "job: … s, of which fitModel … %" line in:\n${text}`];
  if (!(Number(job[1]) >= 5 && Number(job[1]) < 5.1)) problems.push(`the job took ${job[1]} s, not 5 s and a few ms`);
  if (job[2] !== '60') problems.push(`fitModel's share read ${job[2]} %, not 60 %`);
  const bound = Number(/taking no time at all: ([\d.]+)×$/m.exec(text)?.[1]);
  if (!(Math.abs(bound - 2.5) < 0.05)) problems.push(`the bound read ${bound}×, not about 2.50×`);
  for (const [k, speedUp] of Object.entries(EXPECTED_SPEED_UPS)) {
    const line = new RegExp(`^fitModel ${k}× faster: predicted ([\\d.]+)×, measured ([\\d.]+)×$`, 'm').exec(text);
    if (!line) {
      problems.push(`no line for fitModel ${k}× faster`);
      continue;
    }
    const [predicted, measured] = [Number(line[1]), Number(line[2])];
    if (!(Math.abs(predicted - speedUp) < 0.03)) problems.push(`k = ${k}: predicted ${predicted}×, not about ${speedUp}×`);
    // "They agree": within 2 %, where the real milliseconds around the sleeps land.
    if (!(Math.abs(measured / predicted - 1) < 0.02)) problems.push(`k = ${k}: measured ${measured}× against predicted ${predicted}×`);
  }
  return problems;
}
