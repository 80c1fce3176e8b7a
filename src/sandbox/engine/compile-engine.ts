/**
 * Compiles the engine's wasm from its URL: streamed where the server says
 * `application/wasm`, else from the whole file. Small and free of the engine's
 * own code, so the page can compile the engine too (client.ts) and hand the
 * compiled module to each worker it starts.
 */
export function compileEngineFrom(url: string): Promise<WebAssembly.Module> {
  return WebAssembly.compileStreaming(fetch(url)).catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
}
