/**
 * `astro dev` only: @vitejs/plugin-react's Fast Refresh code refuses to run
 * unless the page installed its preamble, and Astro adds that preamble only to
 * pages that render a React island. Our React (results, editor) is imported
 * lazily from a plain script, so install the preamble ourselves before the
 * first React module loads. In a build this is a no-op.
 */
type RefreshWindow = Window & {
  __vite_plugin_react_preamble_installed__?: boolean;
  $RefreshReg$?: () => void;
  $RefreshSig$?: () => (type: unknown) => unknown;
};

let installed: Promise<void> | undefined;

export function reactReady(): Promise<void> {
  if (!import.meta.env.DEV) return Promise.resolve();
  installed ??= (async () => {
    const w = window as RefreshWindow;
    if (w.__vite_plugin_react_preamble_installed__) return;
    const runtimePath = '/@react-refresh'; // served by Vite's dev server only
    const { default: runtime } = (await import(/* @vite-ignore */ runtimePath)) as {
      default: { injectIntoGlobalHook(target: Window): void };
    };
    runtime.injectIntoGlobalHook(window);
    w.$RefreshReg$ = () => {};
    w.$RefreshSig$ = () => (type) => type;
    w.__vite_plugin_react_preamble_installed__ = true;
  })();
  return installed;
}
