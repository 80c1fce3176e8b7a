#!/usr/bin/env node
/**
 * postinstall: fixes two races in Astro 5.18's content data store
 * (node_modules/astro/dist/content/mutable-data-store.js, #writeFileAtomic).
 * A build whose last chapters finish rendering while a debounced save is in
 * flight can read a data-store.json without them, and fails with "The slug ...
 * specified in the Starlight sidebar config does not exist" (seen for `memory`
 * and `profiling`).
 *
 *  1. When a save is asked for while an earlier one is still writing, Astro
 *     marks the file pending and, once the first write ends, writes the *first*
 *     data again: the newer data is lost. Fixed: the pending write keeps the
 *     newest data.
 *  2. That pending save returns at once, and so does a save with nothing new
 *     (a debounced save already took the data and is writing it), so
 *     `waitUntilSaveComplete()` (which the build awaits before it reads the
 *     store) can resolve while the file still holds the old data. Seen once in
 *     a loaded CI run after fix 1. Fixed: a save that finds a write in flight
 *     waits for that write, and for the pending one it triggers, to finish.
 *
 * Each edit is skipped when already made; if the file does not look as expected
 * (another Astro version), it is left alone with a warning.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const file = 'node_modules/astro/dist/content/mutable-data-store.js';
/** The last edit's text: a save with nothing new waits for the write in flight. */
const WAITS_WHEN_CLEAN = 'if (!this.#dirty) {\n      return this.#file ? this.#inflight.get(this.#file.toString()) : void 0;';
if (!existsSync(file)) process.exit(0);
const source = readFileSync(file, 'utf8');
if (source.includes(WAITS_WHEN_CLEAN)) process.exit(0); // every edit made

/**
 * [upstream text, patched text, a piece of the patched text that later edits keep]:
 * applied in order; an edit whose piece is already there is skipped.
 */
const edits = [
  // 1: keep the newest data for the pending write.
  ['#pending = /* @__PURE__ */ new Set();', '#pending = /* @__PURE__ */ new Set();\n  #pendingData = /* @__PURE__ */ new Map();', '#pendingData = /*'],
  ['this.#pending.add(fileKey);\n      return;', 'this.#pending.add(fileKey);\n      this.#pendingData.set(fileKey, data);\n      return;', 'this.#pendingData.set(fileKey, data);'],
  [
    'this.#pending.delete(fileKey);\n        await this.#writeFileAtomic(filePath, data, depth + 1);',
    'this.#pending.delete(fileKey);\n        const latest = this.#pendingData.get(fileKey) ?? data;\n        this.#pendingData.delete(fileKey);\n        await this.#writeFileAtomic(filePath, latest, depth + 1);',
    'const latest = this.#pendingData.get(fileKey) ?? data;',
  ],
  // 2: a save that finds a write in flight waits for it (and the pending write after it).
  ['#pendingData = /* @__PURE__ */ new Map();', '#pendingData = /* @__PURE__ */ new Map();\n  #inflight = /* @__PURE__ */ new Map();', '#inflight = /*'],
  ['this.#pendingData.set(fileKey, data);\n      return;', 'this.#pendingData.set(fileKey, data);\n      return this.#inflight.get(fileKey);', 'return this.#inflight.get(fileKey);'],
  [
    'this.#writing.add(fileKey);\n',
    'this.#writing.add(fileKey);\n    let finished;\n    const inflight = new Promise((resolve) => finished = resolve);\n    this.#inflight.set(fileKey, inflight);\n',
    'this.#inflight.set(fileKey, inflight);',
  ],
  [
    'this.#pendingData.delete(fileKey);\n        await this.#writeFileAtomic(filePath, latest, depth + 1);\n      }\n    }',
    'this.#pendingData.delete(fileKey);\n        await this.#writeFileAtomic(filePath, latest, depth + 1).finally(() => finished());\n      } else finished();\n      if (this.#inflight.get(fileKey) === inflight) this.#inflight.delete(fileKey);\n    }',
    '.finally(() => finished());',
  ],
  // 2, too: a save with nothing new to write (a debounced one already took the data) still
  // waits for that write, or waitUntilSaveComplete resolves while the file is being written.
  ['if (!this.#dirty) {\n      return;', WAITS_WHEN_CLEAN, WAITS_WHEN_CLEAN],
];

let patched = source;
let made = 0;
for (const [from, to, done] of edits) {
  if (patched.includes(done)) continue;
  if (!patched.includes(from)) {
    console.warn(`patch-astro-data-store: ${file} is not the version this patch knows; left as it is.`);
    process.exit(0);
  }
  patched = patched.replace(from, to);
  made++;
}
if (made > 0) {
  writeFileSync(file, patched);
  console.log(`patch-astro-data-store: ${made} edit(s): a pending data-store write keeps the newest data, and a save waits for the write in flight.`);
}
