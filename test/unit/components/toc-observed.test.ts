// @vitest-environment jsdom
/**
 * The "On this page" highlighter observes what Starlight's selectors pick, found
 * by a walk instead (toc/workbook-toc.ts). The oracle is the selectors
 * themselves, matched by the DOM: on random pages of headings, heading
 * wrappers, nested sections and plain blocks, the walk must find exactly the
 * same elements in the same (document) order.
 */
import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';

const SELECTOR = 'h1#_top,:where(h2,h3)[id]';
const STARLIGHT = [
  `main :where(${SELECTOR})`,
  `main :where(${SELECTOR}, .sl-heading-wrapper) ~ *:not(:has(${SELECTOR}))`,
  `main .sl-markdown-content > *:not(:has(${SELECTOR}))`,
  `main > *:not(:has(${SELECTOR}))`,
].join();

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let ids = 0;
function block(rand: () => number, depth: number): string {
  const r = rand();
  const heading = (level: number) => `<h${level}${rand() < 0.85 ? ` id="h${ids++}"` : ''}>Heading</h${level}>`;
  if (r < 0.2) return `<div class="sl-heading-wrapper">${heading(rand() < 0.5 ? 2 : 3)}<a href="#">#</a></div>`;
  if (r < 0.3) return heading(rand() < 0.5 ? 2 : 3);
  if (r < 0.45 && depth < 3) return `<section>${children(rand, depth + 1)}</section>`;
  if (r < 0.55) return `<div><p>text</p><div><span>deep</span>${rand() < 0.3 ? heading(4) : ''}</div></div>`;
  return rand() < 0.5 ? '<p>A paragraph</p>' : '<pre><code><span>x</span></code></pre>';
}
function children(rand: () => number, depth: number): string {
  return Array.from({ length: 1 + Math.floor(rand() * 6) }, () => block(rand, depth)).join('');
}
function page(seed: number): Document {
  const rand = random(seed);
  const top = rand() < 0.7 ? '<h1 id="_top">Title</h1>' : '';
  const html = `<body><header>nav</header><main>${top}<div class="sl-markdown-content">${children(rand, 0)}</div>${children(rand, 2)}</main><footer><h2 id="f">Footer</h2></footer></body>`;
  return new JSDOM(html).window.document;
}

describe('the table of contents observes what Starlight would', () => {
  test('on 300 random pages, the same elements in the same order as its selectors', async () => {
    const { observedElements } = await import('../../../src/components/starlight/toc/workbook-toc');
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const doc = page(seed);
      const expected = [...doc.querySelectorAll(STARLIGHT)];
      const actual = observedElements(doc, SELECTOR);
      expect(actual, `seed ${seed}`).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1000); // the pages were not empty
  });

  test('the second highlighter of a page gets the first one\'s list', async () => {
    const { observedElements } = await import('../../../src/components/starlight/toc/workbook-toc');
    const doc = page(7);
    expect(observedElements(doc, SELECTOR)).toBe(observedElements(doc, SELECTOR));
  });
});
