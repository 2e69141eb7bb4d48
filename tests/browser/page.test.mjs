// The annotator page in a real headless Chromium (Debian's /usr/bin/chromium).
// Run: scripts/test-browser.sh (builds first), or `npm test` here after a build.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, startServer, rendered, setText, longArticle, paste, ROOT } from './harness.mjs';
import { MAX_CHARS } from '../../www/textio.js';

// Our own fixture: people, an organization, places, dates and a quote, with
// emoji (astral, ZWJ sequence), CJK and a combining mark before the names.
const ARTICLE = `City council approves flood barrier

ROTTERDAM, June 3, 2024 — The Rotterdam city council approved a €75 million flood barrier on Monday. Mayor Annelies de Groot said the barrier would protect 40,000 homes by 2027.

"We cannot wait for the next storm," de Groot told reporters. The Dutch water authority Rijkswaterstaat warned that sea levels could rise by 30 centimetres before 2050.`;

const UNICODE = `👩‍🔬🌊 東京で会議。 Café naïve e\u0301 — Marta Kowalska met Rijkswaterstaat engineers in Rotterdam on June 3, 2024.`;

const CLI = process.env.FACTLENS_BIN ?? join(ROOT, 'target/debug/factlens');

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

async function open({ url = server.url, offline = false, dark = false } = {}) {
  const b = await launch({ offline, dark });
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  await page.goto(url);
  await rendered(page);
  return { ...b, page, problems };
}

/** The text between two code points, as the document counts them. */
const cps = (s, a, b) => Array.from(s).slice(a, b).join('');

/** Code-point offset of `needle` in `s`. */
function cpIndex(s, needle) {
  const u = s.indexOf(needle);
  assert.ok(u >= 0, `${needle} not in text`);
  return Array.from(s.slice(0, u)).length;
}

async function exportFile(page, format) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
  return readFileSync(await dl.path(), 'utf8');
}

/** Selects the code points [start, end) of the article view, as a mouse drag would. */
async function selectInView(page, needle) {
  await page.evaluate((needle) => {
    const view = document.getElementById('view');
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    let offset = 0;
    const full = view.textContent;
    const at = full.indexOf(needle);
    const range = document.createRange();
    let startSet = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.data.length;
      if (!startSet && at < offset + len) { range.setStart(n, at - offset); startSet = true; }
      if (startSet && at + needle.length <= offset + len) { range.setEnd(n, at + needle.length - offset); break; }
      offset += len;
    }
    view.focus();
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }, needle);
}

