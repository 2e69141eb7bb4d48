// Measures how the page responds with a 200 KB article (or KB, up to the 5 MB
// the page takes): key-to-paint input latency while the pasted article is
// annotated in the worker and while typing later, long main-thread tasks,
// and the annotate/render cost of one re-annotation. Prints numbers;
// asserts nothing (timings are not tests).
// Usage: node tests/browser/latency.mjs [KB]   (after scripts/build-web.sh)

import { launch, startServer, rendered, longArticle } from './harness.mjs';
import { MAX_CHARS } from '../../www/textio.js';

const kb = Number(process.argv[2] ?? 200);
// At most what the page takes, less room for the typing: 5000 gives ~5 MB.
const text = longArticle(Math.min(kb * 1024, MAX_CHARS - 1000));

const server = await startServer();
const { context, close } = await launch();
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await rendered(page);
  await page.evaluate(() => {
    window.__lat = { keys: [], long: [] };
    document.addEventListener('keydown', (e) => {
      const t = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__lat.keys.push(performance.now() - t), 0));
    }, true);
    new PerformanceObserver((l) => { for (const x of l.getEntries()) window.__lat.long.push(x.duration); }).observe({ type: 'longtask', buffered: false });
  });
  // Paste as the user does (a paste event carrying the text), select-all first.
  const paste = await page.evaluate((v) => {
    const t = document.getElementById('source');
    t.focus();
    t.select();
    const data = new DataTransfer();
    data.setData('text/plain', v);
    const t0 = performance.now();
    window.__pasteAt = t0;
    if (t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))) {
      document.execCommand('insertText', false, v); // what the browser does when the page lets it
    }
    return new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now() - t0), 0)));
  }, text);
  // Type while the pasted article is annotated in the worker.
  await page.locator('#source').evaluate((t) => t.setSelectionRange(0, 0));
  await page.keyboard.type('Typed during the annotation. ', { delay: 50 });
  const during = await page.evaluate(() => ({ keys: window.__lat.keys.slice(), shown: Number(document.getElementById('view').dataset.rendered) > 1 }));
  await rendered(page, 1, 600_000);
  const firstMs = await page.evaluate(() => performance.now() - window.__pasteAt);
  const cost = await page.evaluate(() => ({ ...document.getElementById('view').dataset }));
  const marks = await page.locator('#view .hl').count();
  await page.evaluate(() => { window.__lat.keys = []; window.__lat.long = []; });

  // Type 60 characters in the middle at ~12 keys/s, then pause so the
  // article is re-annotated and re-rendered, then type 20 more during that.
  await page.locator('#source').evaluate((t) => { t.focus(); t.setSelectionRange(t.value.length >> 1, t.value.length >> 1); });
  const before = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
  await page.keyboard.type(' The minister said on Friday that the port will grow again.', { delay: 80 });
  await page.waitForTimeout(260); // debounce fires: annotation runs in the worker
  await page.keyboard.type(' More text typed meanwhile.', { delay: 80 });
  await rendered(page, before, 600_000);
  await page.waitForTimeout(1500);
  const lat = await page.evaluate(() => window.__lat);
  const after = await page.evaluate(() => ({ ...document.getElementById('view').dataset }));
  const keys = lat.keys.sort((a, b) => a - b);
  const q = (p) => keys[Math.min(keys.length - 1, Math.floor(p * keys.length))].toFixed(1);
  console.log(`article: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${text.length} UTF-16 units, ${marks} highlight elements`);
  console.log(`paste to next frame: ${paste.toFixed(0)} ms; paste to annotated page (keys typed meanwhile): ${firstMs.toFixed(0)} ms (250 ms debounce + worker annotate ${cost.annotateMs} ms + render ${cost.renderMs} ms + messaging)`);
  const dk = during.keys.sort((a, b) => a - b);
  const dq = (p) => dk[Math.min(dk.length - 1, Math.floor(p * dk.length))].toFixed(1);
  console.log(`key-to-next-frame latency while the paste was annotated, over ${dk.length} keys: median ${dq(0.5)} ms, p95 ${dq(0.95)} ms, max ${dk[dk.length - 1].toFixed(1)} ms${during.shown ? ' (the annotation was shown before the typing ended)' : ''}`);
  console.log(`key-to-next-frame latency over ${keys.length} keys: median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${keys[keys.length - 1].toFixed(1)} ms`);
  console.log(`re-annotation while typing: worker ${after.annotateMs} ms (off the main thread), main-thread render ${after.renderMs} ms`);
  console.log(`long main-thread tasks (>50 ms) during typing: ${lat.long.length}${lat.long.length ? `, longest ${Math.max(...lat.long).toFixed(0)} ms` : ''}`);
} finally {
  await close();
  await server.close();
}
