import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumMissing } from './test-browser.js';

describe('chromiumMissing', () => {
  it('names the missing executable and how to install it', () => {
    expect(chromiumMissing('/nonexistent/chromium')).toBe(
      '/nonexistent/chromium not found: browser tests skipped (install it with `apt-get install -y chromium`)',
    );
  });

  it('is null when the executable exists', () => {
    expect(chromiumMissing(process.execPath)).toBeNull();
  });
});

describe('CHROMIUM_ARGS', () => {
  it('keeps the browser off the network on its own and runs as root in CI', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-background-networking', '--disable-component-update']));
  });
});
