// @ts-check
import { existsSync } from 'node:fs';
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
const { lazyMonacoCss } = await tsImport('./src/components/editor/vite-plugin-lazy-monaco-css.ts', import.meta.url);

/**
 * Cross-origin isolation: 5 µs performance.now() instead of 100 µs, and
 * SharedArrayBuffer. Static hosts need the same headers: docs/HOSTING.md.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const chapters = ['profiling', 'optimisation', 'memory'];
// The progress page belongs to the exercises; list it once it exists.
const hasProgressPage = existsSync(new URL('./src/content/docs/progress.mdx', import.meta.url));

export default defineConfig({
  site: 'https://workbook.example',
  server: { headers: isolationHeaders },
  integrations: [
    starlight({
      title: 'The workbook',
      description: 'Profiling, optimisation and memory management, learnt by running code in the page.',
      sidebar: [
        { label: 'Start here', link: '/' },
        { label: 'Chapters', items: chapters },
        ...(hasProgressPage ? [{ label: 'Progress', link: '/progress/' }] : []),
      ],
      components: {
        MarkdownContent: './src/components/starlight/MarkdownContent.astro',
      },
      customCss: ['./src/styles/cells.css', './src/styles/print.css'],
      lastUpdated: false,
      pagination: true,
    }),
    react(),
    workbookCells(),
  ],
  vite: {
    plugins: [lazyMonacoCss()],
    server: { headers: isolationHeaders },
    preview: { headers: isolationHeaders },
    worker: { format: 'es' },
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
