/**
 * The names the sandbox's own code gives its globals and hooks, made ones the
 * learner's program cannot write.
 *
 * Our code (preludes, host functions, what transforms insert) is written with
 * two prefixes: `__wb` (e.g. `__wb`, `__wbE`, `__wb_host_out`) and `$wb$`
 * (the profiler's inline variables). For each run, both are renamed with a
 * random tag that occurs nowhere in the learner's texts, so a program that
 * declares `let __wb` or `__wbS` gets what it gets plainly, and one that asks
 * `typeof __wbE` (or builds the name for a direct eval) finds nothing. After
 * the preludes, the globals become lexical bindings (see hideHookGlobals in
 * run.ts), which no reflection lists.
 */

const PREFIXES = /__wb|\$wb\$/g;

/**
 * What a transform inserts sits between these comments, so Function.prototype.toString
 * can leave it out (vm/core.ts). Written with our prefix: renamed, no learner text holds them.
 */
export const MARK_OPEN = '/*<__wb*/';
export const MARK_CLOSE = '/*__wb>*/';

export interface HookNames {
  /** The tag inserted after `__wb` / `$wb`; '' keeps our names as written. */
  readonly tag: string;
  /** Our source text (or one name) with this run's names. Never apply it to the learner's text. */
  rename(text: string): string;
}

export function hookNamesWithTag(tag: string): HookNames {
  if (!/^[A-Za-z0-9]*$/.test(tag)) throw new Error(`a hook tag is letters and digits, not "${tag}"`);
  return {
    tag,
    rename: (text) => (tag ? text.replace(PREFIXES, (prefix) => (prefix === '__wb' ? `__wb${tag}` : `$wb${tag}$`)) : text),
  };
}

/** Our names as written: for transforms and preludes used outside a run (tests, tools). */
export const WRITTEN_NAMES: HookNames = hookNamesWithTag('');

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A fresh tag that none of the learner's texts contains after either prefix. Three
 * characters (238,328 tags): every occurrence of our names grows by them, and the
 * profiler's inline code names its variables some twenty times per function.
 */
export function hookNamesFor(learnerTexts: string[], random: () => number = Math.random): HookNames {
  for (;;) {
    let tag = '';
    for (let i = 0; i < 3; i++) tag += ALPHABET[Math.floor(random() * ALPHABET.length)];
    if (learnerTexts.every((text) => !text.includes(`__wb${tag}`) && !text.includes(`$wb${tag}`))) return hookNamesWithTag(tag);
  }
}
