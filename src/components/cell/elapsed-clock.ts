/**
 * The live "1.4 s" beside Stop. Quick runs never show it (it appears only
 * past ~300 ms), so short runs do not flicker.
 */
const SHOW_AFTER_MS = 300;
const REFRESH_MS = 100;

export class ElapsedClock {
  private timer: ReturnType<typeof setInterval> | undefined;
  private startedAt = 0;

  constructor(private readonly display: HTMLElement) {}

  start(): void {
    this.stop();
    this.startedAt = performance.now();
    this.timer = setInterval(() => this.paint(), REFRESH_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.display.hidden = true;
    this.display.textContent = '';
  }

  private paint(): void {
    const elapsed = performance.now() - this.startedAt;
    if (elapsed < SHOW_AFTER_MS) return;
    this.display.hidden = false;
    this.display.textContent = `${(elapsed / 1000).toFixed(1)} s`;
  }
}
