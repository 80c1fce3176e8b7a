/**
 * The chapter renders only the blocks near the screen while it loads
 * (src/styles/offscreen-blocks.css). Every block is rendered once the page is
 * first idle after load and no run the learner asked for is on its way
 * (idle.ts), and at once before a jump within the page: a page opened at a
 * fragment, a link within the page followed, the fragment changed.
 */
import { afterLoadWhenIdle } from './idle';

const BLOCKS_RENDERED_ATTRIBUTE = 'data-blocks-rendered';

let scheduled = false;

/** Once, whichever comes first: the listeners that could call it again are removed. */
function renderEveryBlock(): void {
  document.documentElement.setAttribute(BLOCKS_RENDERED_ATTRIBUTE, '');
  document.removeEventListener('click', renderBeforeJumps, { capture: true });
  window.removeEventListener('hashchange', renderEveryBlock);
}

/** Before the browser follows a link to a fragment of this page, so it lands on the real layout. */
function renderBeforeJumps(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('a[href*="#"]');
  if (link instanceof HTMLAnchorElement && link.pathname === location.pathname) renderEveryBlock();
}

export function renderEveryBlockWhenIdle(): void {
  if (scheduled) return;
  scheduled = true;
  if (location.hash) return renderEveryBlock();
  document.addEventListener('click', renderBeforeJumps, { capture: true });
  window.addEventListener('hashchange', renderEveryBlock, { once: true });
  afterLoadWhenIdle(renderEveryBlock);
}
