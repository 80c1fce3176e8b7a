/**
 * The security headers at work in real Chromium against the built site: every
 * page arrives with the strict policy, loads nothing from another origin and
 * trips no CSP violation; under that policy a cell still runs (the QuickJS
 * wasm compiles in the worker), the call graph still draws (Graphviz's wasm on
 * the page), and the Monaco editor still loads and is styled.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseHeadersFile } from '../../src/security/csp';
import {
  SITE_PAGES,
  cellById,
  consolePanel, openConsole,
  openSharedCode,
  runAndWait,
  watchCsp,
  watchForeignRequests,
} from './support/hardening';

const builtHeaders = parseHeadersFile(readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8'));

/** The directive's sources, e.g. sources(csp, 'script-src') -> ["'self'", ...]. */
function sources(policy: string, directive: string): string[] {
  const entry = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  return entry ? entry.slice(1) : [];
}

test('the built _headers file holds a strict policy', () => {
  const policy = builtHeaders['Content-Security-Policy'];
  expect(policy).toBeTruthy();
  const scripts = sources(policy, 'script-src');
  expect(scripts).toContain("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts.filter((source) => source.startsWith("'sha256-")).length).toBeGreaterThan(0);
  // Only the site's own origin: no host names, no schemes that reach the network.
  for (const source of policy.split(/[;\s]+/)) expect(source).not.toMatch(/^(https?:|wss?:|\*|[a-z0-9-]+\.[a-z]{2,})/i);
  expect(sources(policy, 'object-src')).toEqual(["'none'"]);
  expect(sources(policy, 'frame-ancestors')).toEqual(["'none'"]);
  expect(builtHeaders['Cross-Origin-Opener-Policy']).toBe('same-origin');
  expect(builtHeaders['Cross-Origin-Embedder-Policy']).toBe('require-corp');
});

for (const path of SITE_PAGES) {
  test(`${path}: the policy is sent, nothing from other origins, no CSP violation`, async ({ page, baseURL }) => {
    const foreign = watchForeignRequests(page, baseURL!);
    const csp = await watchCsp(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toBe(builtHeaders['Content-Security-Policy']);
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    // The hashed inline scripts did run: the theme provider defines itself on window.
    expect(await page.evaluate(() => typeof (window as unknown as { StarlightThemeProvider?: unknown }).StarlightThemeProvider)).toBe('object');
    // Open the search dialog too: Pagefind fetches its index and compiles its wasm.
    await page.locator('site-search button[data-open-modal]').first().click();
    const input = page.locator('site-search dialog input');
    await expect(input).toBeVisible();
    await input.fill('memory');
    await expect(page.locator('site-search dialog .pagefind-ui__result').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await page.waitForLoadState('networkidle');
    expect(await csp.events()).toEqual([]);
    expect(csp.console).toEqual([]);
    expect(foreign).toEqual([]);
  });
}

test('under the policy a cell runs and the call graph draws (both wasm modules compile)', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const foreign = watchForeignRequests(page, baseURL!);
  const csp = await watchCsp(page);
  const cell = await openSharedCode(page, '/profiling/', 'two-profilers-plain', 'console.log("under csp", [1, 2, 3].map((n) => n * 2).join(","));');
  await runAndWait(cell);
  await expect(cell).toHaveAttribute('data-status', 'ok');
  await expect(await openConsole(cell)).toContainText('under csp 2,4,6');

  const graphCell = cellById(page, 'sleeper-graph');
  await graphCell.scrollIntoViewIfNeeded();
  await runAndWait(graphCell);
  await expect(graphCell).toHaveAttribute('data-status', 'ok');
  await graphCell.getByRole('tab', { name: 'Call graph' }).click();
  const graph = graphCell.locator('.wb-cell-results .wb-results-panel[data-view="callgraph"]');
  await expect(graph.locator('.wb-callgraph-canvas svg g.node')).not.toHaveCount(0, { timeout: 30_000 });
  expect(await csp.events()).toEqual([]);
  expect(csp.console).toEqual([]);
  expect(foreign).toEqual([]);
});

test('under the policy the Monaco editor loads on first click and edits run', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const foreign = watchForeignRequests(page, baseURL!);
  const csp = await watchCsp(page);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (/could not create web worker|falling back/i.test(message.text())) warnings.push(message.text());
  });
  await page.goto('/profiling/');
  const cell = page.locator('wb-cell').first();
  await cell.locator('.wb-cell-code').click();
  // Monaco itself, not the plain-text fallback the cell uses when Monaco fails to load.
  await expect(cell).toHaveAttribute('data-editor', 'monaco');
  await expect(cell.locator('.monaco-editor .view-lines')).toBeVisible();
  await cell.locator('.monaco-editor textarea').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('const total = [4, 5, 6].reduce((a, b) => a + b, 0);\nconsole.log("edited", total);');
  await expect(cell.locator('.monaco-editor .view-lines')).toContainText('reduce');
  // Shiki's colours reach Monaco (tokens get coloured spans, not only plain text).
  await expect(cell.locator('.monaco-editor .view-lines span[class*="mtk"]').nth(1)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(cell).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(await openConsole(cell)).toContainText('edited 15');
  // Monaco's stylesheet arrived as a file (it is injected on first edit): the editor is laid out.
  expect(await cell.locator('.monaco-editor').evaluate((element) => getComputedStyle(element).position)).toBe('relative');
  expect(warnings).toEqual([]);
  expect(await csp.events()).toEqual([]);
  expect(csp.console).toEqual([]);
  expect(foreign).toEqual([]);
});
