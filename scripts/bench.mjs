#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark in test/bench/*.bench.ts one after the
 * other (never in parallel: they measure time on a 2-core machine). Each bench
 * prints its own table and writes bench-results/<name>.json. Browser benches
 * need a build: run `npm run build` first (this script does when dist/ is missing).
 * `npm run bench -- page` runs only the benches whose name contains "page".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';

const filters = process.argv.slice(2);
mkdirSync('bench-results', { recursive: true });
const benches = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (!existsSync('dist/index.html')) spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
let failures = 0;
for (const file of benches) {
  console.log(`\n▶ ${file}`);
  const r = spawnSync('npx', ['tsx', `test/bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failures++;
}
console.log(`\n${benches.length - failures} of ${benches.length} benchmarks ran; results in bench-results/`);
process.exit(failures ? 1 : 0);
