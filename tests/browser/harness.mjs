// Shared setup for the browser tests: Debian's Chromium, headless, with a
// fresh profile, and the static server over www/.

import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/static-server.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** A persistent context in a fresh profile directory; close() removes it. */
export async function launch({ colorScheme = 'light', offline = false, dark = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'factlens-chromium-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
  if (dark) args.push('--force-dark-mode');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args, colorScheme, offline, acceptDownloads: true,
    viewport: { width: 1280, height: 860 },
  });
  const close = async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); };
  return { context, close };
}

/** Serves www/ on a free local port. */
export async function startServer() {
  const server = await serve(join(ROOT, 'www'), 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Waits until the article has been rendered more times than `after`. */
export async function rendered(page, after = 0) {
  await page.waitForFunction((n) => Number(document.getElementById('view').dataset.rendered ?? 0) > n, after, { timeout: 30_000 });
  return page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
}

/** Replaces the article text as a user typing/pasting would (input event). */
export async function setText(page, text) {
  const before = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered ?? 0));
  await page.locator('#source').fill(text);
  return rendered(page, before);
}
