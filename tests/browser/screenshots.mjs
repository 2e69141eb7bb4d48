// Writes docs/screenshots/page-light.png and page-dark.png: the sample
// article, a focused highlight with its details, and a sidebar item selected.
// Usage: node tests/browser/screenshots.mjs   (after scripts/build-web.sh)

import { launch, startServer, rendered, ROOT } from './harness.mjs';

const server = await startServer();
try {
  for (const scheme of ['light', 'dark']) {
    const { context, close } = await launch({ colorScheme: scheme, dark: scheme === 'dark' });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setViewportSize({ width: 1360, height: 900 });
      await page.goto(server.url);
      await rendered(page);
      await page.locator('.sidebar .item').first().click();
      await page.locator('#view').evaluate((v) => { v.scrollTop = 0; });
      await page.locator('#view mark.hl').nth(1).focus();
      await page.waitForTimeout(1300); // let the flash fade
      await page.screenshot({ path: `${ROOT}docs/screenshots/page-${scheme}.png` });
      console.log(`docs/screenshots/page-${scheme}.png`);
    } finally {
      await close();
    }
  }
} finally {
  await server.close();
}
