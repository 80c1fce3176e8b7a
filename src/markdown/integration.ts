/**
 * Astro integration that installs the cell plugin. It knows which command is
 * running, so cells are recorded (run in Node) only by `astro build`, and it puts
 * a digest of everything a recorded cell depends on into the Markdown config:
 * Astro drops its cached rendering of unchanged Markdown files when the config
 * changes, so an edited example file or sandbox never leaves a stale page.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import remarkCells from './remark-cells';
import { copyRecordedFiles } from './record/recorded-files';
import { filesUnder, htmlFilesUnder } from './files-under';
import { PROJECT_ROOT } from './find-cells';

/** What a rendered (and recorded) cell depends on besides its own Markdown file. */
const INPUT_DIRS = ['src/content/examples', 'src/cells', 'src/markdown', 'src/sandbox', 'src/components/cell', 'src/components/views'];

export function inputsDigest(dirs: string[]): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const file of filesUnder(path.join(PROJECT_ROOT, dir))) {
      hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where large recorded results wait between builds (record/recorded-files.ts): beside Astro's content cache. */
const recordedStore = (cacheDir: URL) => path.join(fileURLToPath(cacheDir), 'workbook-recorded');

export function workbookCells(): AstroIntegration {
  const failures: Error[] = [];
  let cacheDir: URL | undefined;
  const recorded = { cells: 0, ms: 0 };
  const unfinished = new Set<string>();
  const failIfAFileNeverFinished = () => {
    // Astro logs a Markdown file that failed to render and carries on without it; say which.
    if (unfinished.size > 0) throw new Error(`Markdown never finished rendering: ${[...unfinished].map((f) => path.relative(PROJECT_ROOT, f)).join(', ')}`);
  };
  const failBuildIfCellsFailed = () => {
    if (failures.length === 0) return;
    // Astro caches a page that failed to render as if it had rendered (empty) and
    // would skip it next time; dropping the content cache makes the next build retry.
    if (cacheDir) rmSync(fileURLToPath(new URL('data-store.json', cacheDir)), { force: true });
    const list = failures.map((error) => `  - ${error.message.split('\n').filter(Boolean).join('\n    ')}`);
    throw new Error(`${failures.length} cell(s) failed at build time:\n${list.join('\n')}`);
  };
  return {
    name: 'workbook-cells',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        // WB_RECORD=off builds without running cells (quicker while writing prose).
        const record = command === 'build' && process.env.WB_RECORD !== 'off';
        if (command === 'build' && !record) logger.warn('WB_RECORD=off: cells are not recorded into the pages');
        updateConfig({
          markdown: {
            remarkPlugins: [
              [
                remarkCells,
                {
                  record,
                  recordedStoreDir: recordedStore(config.cacheDir),
                  inputsDigest: inputsDigest(record ? INPUT_DIRS : ['src/content/examples']),
                  onError: (error: Error) => failures.push(error),
                  onFile: (filePath: string, stage: 'started' | 'done') => (stage === 'started' ? unfinished.add(filePath) : unfinished.delete(filePath)),
                  onRecorded: (_spec: unknown, elapsedMs: number) => {
                    recorded.cells += 1;
                    recorded.ms += elapsedMs;
                  },
                },
              ],
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      // Content is synced (and Markdown rendered) before the bundling starts.
      'astro:build:start': ({ logger }) => {
        if (recorded.cells > 0) {
          logger.info(`recorded ${recorded.cells} cell(s) in ${Math.round(recorded.ms)} ms`);
        } else {
          logger.info('no cell recorded (Markdown unchanged since the last build, or recording off)');
        }
        failBuildIfCellsFailed();
        failIfAFileNeverFinished();
      },
      // .mdx is rendered during bundling, so look once more at the end.
      'astro:build:done': ({ dir, logger }) => {
        failBuildIfCellsFailed();
        const outDir = fileURLToPath(dir);
        const pages = htmlFilesUnder(outDir);
        const { copied, bytes, dropped } = copyRecordedFiles(outDir, pages, recordedStore(cacheDir!));
        if (copied) logger.info(`${copied} large recorded result(s) in files of their own (${Math.round(bytes / 1024)} KB)`);
        if (dropped) logger.info(`${dropped} recorded result file(s) no page shows any more dropped from the cache`);
      },
    },
  };
}
