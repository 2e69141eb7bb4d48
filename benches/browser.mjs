// The page and the WebAssembly core in headless Chromium: time from the
// start of page load to the first annotation shown, `annotate` latency for
// 10 KB, 100 KB and 1 MB articles (the wasm module called directly on the
// main thread, and through the page's worker with its message round trip),
// and the WebAssembly memory after a 1 MB article.
//
// Usage (after scripts/build-web.sh and the native benchmark, which writes
// the corpus): node benches/browser.mjs --corpus target/bench/corpus.txt
//   [--native target/bench/native.json] [--json target/bench/browser.json] [--quick]
// scripts/bench.sh runs it with everything in place.
//
// Timings are best-of-N (the least disturbed run) with the median beside
// it. The script checks its results are real: the page shows highlights,
// the documents have entities, dates and claims, and with --native the
// counts equal the native core's on the same text.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launch, startServer, ROOT } from '../tests/browser/harness.mjs';
import { serve } from '../scripts/static-server.mjs';
import { writeFloorPages } from './floor.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const QUICK = args.includes('--quick');
const corpusPath = opt('--corpus', join(ROOT, 'target/bench/corpus.txt'));
const nativePath = opt('--native', null);
const jsonPath = opt('--json', null);

if (!existsSync(corpusPath)) {
  console.error(`no corpus at ${corpusPath}: run \`cargo bench --bench throughput -- --corpus ${corpusPath}\` first (scripts/bench.sh does)`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'www/pkg/factlens_bg.wasm'))) {
  console.error('www/pkg is missing: run scripts/build-web.sh first');
  process.exit(2);
}

const corpus = readFileSync(corpusPath);
/** The first `bytes` of the corpus cut at a paragraph break, as the native benchmark cuts it. */
function article(bytes) {
  const head = corpus.subarray(0, Math.min(bytes, corpus.length));
  const cut = head.lastIndexOf('\n\n');
  return corpus.subarray(0, cut < 0 ? head.length : cut + 2).toString('utf8');
}

const SIZES = [
  { name: '10 KB', bytes: 10 << 10, runs: QUICK ? 5 : 30 },
  { name: '100 KB', bytes: 100 << 10, runs: QUICK ? 3 : 10 },
  { name: '1 MB', bytes: 1 << 20, runs: QUICK ? 2 : 5 },
];
const LOADS = QUICK ? 2 : 11;

const native = nativePath && existsSync(nativePath) ? JSON.parse(readFileSync(nativePath, 'utf8')) : null;

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { best: s[0], median: s[s.length >> 1], runs: s.length };
}

function check(cond, what) {
  if (!cond) throw new Error(`benchmark result is not real: ${what}`);
}

/** The counts must equal the native core's for the same bytes, when we have them. */
function checkAgainstNative(size, counts) {
  check(counts.entities > size.len / 200, `${size.name}: only ${counts.entities} entities`);
  check(counts.dates > 0 && counts.claims > 0, `${size.name}: no dates or claims`);
  const row = native?.sizes?.find((r) => r.bytes === size.len);
  if (row) {
    for (const k of ['entities', 'dates', 'claims']) {
      check(row[k] === counts[k], `${size.name}: ${k} in Chromium ${counts[k]} != native ${row[k]}`);
    }
  }
  return Boolean(row);
}

// Records, from the first script that runs, when the article view first
// gets a rendered annotation; performance.now() counts from navigation start.
const FIRST_RENDER_PROBE = () => {
  const watch = () => {
    const view = document.getElementById('view');
    if (!view) return false;
    new MutationObserver((_, obs) => {
      if (view.dataset.rendered && view.querySelector('.hl')) {
        window.__firstAnnotation = performance.now();
        obs.disconnect();
      }
    }).observe(view, { attributes: true, childList: true, subtree: true });
    return true;
  };
  if (!watch()) document.addEventListener('readystatechange', function once() { if (watch()) document.removeEventListener('readystatechange', once); });
};

