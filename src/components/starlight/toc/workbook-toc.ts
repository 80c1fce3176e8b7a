/**
 * The "On this page" highlighter, replacing Starlight's (0.37) custom element.
 *
 * Starlight finds the heading of a visible element by walking the DOM
 * backwards recursively, one call per element. A chapter full of cells
 * (highlighted code is a span per token, results are tables) puts thousands of
 * elements between two headings, and that walk overflows the stack
 * ("Maximum call stack size exceeded" on scroll). Here the heading is found by
 * document order against the short list of headings: no recursion, same result.
 * The markup, the observed elements and the root margin are Starlight's.
 */
const PAGE_TITLE_ID = '_top';

/** Per page and heading selector: the desktop and the phone highlighters observe the same elements. */
const observedCache = new WeakMap<Document, Map<string, Element[]>>();

/**
 * The elements Starlight's highlighter observes, in document order: those its
 * selectors pick,
 *   main :where(H), main :where(H, .sl-heading-wrapper) ~ *:not(:has(H)),
 *   main .sl-markdown-content > *:not(:has(H)), main > *:not(:has(H)),
 * found by walking instead. Matched as one selector, the `~ *:not(:has(H))`
 * parts made Chromium test every following sibling's whole subtree once per
 * heading: about 40 ms on a chapter page, twice (desktop and phone), in the
 * first idle moments after load, where a first Run's result is waiting to be
 * shown. The walk tests each element at most once.
 */
export function observedElements(root: Document, headingSelector: string): Element[] {
  let cache = observedCache.get(root);
  if (!cache) observedCache.set(root, (cache = new Map()));
  const cached = cache.get(headingSelector);
  if (cached) return cached;
  const found = new Set<Element>();
  const headingFree = new Map<Element, boolean>();
  const hasNoHeading = (el: Element) => {
    let free = headingFree.get(el);
    if (free === undefined) headingFree.set(el, (free = el.querySelector(headingSelector) === null));
    return free;
  };
  const walked = new Set<Element>();
  for (const main of root.querySelectorAll('main')) {
    const headings = [...main.querySelectorAll(`:where(${headingSelector})`)];
    for (const heading of headings) found.add(heading);
    // The siblings after a heading or a heading's wrapper; a sibling walked before has had its followers walked too.
    for (const start of [...headings, ...main.querySelectorAll('.sl-heading-wrapper')]) {
      for (let next = start.nextElementSibling; next && !walked.has(next); next = next.nextElementSibling) {
        walked.add(next);
        if (hasNoHeading(next)) found.add(next);
      }
    }
    for (const parent of [...main.querySelectorAll('.sl-markdown-content'), main]) {
      for (const child of parent.children) if (hasNoHeading(child)) found.add(child);
    }
  }
  const inOrder = [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  cache.set(headingSelector, inOrder);
  return inOrder;
}

export class WorkbookTOC extends HTMLElement {
  private currentLink = this.querySelector<HTMLAnchorElement>('a[aria-current="true"]');
  private readonly minH = parseInt(this.dataset.minH || '2', 10);
  private readonly maxH = parseInt(this.dataset.maxH || '3', 10);
  private readonly headingSelector = `h1#${PAGE_TITLE_ID},:where(${Array.from({ length: 1 + this.maxH - this.minH }, (_, i) => `h${this.minH + i}`).join()})[id]`;

  protected set current(link: HTMLAnchorElement) {
    if (link === this.currentLink) return;
    this.currentLink?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.currentLink = link;
  }

  constructor() {
    super();
    (window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1)))(() => this.init());
  }

  /** The last table-of-contents heading at or before `el` in document order. */
  private headingOf(el: Element, headings: HTMLHeadingElement[]): HTMLHeadingElement | null {
    let found = document.getElementById(PAGE_TITLE_ID) as HTMLHeadingElement | null;
    for (const heading of headings) {
      if (heading === el || heading.contains(el)) return heading;
      if (heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = heading;
      else break;
    }
    return found;
  }

  private init(): void {
    const links = [...this.querySelectorAll('a')];
    const selector = this.headingSelector;
    const headings = [...document.querySelectorAll<HTMLHeadingElement>(`main :where(${selector})`)];
    const setCurrent: IntersectionObserverCallback = (entries) => {
      for (const { isIntersecting, target } of entries) {
        if (!isIntersecting) continue;
        const heading = this.headingOf(target, headings);
        const link = heading && links.find((a) => a.hash === '#' + encodeURIComponent(heading.id));
        if (link) {
          this.current = link;
          break;
        }
      }
    };
    const toObserve = observedElements(document, selector);
    let observer: IntersectionObserver | undefined;
    const observe = () => {
      if (observer) return;
      observer = new IntersectionObserver(setCurrent, { rootMargin: this.rootMargin() });
      toObserve.forEach((el) => observer!.observe(el));
    };
    observe();
    let timeout: ReturnType<typeof setTimeout>;
    window.addEventListener('resize', () => {
      observer?.disconnect();
      observer = undefined;
      clearTimeout(timeout);
      timeout = setTimeout(observe, 200);
    });
  }

  private rootMargin(): string {
    const navBarHeight = document.querySelector('header')?.getBoundingClientRect().height || 0;
    const mobileTocHeight = this.querySelector('summary')?.getBoundingClientRect().height || 0;
    const top = navBarHeight + mobileTocHeight + 32;
    const bottom = top + 53;
    return `-${top}px 0% ${bottom - document.documentElement.clientHeight}px`;
  }
}

/** The phone version: the same tracking, plus Starlight's dropdown behaviour. */
export class WorkbookMobileTOC extends WorkbookTOC {
  override set current(link: HTMLAnchorElement) {
    super.current = link;
    const display = this.querySelector('.display-current');
    if (display) display.textContent = link.textContent;
  }

  constructor() {
    super();
    const details = this.querySelector('details');
    if (!details) return;
    const close = () => {
      details.open = false;
    };
    details.querySelectorAll('a').forEach((a) => a.addEventListener('click', close));
    window.addEventListener('click', (e) => {
      if (!details.contains(e.target as Node)) close();
    });
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && details.open) {
        const hadFocus = details.contains(document.activeElement);
        close();
        if (hadFocus) details.querySelector('summary')?.focus();
      }
    });
  }
}

if (!customElements.get('starlight-toc')) customElements.define('starlight-toc', WorkbookTOC);
if (!customElements.get('mobile-starlight-toc')) customElements.define('mobile-starlight-toc', WorkbookMobileTOC);
