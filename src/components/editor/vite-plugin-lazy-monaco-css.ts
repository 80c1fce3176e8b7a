/**
 * Vite plugin (build only) for astro.config.mjs: turns monaco-editor's side-effect CSS imports
 * (`import './x.css';`) into `?inline` strings injected when the module runs, so Monaco's CSS
 * arrives with Monaco (on first edit) instead of being linked into every page by Astro.
 * In `astro dev` Vite's pre-bundled deps skip this transform; dev loads CSS lazily anyway.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SIDE_EFFECT_CSS_IMPORT = /^[ \t]*import[ \t]+(['"])([^'"\n]+\.css)\1;?[ \t]*$/gm;
const MONACO_ESM_FILE = /[\\/]node_modules[\\/]monaco-editor[\\/]esm[\\/].+\.js$/;
const INJECT_MODULE = fileURLToPath(new URL('./inject-css.ts', import.meta.url));

export function lazyMonacoCss(): Plugin {
  return {
    name: 'workbook:lazy-monaco-css',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!MONACO_ESM_FILE.test(id.split('?')[0])) return null;
      let count = 0;
      const rewritten = code.replace(SIDE_EFFECT_CSS_IMPORT, (_line, _quote, path: string) => {
        const name = `__wbMonacoCss${count++}`;
        return `import ${name} from ${JSON.stringify(`${path}?inline`)}; __wbInjectCss(${name});`;
      });
      if (count === 0) return null;
      return { code: `import { injectCss as __wbInjectCss } from ${JSON.stringify(INJECT_MODULE)};\n${rewritten}`, map: null };
    },
  };
}