/**
 * The median time of each start-up milestone the page marks, in page-load
 * order; 'worker-ready' may be missing when the worker became ready after
 * the first annotation was shown.
 */
function milestones(loads) {
  const names = ['start', 'compiled', 'local-ready', 'app-ready', 'annotated', 'worker-ready'];
  return Object.fromEntries(names.map((n) => [n, loads.map((r) => r.marks[n]).filter((x) => x !== undefined)])
    .filter(([, xs]) => xs.length).map(([n, xs]) => [n, stats(xs).median]));
}

/** Opens `url` in a fresh profile (cold cache) and times the first annotation. */
async function firstAnnotation(url) {
  const { context, close } = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(FIRST_RENDER_PROBE);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstAnnotation !== undefined, null, { timeout: 30_000 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const view = document.getElementById('view');
      return {
        ms: window.__firstAnnotation,
        domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null,
        // The page's own fetches (the worker fetches the wasm in its own timeline).
        resources: performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, start_ms: e.startTime, end_ms: e.responseEnd })),
        // The first annotate() call, cold: on the main thread while the worker starts.
        firstAnnotateMs: Number(view.dataset.annotateMs),
        // The page's own start-up milestones (www/core.js, www/app.js).
        marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('factlens:'))
          .map((m) => [m.name.slice('factlens:'.length), m.startTime])),
        highlights: view.querySelectorAll('.hl').length,
      };
    });
    check(errors.length === 0, `page errors: ${errors.join('; ')}`);
    check(r.highlights > 0, 'the first render shows no highlights');
    return { ...r, requested };
  } finally {
    await close();
  }
}