test('pasting an article shows highlights, a legend with counts and a sidebar whose items scroll to their mentions', async () => {
  const { page, close, problems } = await open();
  try {
    await setText(page, ARTICLE);
    const marks = await page.locator('#view .hl').count();
    assert.ok(marks > 0, 'no highlights');
    const legendTotal = await page.$$eval('#legend .count', (xs) => xs.reduce((n, x) => n + Number(x.textContent), 0));
    const first = await page.$$eval('#view .hl:not(.cont)', (xs) => xs.length);
    assert.equal(legendTotal, first, 'legend counts equal the highlights');
    const items = page.locator('.sidebar .item');
    assert.ok((await items.count()) > 0, 'no sidebar items');
    // Every highlight quotes exactly the text of its annotation.
    const json = JSON.parse(await exportFile(page, 'factlens'));
    const dom = await page.$$eval('#view mark.hl:not(.cont)', (xs) => xs.map((x) => x.textContent));
    const expected = [...json.entities, ...json.dates, ...json.figures].sort((a, b) => a.start - b.start || b.end - a.end).map((m) => m.text);
    assert.deepEqual(dom, expected);

    // Clicking the last sidebar item scrolls its mention into view and flashes it.
    await page.locator('#view').evaluate((v) => { v.scrollTop = 0; });
    await page.setViewportSize({ width: 1280, height: 420 });
    const item = items.last();
    const name = await item.locator('.name').textContent();
    await item.click();
    const current = page.locator('#view .current').first();
    await current.waitFor();
    assert.ok((await page.locator('#view .flash').count()) > 0, 'mentions flash');
    const visible = await current.evaluate((m) => {
      const r = m.getBoundingClientRect(); const v = document.getElementById('view').getBoundingClientRect();
      return r.top >= v.top && r.bottom <= v.bottom;
    });
    assert.ok(visible, 'the mention is scrolled into view');
    assert.match(await page.locator('#nav-label').textContent(), new RegExp(name.slice(0, 10).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a correction can be undone and redone, and survives a reload and re-annotation of unchanged text', async () => {
  const { page, close, context, problems } = await open();
  try {
    await setText(page, ARTICLE);
    const label = () => page.locator('#view mark.hl.t-MISC', { hasText: 'flood barrier' }).count();
    assert.equal(await label(), 0);
    // Select in the text box and press Alt+M (other name).
    await page.locator('#source').evaluate((t) => {
      const at = t.value.indexOf('flood barrier');
      t.focus();
      t.setSelectionRange(at, at + 'flood barrier'.length);
    });
    let n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    await page.keyboard.press('Alt+m');
    n = await rendered(page, n);
    assert.equal(await label(), 1, 'labelled');
    // Undo and redo from the article (outside the text box).
    await page.locator('#view').focus();
    await page.keyboard.press('Control+z');
    n = await rendered(page, n);
    assert.equal(await label(), 0, 'undone');
    await page.keyboard.press('Control+Shift+Z');
    n = await rendered(page, n);
    assert.equal(await label(), 1, 'redone');

    // Typing at the end re-annotates; the correction stays on its unchanged text.
    await page.locator('#source').focus();
    await page.keyboard.press('End');
    await page.locator('#source').evaluate((t) => t.setSelectionRange(t.value.length, t.value.length));
    await page.keyboard.type(' More later.');
    n = await rendered(page, n);
    assert.equal(await label(), 1, 'kept after re-annotation');
    // Typing before it shifts it.
    await page.locator('#source').evaluate((t) => { t.focus(); t.setSelectionRange(0, 0); });
    await page.keyboard.type('Update: ');
    await rendered(page, n);
    assert.equal(await label(), 1, 'kept after an edit before it');

    await page.reload();
    await rendered(page);
    assert.equal(await label(), 1, 'kept after reload');
    assert.match(await page.locator('#source').inputValue(), /^Update: City council/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
  void context;
});

test('deleting and relabelling a highlight from the keyboard', async () => {
  const { page, close, problems } = await open();
  try {
    await setText(page, ARTICLE);
    await selectInView(page, 'Monday');
    let n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    await page.keyboard.press('Alt+m');
    n = await rendered(page, n);
    const monday = page.locator('#view mark.hl', { hasText: /^Monday$/ });
    assert.equal(await monday.getAttribute('class').then((c) => c.includes('t-MISC')), true);
    await monday.focus();
    await page.keyboard.press('Alt+o');
    n = await rendered(page, n);
    assert.ok((await page.locator('#view mark.hl.t-ORG', { hasText: /^Monday$/ }).count()) === 1, 'relabelled');
    await page.locator('#view mark.hl', { hasText: /^Monday$/ }).focus();
    await page.keyboard.press('Delete');
    await rendered(page, n);
    assert.equal(await page.locator('#view mark.hl', { hasText: /^Monday$/ }).count(), 0, 'deleted');
    const doc = JSON.parse(await exportFile(page, 'factlens'));
    // Labelling a span the machine already found is a relabel, otherwise an add.
    assert.deepEqual(doc.corrections.map((c) => c.op).slice(1), ['relabel', 'delete']);
    assert.ok(['add', 'relabel'].includes(doc.corrections[0].op));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the exported document equals the CLI document for the same text and date, plus text and corrections; import round-trips', async () => {
  assert.ok(existsSync(CLI), `build the CLI first: cargo build --bin factlens (looked for ${CLI})`);
  const { page, close, problems } = await open();
  try {
    await setText(page, UNICODE);
    let n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    await page.locator('#date').fill('2024-06-05');
    await page.locator('#date').dispatchEvent('change');
    n = await rendered(page, n);
    await selectInView(page, 'engineers');
    await page.keyboard.press('Alt+m');
    await rendered(page, n);
    const exported = JSON.parse(await exportFile(page, 'factlens'));

    const dir = mkdtempSync(join(tmpdir(), 'factlens-export-'));
    writeFileSync(join(dir, 'a.txt'), UNICODE);
    const cli = JSON.parse(execFileSync(CLI, ['annotate', '--date', '2024-06-05', join(dir, 'a.txt')], { encoding: 'utf8' }));
    const { text, corrections, ...doc } = exported;
    assert.deepEqual(doc, cli);
    assert.equal(text, UNICODE);
    const start = cpIndex(UNICODE, 'engineers');
    assert.deepEqual(corrections, [{ op: 'add', type: 'MISC', start, end: start + 9, text: 'engineers' }]);

    // Import into a fresh page: the same document and corrections come back.
    const b = await open();
    try {
      const file = join(dir, 'export.json');
      writeFileSync(file, JSON.stringify(exported));
      const m = await b.page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
      await b.page.setInputFiles('#import-input', file);
      await rendered(b.page, m).catch(async (e) => { throw new Error(`${e.message}: ${await b.page.locator("#message").textContent()}`); });
      assert.equal(await b.page.locator('#source').inputValue(), UNICODE);
      assert.equal(await b.page.locator('#date').inputValue(), '2024-06-05');
      const again = JSON.parse(await exportFile(b.page, 'factlens'));
      assert.deepEqual(again, exported);
      assert.equal(await b.page.locator('#view mark.hl.t-MISC', { hasText: /^engineers$/ }).count(), 1);
      assert.deepEqual(b.problems, []);
    } finally {
      await b.close();
    }
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('malformed, foreign and future-version files are refused with a message and change nothing', async () => {
  const { page, close, problems } = await open();
  try {
    await setText(page, ARTICLE);
    const good = JSON.parse(await exportFile(page, 'factlens'));
    const dir = mkdtempSync(join(tmpdir(), 'factlens-bad-'));
    const cases = {
      'broken.json': '{"schema": "factlens/1", ',
      'foreign.json': JSON.stringify({ type: 'FeatureCollection', features: [] }),
      'future.json': JSON.stringify({ ...good, schema: 'factlens/2' }),
      'outside.json': JSON.stringify({ ...good, entities: [{ ...good.entities[0] ?? {}, id: 'e1', start: 0, end: 10_000, text: 'x', label: 'PERSON', entity: 'E1' }] }),
      'edited.json': JSON.stringify({ ...good, text: good.text.replace('Rotterdam', 'Amsterdam') }),
      // Accepted by the page on 4e9d6fc: the core checked only the ranges.
      'overlap.json': JSON.stringify({ ...good, entities: good.entities.map((e, i) => (i === 1 ? { ...e, start: good.entities[0].start } : e)) }),
      'checkworthy.json': JSON.stringify({ ...good, claims: good.claims.map((c, i) => (i === 0 ? { ...c, checkworthy: 7 } : c)) }),
      'shifted.json': JSON.stringify({ ...good, entities: good.entities.map((e) => ({ ...e, start: e.start + 1, end: e.end + 1 })) }),
      'duplicate.json': JSON.stringify({ ...good, dates: [...good.dates, good.dates[0]] }),
      'many.json': JSON.stringify({ ...good, entities: Array.from({ length: 30 }, (_, i) => ({ ...good.entities[0], id: `e${i + 1}`, text: 'x' })) }),
    };
    const expected = {
      'future.json': /factlens\/2/,
      'edited.json': /does not match text_sha256/,
      'overlap.json': /entity e2 at \d+ starts before entity e1 ends/,
      'checkworthy.json': /claim c1: checkworthy 7 is outside \[0, 1\]/,
      'shifted.json': new RegExp(`invalid document, ${good.entities.length} problems: entity e1: its text .* is not what the span ${good.entities[0].start + 1}\\.\\.`),
      'duplicate.json': /id d1 is used twice/,
      // The first 20 problems, then a count.
      'many.json': /^Import refused: many\.json: invalid document, \d+ problems: (?:[^;]+; ){20}and \d+ more\. Nothing was changed\.$/,
    };
    assert.ok(good.entities.length > 1 && good.claims.length > 0 && good.dates.length > 0);
    const before = await page.locator('#view').innerHTML();
    for (const [name, content] of Object.entries(cases)) {
      writeFileSync(join(dir, name), content);
      await page.setInputFiles('#import-input', join(dir, name));
      const msg = page.locator('#message.error');
      await msg.waitFor();
      const text = await msg.textContent();
      assert.match(text, new RegExp(`Import refused: ${name.replace('.', '\\.')}: .+ Nothing was changed\\.`));
      if (expected[name]) assert.match(text, expected[name]);
      assert.equal(await page.locator('#source').inputValue(), ARTICLE);
      assert.equal(await page.locator('#view').innerHTML(), before);
      await page.evaluate(() => { document.getElementById('message').hidden = true; document.getElementById('message').className = 'message'; });
    }
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('web annotation and CSV exports carry code-point offsets and defuse formulas', async () => {
  const { page, close } = await open();
  try {
    await setText(page, `=SUM(A1) ${UNICODE}`);
    const text = `=SUM(A1) ${UNICODE}`;
    await selectInView(page, '=SUM(A1)');
    let n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    await page.keyboard.press('Alt+m');
    n = await rendered(page, n);
    await selectInView(page, 'Café');
    await page.keyboard.press('Alt+m');
    await rendered(page, n);
    const wa = JSON.parse(await exportFile(page, 'webanno'));
    assert.equal(wa.type, 'AnnotationCollection');
    assert.equal(wa.total, wa.first.items.length);
    for (const a of wa.first.items) {
      const [quote, pos] = a.target.selector;
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.equal(pos.type, 'TextPositionSelector');
      assert.equal(cps(text, pos.start, pos.end), quote.exact);
    }
    const cafe = wa.first.items.find((a) => a.target.selector[0].exact === 'Café');
    assert.equal(cafe.target.selector[1].start, cpIndex(text, 'Café'));
    const csvText = await exportFile(page, 'csv');
    assert.match(csvText, /^id,type,start,end,text,/);
    assert.ok(csvText.includes(`,'=SUM(A1),`), 'formula defused');
    assert.ok(!/(^|,)=SUM/m.test(csvText), 'no live formula');
  } finally {
    await close();
  }
});

test('offsets stay right after emoji, CJK and combining marks', async () => {
  const { page, close } = await open();
  try {
    await setText(page, UNICODE);
    // Words no recognizer takes for names, so each key press is a new correction.
    for (const [needle, key, cls] of [['engineers', 'Alt+m', 't-MISC'], ['会議', 'Alt+m', 't-MISC'], ['naïve', 'Alt+n', 't-NORP']]) {
      await selectInView(page, needle);
      const n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
      await page.keyboard.press(key);
      await rendered(page, n);
      assert.ok((await page.locator(`#view mark.hl.${cls}`, { hasText: new RegExp(`^${needle}$`) }).count()) >= 1, needle);
    }
    const doc = JSON.parse(await exportFile(page, 'factlens'));
    for (const c of doc.corrections) assert.equal(cps(UNICODE, c.start, c.end), c.text);
    assert.deepEqual(doc.corrections.map((c) => c.start), ['engineers', '会議', 'naïve'].map((s) => cpIndex(UNICODE, s)));
    // Every machine span quotes the text, and the DOM shows the same words.
    for (const m of [...doc.entities, ...doc.dates, ...doc.claims]) assert.equal(cps(UNICODE, m.start, m.end), m.text);
  } finally {
    await close();
  }
});

test('a malicious paste shows as text and runs nothing', async () => {
  const { page, close, problems, context } = await open();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  try {
    const evil = `Mayor Annelies de Groot said <img src=x onerror="window.__pwned=1;alert(1)"> and </script><script>window.__pwned=2;alert(2)</script> <b onmouseover=alert(3)>bold</b>`;
    await setText(page, evil);
    assert.equal(await page.locator('#view').textContent(), evil);
    assert.equal(await page.locator('#view img, #view script, #view b, .sidebar img, .sidebar script').count(), 0);
    // The same through an .html file: only its readable text is kept.
    const dir = mkdtempSync(join(tmpdir(), 'factlens-html-'));
    writeFileSync(join(dir, 'evil.html'), `<html><head><script>window.__pwned=3</script><style>p{}</style></head><body><p>Hello <img src=x onerror="window.__pwned=4">Lisbon</p><p>Second &lt;script&gt; para</p></body></html>`);
    const n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    await page.setInputFiles('#open-input', join(dir, 'evil.html'));
    await rendered(page, n);
    assert.equal(await page.locator('#source').inputValue(), 'Hello Lisbon\n\nSecond <script> para');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), []);
    assert.ok(!requests.some((u) => u.endsWith('/x')), 'the img never loaded');
  } finally {
    await close();
  }
});

test('enormous pastes and binary junk are refused with a clear message', async () => {
  const { page, close } = await open();
  try {
    await setText(page, ARTICLE);
    // Paste it, as a user would: a paste event carrying 5 million characters.
    const inserted = await page.evaluate(() => {
      const t = document.getElementById('source');
      t.focus();
      t.select();
      const data = new DataTransfer();
      data.setData('text/plain', 'x'.repeat(5_000_001));
      return t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    assert.equal(inserted, false, 'the paste was cancelled');
    await page.locator('#message.error').waitFor();
    assert.match(await page.locator('#message').textContent(), /at most 5 million/);
    assert.equal(await page.locator('#source').inputValue(), ARTICLE);
    const dir = mkdtempSync(join(tmpdir(), 'factlens-bin-'));
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0x00, 0x12]));
    await page.setInputFiles('#open-input', join(dir, 'photo.txt'));
    await page.waitForFunction(() => /not UTF-8 text|binary/.test(document.getElementById('message').textContent));
    assert.equal(await page.locator('#source').inputValue(), ARTICLE);
  } finally {
    await close();
  }
});

test('the served page makes no request outside its own origin', async () => {
  const b = await launch();
  const requests = [];
  b.context.on('request', (r) => requests.push(r.url()));
  try {
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(server.url);
    await rendered(page);
    await setText(page, ARTICLE);
    await page.locator('.sidebar .item').first().click();
    await exportFile(page, 'webanno');
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm came from the server');
    const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(outside, []);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'self'/);
  } finally {
    await b.close();
  }
});

test('the single-file build annotates from file:// with the network off', async () => {
  const file = join(ROOT, 'dist/factlens.html');
  assert.ok(existsSync(file), 'run scripts/build-web.sh first');
  const requests = [];
  const b = await launch({ offline: true });
  b.context.on('request', (r) => requests.push(r.url()));
  try {
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    await rendered(page);
    assert.ok((await page.locator('#view .hl').count()) > 0, 'the sample is annotated');
    await setText(page, ARTICLE);
    assert.equal(await page.locator('#view').textContent(), ARTICLE);
    assert.ok((await page.locator('#view .hl').count()) > 0, 'the pasted article is annotated');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  } finally {
    await b.close();
  }
});

test('a full or unavailable storage is reported instead of failing silently', async () => {
  const b = await launch();
  try {
    await b.context.addInitScript(() => {
      Storage.prototype.setItem = () => { throw new DOMException('quota', 'QuotaExceededError'); };
    });
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(server.url);
    await rendered(page);
    await page.waitForFunction(() => /storage is full/.test(document.getElementById('message').textContent));
    assert.ok((await page.locator('#view .hl').count()) > 0, 'the page still works');
  } finally {
    await b.close();
  }
});

/** WCAG relative luminance contrast of two computed CSS colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const scheme of ['light', 'dark']) {
  test(`text, highlight tags and hints meet WCAG AA contrast (${scheme})`, async () => {
    const b = await launch({ colorScheme: scheme });
    try {
      const page = b.context.pages()[0] ?? (await b.context.newPage());
      await page.goto(server.url);
      await rendered(page);
      await setText(page, ARTICLE);
      await selectInView(page, 'flood barrier');
      await page.keyboard.press('Alt+m'); // at least one MISC chip
      await page.waitForSelector('#view mark.t-MISC');
      const pairs = await page.evaluate(() => {
        const bgOf = (e) => {
          for (let x = e; x; x = x.parentElement) {
            const c = getComputedStyle(x).backgroundColor;
            if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
          }
          return getComputedStyle(document.documentElement).backgroundColor;
        };
        const out = [];
        for (const t of ['PERSON', 'ORG', 'LOC', 'NORP', 'MISC', 'DATE', 'FIGURE']) {
          const m = document.querySelector(`#view mark.t-${t}`);
          if (m) out.push([`${t} tag`, getComputedStyle(m, '::after').color, bgOf(m)], [`${t} text`, getComputedStyle(m).color, bgOf(m)]);
        }
        const claim = document.querySelector('#view .claim');
        if (claim) out.push(['claim text', getComputedStyle(claim).color, bgOf(claim)], ['claim tag', getComputedStyle(claim, '::before').color, bgOf(claim)]);
        for (const sel of ['#shortcuts', '.sidebar .item .count', '#date-hint', '.legend-item .swatch', 'body', '#message'])
          for (const e of document.querySelectorAll(sel)) if (e.offsetParent || sel === 'body') out.push([sel, getComputedStyle(e).color, bgOf(e)]);
        return out;
      });
      assert.ok(pairs.length > 10);
      for (const [what, fg, bg] of pairs) assert.ok(contrast(fg, bg) >= 4.5, `${what}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`);
    } finally {
      await b.close();
    }
  });
}

test('the sample article replaces the text undoably', async () => {
  const { page, close } = await open();
  try {
    await setText(page, ARTICLE);
    let n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    await page.click('#sample');
    n = await rendered(page, n);
    assert.notEqual(await page.locator('#source').inputValue(), ARTICLE);
    assert.match(await page.locator('#message').textContent(), /Ctrl\+Z/);
    await page.locator('#source').focus();
    await page.keyboard.press('Control+z');
    await rendered(page, n);
    assert.equal(await page.locator('#source').inputValue(), ARTICLE);
    assert.equal(await page.locator('#view').textContent(), ARTICLE);
  } finally {
    await close();
  }
});

test('clicking a sidebar item scrolls to a mention far down a long article, and next/previous walk its mentions', async () => {
  const { page, close, problems } = await open();
  try {
    const long = `${Array.from({ length: 40 }, () => ARTICLE).join('\n\n')}\n\nThe Quorvath accord ends here. Quorvath again.`;
    await setText(page, long);
    // Label both (made-up) words by hand, so the test does not depend on the recognizers.
    for (const which of ['first', 'last']) {
      const n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
      await page.locator('#source').evaluate((t, which) => {
        const at = which === 'first' ? t.value.indexOf('Quorvath') : t.value.lastIndexOf('Quorvath');
        t.focus();
        t.setSelectionRange(at, at + 8);
      }, which);
      await page.keyboard.press('Alt+m');
      await rendered(page, n);
    }
    const item = page.locator('.sidebar .item', { hasText: 'Quorvath' });
    await item.click();
    const inView = () => page.locator('#view .current').first().evaluate((m) => {
      const r = m.getBoundingClientRect(); const v = document.getElementById('view').getBoundingClientRect();
      return r.top >= v.top && r.bottom <= v.bottom;
    });
    assert.equal(await page.locator('#nav-pos').textContent(), '1 of 2');
    assert.ok(await inView(), 'first mention visible');
    await page.click('#nav-next');
    assert.equal(await page.locator('#nav-pos').textContent(), '2 of 2');
    assert.ok(await inView(), 'second mention visible');
    assert.equal(await page.locator('#view .current').first().textContent(), 'Quorvath');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a selection can be labelled with the mouse, keeping the selection when the button is pressed', async () => {
  const { page, close, problems } = await open();
  try {
    await setText(page, ARTICLE);
    await selectInView(page, 'storm');
    const n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    await page.click('.mark-as.s-MISC');
    await rendered(page, n);
    assert.equal(await page.locator('#view mark.hl.t-MISC', { hasText: /^storm$/ }).count(), 1);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('setting the document date re-annotates against it, and undo restores the date from the text', async () => {
  const { page, close, problems } = await open();
  try {
    await setText(page, 'The minister spoke on Monday about the budget.');
    let n = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    await page.locator('#date').fill('2024-06-05');
    n = await rendered(page, n);
    let doc = JSON.parse(await exportFile(page, 'factlens'));
    assert.equal(doc.document_date, '2024-06-05');
    assert.equal(doc.document_date_source, 'option');
    await page.locator('#view').focus();
    await page.keyboard.press('Control+z');
    n = await rendered(page, n);
    assert.equal(await page.locator('#date').inputValue(), '');
    doc = JSON.parse(await exportFile(page, 'factlens'));
    assert.notEqual(doc.document_date_source, 'option');
    await page.keyboard.press('Control+Shift+Z');
    await rendered(page, n);
    assert.equal(await page.locator('#date').inputValue(), '2024-06-05');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a 5 MB paste is annotated in the worker while the page keeps taking typed keys', async () => {
  const { page, close, problems } = await open();
  try {
    // Room left for what is typed: the page refuses text over MAX_CHARS.
    const text = longArticle(MAX_CHARS - 1000);
    assert.ok(text.length > 0.99 * MAX_CHARS, `${text.length} units`);
    const before = await page.evaluate(() => Number(document.getElementById('view').dataset.rendered));
    // Each input event the page handles, with how many renders had happened then.
    await page.evaluate(() => {
      window.__inputs = [];
      const source = document.getElementById('source');
      source.addEventListener('input', () => window.__inputs.push(Number(document.getElementById('view').dataset.rendered)));
    });
    await paste(page, text);
    await page.locator('#source').evaluate((t) => t.setSelectionRange(0, 0));
    const typed = 'Typed meanwhile. ';
    await page.keyboard.type(typed);
    const inputs = await page.evaluate(() => window.__inputs);
    assert.equal(inputs.length, 1 + typed.length, 'the paste and every key were handled');
    assert.ok(inputs.slice(1).some((n) => n === before), 'keys were handled before the pasted article was shown, that is while it was annotated');
    assert.ok((await page.locator('#source').inputValue()).startsWith(typed), 'the typed characters are in the text box');
    // Then the article with the typed text is annotated and shown.
    await page.waitForFunction((t) => document.getElementById('view').textContent.startsWith(t), typed, { timeout: 600_000, polling: 500 });
    assert.ok(await page.locator('#view mark.hl').count() > 1000);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
