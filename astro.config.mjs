// @ts-check
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { tsImport } from 'tsx/esm/api';

// The cell pipeline is TypeScript (src/markdown/); tsx loads it here so the config
// stays a plain .mjs file that Node imports directly, and so build-time recording
// can later import the sandbox engine the same way.
const { workbookCells } = await tsImport('./src/markdown/integration.ts', import.meta.url);
// Monaco's CSS arrives with the editor on first edit, not with every page (see
// src/components/editor/VITE-NOTES.md).
// Exercises (:::exercise directives) must be turned into elements before the cell plugin runs.
const { default: remarkExercises } = await tsImport('./src/markdown/remark-exercises.ts', import.meta.url);
const { lazyMonacoCss } = await tsImport('./src/components/editor/vite-plugin-lazy-monaco-css.ts', import.meta.url);
// Security headers (CSP with hashed inline scripts + COOP/COEP): src/security/, docs/HOSTING.md.
const { securityHeadersIntegration } = await tsImport('./src/security/integration.ts', import.meta.url);
const { previewHeaders } = await tsImport('./src/security/dist-headers.ts', import.meta.url);
// The sandbox worker starts from an inline script at the top of a chapter's content; the build writes its URL there.
const { earlyWorkerIntegration } = await tsImport('./src/markdown/early-worker-integration.ts', import.meta.url);

/**
 * Cross-origin isolation: 5 µs performance.now() instead of 100 µs, and
 * SharedArrayBuffer. Static hosts need the same headers: docs/HOSTING.md.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
/**
 * `astro preview` sends what the build wrote to dist/_headers (the CSP hashes the
 * built pages' inline scripts), so the preview behaves like a static host.
 * `astro dev` adds the CSP per rendered page (src/security/dev-middleware.ts).
 */
const servedHeaders = (/** @type {string} */ command) =>
  command === 'preview' ? previewHeaders(fileURLToPath(new URL('./dist/', import.meta.url))) : isolationHeaders;

const chapters = ['profiling', 'optimisation', 'memory'];
// The progress page belongs to the exercises; list it once it exists.
const hasProgressPage = existsSync(new URL('./src/content/docs/progress.mdx', import.meta.url));

export default defineConfig({
  site: 'https://workbook.example',
  markdown: { remarkPlugins: [remarkExercises] },
  server: ({ command }) => ({ headers: servedHeaders(command) }),
  integrations: [
    starlight({
      title: 'The workbook',
      description: 'Profiling, optimisation and memory management, learnt by running code in the page.',
      sidebar: [
        { label: 'Start here', link: '/' },
        { label: 'Chapters', items: chapters },
        { label: 'Profile viewer', link: '/viewer/' },
        ...(hasProgressPage ? [{ label: 'Progress', link: '/progress/' }] : []),
      ],
      components: {
        MarkdownContent: './src/components/starlight/MarkdownContent.astro',
        Sidebar: './src/components/starlight/ProgressSidebar.astro',
        TableOfContents: './src/components/starlight/TableOfContents.astro',
        MobileTableOfContents: './src/components/starlight/MobileTableOfContents.astro',
      },
      customCss: ['./src/styles/cells.css', './src/styles/print.css', './src/components/views/profile/profile-views.css', './src/styles/a11y.css', './src/styles/scroll-anchoring.css', './src/styles/offscreen-blocks.css'],
      lastUpdated: false,
      pagination: true,
    }),
    react(),
    workbookCells(),
    // Before the security headers: they hash the inline scripts of the final pages.
    earlyWorkerIntegration(),
    securityHeadersIntegration(),
  ],
  vite: {
    plugins: [lazyMonacoCss()],
    server: { headers: isolationHeaders },
    preview: { headers: isolationHeaders },
    worker: {
      format: 'es',
      // The page compiles the engine too (src/sandbox/client.ts): name the worker's copy of
      // the wasm as the page's build names it, so both load one file.
      // One file per worker: quickjs-emscripten loads its glue with import(), and a separate
      // chunk would cost the sandbox worker a request before its first run.
      rollupOptions: { output: { assetFileNames: '_astro/[name].[hash][extname]', inlineDynamicImports: true } },
    },
    // QuickJS's wasm is imported with `?url` by the sandbox worker; pre-bundling
    // the emscripten glue breaks that URL in dev (quickjs-emscripten#145).
    optimizeDeps: {
      exclude: ['@jitl/quickjs-ng-wasmfile-release-sync', 'quickjs-emscripten-core'],
    },
    build: {
      // Never inline scripts or assets: a strict CSP (script-src 'self') comes later,
      // and the wasm must stay a separate, cacheable file.
      assetsInlineLimit: 0,
    },
  },
});
