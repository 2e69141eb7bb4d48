// Shared setup for the browser tests: Debian's Chromium, headless, with a
// fresh profile, and the static server over www/.

import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/static-server.mjs';
import { SAMPLE } from '../../www/sample.js';

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
export async function rendered(page, after = 0, timeout = 30_000) {
  await page.waitForFunction((n) => Number(document.getElementById('view').dataset.rendered ?? 0) > n, after, { timeout });
  return page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
}

/** Replaces the article text as a user typing/pasting would (input event). */
export async function setText(page, text) {
  const before = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered ?? 0));
  await page.locator('#source').fill(text);
  return rendered(page, before);
}

/** The sample article's paragraphs repeated, names and numbers varied so that
 * it is not one paragraph over and over, up to `units` UTF-16 units. */
export function longArticle(units) {
  const paras = SAMPLE.split('\n\n');
  const parts = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const p = `${paras[i % paras.length].replace(/\d+/g, (d) => String(Number(d) + (i % 7)))}\n\n`;
    if (length + p.length > units) break;
    parts.push(p);
    length += p.length;
  }
  return parts.join('').trimEnd();
}

/** Pastes `text` into the article box as a user does: select all, then a
 * paste event carrying the text, which the browser inserts. */
export function paste(page, text) {
  return page.evaluate((v) => {
    const t = document.getElementById('source');
    t.focus();
    t.select();
    const data = new DataTransfer();
    data.setData('text/plain', v);
    if (t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))) {
      document.execCommand('insertText', false, v); // what the browser does when the page lets it
    }
  }, text);
}
