/**
 * Test helper: launches the machine's Debian Chromium through playwright-core for browser tests (this
 * page test now, the end-to-end test against the real gateway later).
 *
 * Why a helper: playwright-core downloads no browser, and none can be downloaded here; the tests use
 * the system's `/usr/bin/chromium` (CI installs it with `apt-get install chromium`) with flags that keep
 * it from reaching the network on its own, and skip with a clear message when it is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags every test browser runs with: headless, sandbox off (root in CI), no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why a browser test is skipped, or null when Chromium is there. */
export function chromiumMissing(executablePath = CHROMIUM_PATH): string | null {
  return existsSync(executablePath)
    ? null
    : `${executablePath} not found: browser tests skipped (install it with \`apt-get install -y chromium\`)`;
}

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions extends Omit<LaunchOptions, 'executablePath' | 'args'> {
  /** @default CHROMIUM_PATH */
  executablePath?: string;
  /** Extra flags after {@link CHROMIUM_ARGS}. */
  extraArgs?: readonly string[];
}

/** Launches headless Debian Chromium. Close it with `await browser.close()` (or `await using`). */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const { executablePath = CHROMIUM_PATH, extraArgs = [], ...rest } = options;
  return chromium.launch({ headless: true, ...rest, executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
