#!/usr/bin/env node
/**
 * postinstall: fixes a race in Astro 5.18's content data store
 * (node_modules/astro/dist/content/mutable-data-store.js, #writeFileAtomic).
 * When a save is asked for while an earlier one is still writing, Astro marks
 * the file pending and, once the first write ends, writes the *first* data
 * again: the newer data is lost. A build whose last chapters finish rendering
 * while a debounced save is in flight then writes a data-store.json without
 * them, and fails with "The slug ... specified in the Starlight sidebar config
 * does not exist" (seen for `memory` and `profiling`, about one build in four).
 * The fix keeps the newest data for the pending write. If the file does not
 * look as expected (another Astro version), it is left alone with a warning.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const file = 'node_modules/astro/dist/content/mutable-data-store.js';
if (!existsSync(file)) process.exit(0);
const source = readFileSync(file, 'utf8');
if (source.includes('#pendingData')) process.exit(0); // already patched

const edits = [
  ['this.#pending.add(fileKey);\n      return;', 'this.#pending.add(fileKey);\n      this.#pendingData.set(fileKey, data);\n      return;'],
  [
    'this.#pending.delete(fileKey);\n        await this.#writeFileAtomic(filePath, data, depth + 1);',
    'this.#pending.delete(fileKey);\n        const latest = this.#pendingData.get(fileKey) ?? data;\n        this.#pendingData.delete(fileKey);\n        await this.#writeFileAtomic(filePath, latest, depth + 1);',
  ],
  ['#pending = /* @__PURE__ */ new Set();', '#pending = /* @__PURE__ */ new Set();\n  #pendingData = /* @__PURE__ */ new Map();'],
];
let patched = source;
for (const [from, to] of edits) {
  if (!patched.includes(from)) {
    console.warn(`patch-astro-data-store: ${file} is not the version this patch knows; left as it is.`);
    process.exit(0);
  }
  patched = patched.replace(from, to);
}
writeFileSync(file, patched);
console.log('patch-astro-data-store: a pending data-store write now keeps the newest data.');
