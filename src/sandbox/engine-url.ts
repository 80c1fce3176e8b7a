/** Where the built site serves the engine's wasm (Vite's `?url` import): the worker loads it, the page compiles it early. */
import wasmUrl from '@jitl/quickjs-ng-wasmfile-release-sync/wasm?url';

export const ENGINE_WASM_URL: string = wasmUrl;
