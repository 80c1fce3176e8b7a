/**
 * Debian's Chromium for a browser benchmark (CHROMIUM_PATH to use another),
 * started the same way by every bench: no sandbox (the machine runs as root),
 * no GPU, and none of the background traffic or first-run work that would
 * share the cores with what is measured.
 */
import { chromium, type Browser } from 'playwright-core';

const QUIET_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...QUIET_ARGS, ...extraArgs] });
}