async function main() {
  const server = await startServer();
  const out = { benchmark: 'browser', chromium: null, first_annotation: {}, direct: [], worker: [], memory: null };
  try {
    // 1. Page load start to the first annotation shown, cold: the served
    // page, the single file, and the two floor pages (benches/floor.mjs),
    // one of each in turn so that a slow spell of the machine hits all.
    const floor = await writeFloorPages(ROOT, join(ROOT, 'target/bench/floor'));
    const floorServer = await serve(floor.servedDir, 0);
    const dist = join(ROOT, 'dist/factlens.html');
    const pages = {
      served: server.url,
      single_file: existsSync(dist) ? `file://${dist}` : null,
      floor_served: `http://127.0.0.1:${floorServer.address().port}/`,
      floor_file: `file://${floor.file}`,
    };
    const loads = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
    try {
      for (let i = 0; i < LOADS; i++) {
        for (const [k, url] of Object.entries(pages)) if (url) loads[k].push(await firstAnnotation(url));
      }
    } finally {
      await new Promise((ok) => floorServer.close(ok));
    }
    const served = loads.served;
    const requested = served[0].requested;
    out.first_annotation.served = { ...stats(served.map((r) => r.ms)), dom_content_loaded_ms: stats(served.map((r) => r.domContentLoadedMs)).best,
      first_annotate_ms: stats(served.map((r) => r.firstAnnotateMs)).best, highlights: served[0].highlights,
      last_resource_ms: stats(served.map((r) => Math.max(0, ...r.resources.map((x) => x.end_ms)))).best, resources_of_best: served.reduce((a, b) => (b.ms < a.ms ? b : a)).resources,
      milestones_median_ms: milestones(served) };
    const origin = server.url.replace(/\/$/, '');
    out.served_assets = [...new Set(requested.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname.replace(/\/$/, '/index.html')))];
    const single = loads.single_file;
    if (single.length) {
      out.first_annotation.single_file = { ...stats(single.map((r) => r.ms)), dom_content_loaded_ms: stats(single.map((r) => r.domContentLoadedMs)).best,
        highlights: single[0].highlights, milestones_median_ms: milestones(single) };
    }
    for (const k of ['floor_served', 'floor_file']) out.first_annotation[k] = stats(loads[k].map((r) => r.ms));

    // 2. annotate() on the main thread and through the worker, one page.
    const { context, close } = await launch();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url);
      await page.waitForFunction(() => Number(document.getElementById('view').dataset.rendered ?? 0) > 0, null, { timeout: 30_000 });
      out.chromium = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);

      // Memory first, on a fresh instance (the query makes a separate module
      // with its own memory): linear memory never shrinks, so its size after
      // the 1 MB article is the peak that article needed.
      const big = article(SIZES[2].bytes);
      out.memory = await page.evaluate(async (text) => {
        const m = await import('./pkg/factlens.js?memory');
        const w = await m.default();
        const before = w.memory.buffer.byteLength;
        const doc = m.annotate(text, { document_date: '2024-10-01' });
        return { article_bytes: new TextEncoder().encode(text).length, after_init_bytes: before, after_1mb_bytes: w.memory.buffer.byteLength,
          entities: doc.entities.length };
      }, big);
      check(out.memory.entities > 0, 'memory run found no entities');

      // Where a start goes: starting the worker (fetch, compile and
      // instantiate the wasm) and the first annotate (lazy set-up inside
      // the core) against a warm one, on a 2 KB article. Not fully cold:
      // V8 may reuse the code it compiled for the page's own worker; the
      // truly cold annotate is first_annotation.served.first_annotate_ms.
      out.cold_start = await page.evaluate(async (small) => {
        const m = await import('./pkg/factlens.js?direct');
        const t0 = performance.now();
        await m.default();
        const instantiateMs = performance.now() - t0;
        const t1 = performance.now();
        m.annotate(small, null);
        const firstMs = performance.now() - t1;
        const t2 = performance.now();
        m.annotate(small, null);
        const warmMs = performance.now() - t2;
        window.__direct = m;
        const t3 = performance.now();
        const worker = new Worker('./pkg/worker.js');
        const waiting = new Map();
        let next = 1;
        worker.onmessage = (ev) => { const f = waiting.get(ev.data.id ?? 0); waiting.delete(ev.data.id ?? 0); f?.(ev.data); };
        const call = (msg) => new Promise((ok) => { const id = msg.type === 'init' ? 0 : next++; waiting.set(id, ok); worker.postMessage({ ...msg, id }); });
        await call({ type: 'init', wasm: null });
        const workerStartMs = performance.now() - t3;
        window.__worker = call;
        return { article_bytes: new TextEncoder().encode(small).length, instantiate_ms: instantiateMs, first_annotate_ms: firstMs,
          warm_annotate_ms: warmMs, worker_start_ms: workerStartMs };
      }, article(2 << 10));

      for (const size of SIZES) {
        const text = article(size.bytes);
        size.len = Buffer.byteLength(text);
        await page.evaluate((t) => { window.__text = t; }, text);
        const direct = await page.evaluate((runs) => {
          const times = [];
          let doc;
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            doc = window.__direct.annotate(window.__text, { document_date: '2024-10-01' });
            times.push(performance.now() - t0);
          }
          return { times, counts: { entities: doc.entities.length, dates: doc.dates.length, claims: doc.claims.length } };
        }, size.runs);
        const matched = checkAgainstNative(size, direct.counts);
        const s = stats(direct.times);
        out.direct.push({ size: size.name, bytes: size.len, ms: s.best, median_ms: s.median, runs: s.runs,
          mb_per_s: size.len / (s.best / 1000) / 1e6, ...direct.counts, equals_native: matched });

        const viaWorker = await page.evaluate(async (runs) => {
          const round = [];
          const inside = [];
          let doc;
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            const r = await window.__worker({ type: 'annotate', text: window.__text, date: '2024-10-01' });
            doc = JSON.parse(r.json); // as www/core.js does
            round.push(performance.now() - t0);
            inside.push(r.ms);
          }
          return { round, inside, counts: { entities: doc.entities.length, dates: doc.dates.length, claims: doc.claims.length } };
        }, size.runs);
        checkAgainstNative(size, viaWorker.counts);
        const w = stats(viaWorker.round);
        out.worker.push({ size: size.name, bytes: size.len, round_trip_ms: w.best, median_round_trip_ms: w.median,
          in_worker_ms: stats(viaWorker.inside).best, runs: w.runs });
      }
    } finally {
      await close();
    }
  } finally {
    await server.close();
  }
  out.chromium_mb_per_s = out.direct.find((r) => r.size === '1 MB').mb_per_s;

  const f = (x, d = 1) => (x == null ? '-' : x.toFixed(d));
  console.log(`factlens in headless ${out.chromium}`);
  const fa = out.first_annotation;
  console.log(`first annotation shown, from page load start (cold, fresh profile, best/median of ${fa.served.runs}):`);
  console.log(`  served www/        ${f(fa.served.best, 0)} / ${f(fa.served.median, 0)} ms  (DOMContentLoaded ${f(fa.served.dom_content_loaded_ms, 0)} ms, last page fetch done ${f(fa.served.last_resource_ms, 0)} ms, first annotate ${f(fa.served.first_annotate_ms)} ms, ${fa.served.highlights} highlights)`);
  console.log(`    milestones (median ms): ${Object.entries(fa.served.milestones_median_ms).map(([k, v]) => `${k} ${f(v, 0)}`).join(', ')}`);
  if (fa.single_file) {
    console.log(`  dist/factlens.html ${f(fa.single_file.best, 0)} / ${f(fa.single_file.median, 0)} ms  (file://, DOMContentLoaded ${f(fa.single_file.dom_content_loaded_ms, 0)} ms)`);
    console.log(`    milestones (median ms): ${Object.entries(fa.single_file.milestones_median_ms).map(([k, v]) => `${k} ${f(v, 0)}`).join(', ')}`);
  }
  console.log(`  floor, no interface (benches/floor.mjs): served ${f(fa.floor_served.best, 0)} / ${f(fa.floor_served.median, 0)} ms, file:// ${f(fa.floor_file.best, 0)} / ${f(fa.floor_file.median, 0)} ms`);
  console.log('annotate():');
  console.log(`${'size'.padStart(8)} ${'bytes'.padStart(9)} ${'direct ms'.padStart(10)} ${'median'.padStart(8)} ${'MB/s'.padStart(6)} ${'worker ms'.padStart(10)} ${'in worker'.padStart(10)} ${'entities'.padStart(9)} ${'= native'.padStart(9)}`);
  out.direct.forEach((d, i) => {
    const w = out.worker[i];
    console.log(`${d.size.padStart(8)} ${String(d.bytes).padStart(9)} ${f(d.ms, 2).padStart(10)} ${f(d.median_ms, 2).padStart(8)} ${f(d.mb_per_s, 2).padStart(6)} ${f(w.round_trip_ms, 2).padStart(10)} ${f(w.in_worker_ms, 2).padStart(10)} ${String(d.entities).padStart(9)} ${(d.equals_native ? 'yes' : 'n/a').padStart(9)}`);
  });
  const cs = out.cold_start;
  console.log(`second start in the same page, ${cs.article_bytes} byte article: instantiate wasm ${f(cs.instantiate_ms)} ms, first annotate ${f(cs.first_annotate_ms)} ms, warm annotate ${f(cs.warm_annotate_ms)} ms; worker start to ready ${f(cs.worker_start_ms)} ms`);
  const mem = out.memory;
  console.log(`wasm memory: ${f(mem.after_init_bytes / 2 ** 20)} MiB after init, ${f(mem.after_1mb_bytes / 2 ** 20)} MiB after a ${f(mem.article_bytes / 2 ** 20, 2)} MiB article`);
  if (jsonPath) {
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`wrote ${jsonPath}`);
  }
}

await main();
