// WebAssembly and native give identical documents: same offsets, values
// and ids. Run by scripts/test.sh after the wasm build; FACTLENS_BIN names
// the native binary and FACTLENS_WASM_NODE the wasm-bindgen nodejs output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.FACTLENS_BIN || path.join(root, 'target/debug/factlens');
const wasmDir = process.env.FACTLENS_WASM_NODE || path.join(root, 'target/wasm-node');
const wasm = createRequire(import.meta.url)(path.join(wasmDir, 'factlens.js'));
const fixtures = path.join(root, 'tests/data/identity.jsonl');

const native = execFileSync(bin, ['annotate', '--jsonl', fixtures], { encoding: 'utf8' })
  .trim().split('\n').map((l) => JSON.parse(l));
const records = readFileSync(fixtures, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

for (const [i, rec] of records.entries()) {
  test(`wasm equals native on ${rec.id}`, () => {
    const doc = wasm.annotate(rec.text, { document_date: rec.dct ?? null });
    const { id, ...nat } = native[i];
    assert.equal(id, rec.id);
    assert.deepStrictEqual(doc, nat);
    // The text the worker sends to the page is the same document.
    assert.deepStrictEqual(JSON.parse(wasm.annotateJson(rec.text, { document_date: rec.dct ?? null })), nat);
    // The offsets are code points: slicing by code points gives the text.
    const cps = Array.from(rec.text);
    for (const e of doc.entities) assert.equal(cps.slice(e.start, e.end).join(''), e.text);
  });
}

test('lone surrogates are read as U+FFFD, reported, and every offset stays exact', () => {
  // A high half with no pair, an emoji, a low half with no pair.
  const text = '\uD800 Minsk \u{1F600} \uDC00 Maria Zakharova said on 1 May 2024 that Kyiv \uD83D denied it.';
  for (const doc of [wasm.annotate(text, null), JSON.parse(wasm.annotateJson(text, null))]) {
    assert.equal(doc.schema, 'factlens/1');
    assert.deepStrictEqual(doc.warnings.map((w) => [w.code, w.count, w.first]), [['lone_surrogates', 3, 0]]);
    assert.match(doc.warnings[0].message, /3 lone surrogates.*U\+FFFD/);
    // Code-point offsets into the caller's own string, lone halves and all.
    const cps = Array.from(text);
    assert.equal(doc.text_length, cps.length);
    assert.ok(doc.entities.some((e) => e.text === 'Minsk') && doc.entities.some((e) => e.text === 'Kyiv'), JSON.stringify(doc.entities));
    for (const e of doc.entities) assert.equal(cps.slice(e.start, e.end).join(''), e.text);
    for (const d of doc.dates) assert.equal(cps.slice(d.start, d.end).join(''), d.text);
    for (const c of doc.claims) assert.equal(cps.slice(c.start, c.end).join('').replace(/[\uD800-\uDFFF]/gu, '\uFFFD'), c.text);
    // The document is the one native gives for the text with U+FFFD.
    const { warnings, ...rest } = doc;
    assert.ok(warnings);
    assert.deepStrictEqual(rest, wasm.annotate(text.toWellFormed(), null));
  }
  assert.equal(wasm.annotate('Kyiv \u{1F600} denied it.', null).warnings, undefined, 'no warnings on a well-formed text');
});

test('arguments of the wrong type throw a TypeError that says what was expected', () => {
  for (const f of ['annotate', 'annotateJson']) {
    for (const [bad, got] of [[42, 'number'], [{}, 'object'], [null, 'null'], [undefined, 'undefined'], [['Kyiv'], 'an array'], [new Uint8Array(4), 'object']]) {
      assert.throws(() => wasm[f](bad, null), (e) => e instanceof TypeError && e.message === `${f}: text must be a string, got ${got}`, `${f}(${got})`);
    }
    assert.throws(() => wasm[f]('Kyiv', 5), (e) => e instanceof TypeError && /options must be undefined, null or \{document_date\}, got number/.test(e.message));
    assert.throws(() => wasm[f]('Kyiv', 'x'), TypeError);
    assert.throws(() => wasm[f]('Kyiv', { document_date: 20241001 }), (e) => e instanceof TypeError && /options.document_date must be a string YYYY-MM-DD or null, got number/.test(e.message));
    // The module still works after each refusal.
    const after = wasm[f]('Kyiv denied it.', { document_date: null });
    assert.equal((typeof after === 'string' ? JSON.parse(after) : after).schema, 'factlens/1');
  }
  for (const bad of [42, {}, null, undefined]) {
    assert.throws(() => wasm.readDocument(bad), (e) => e instanceof TypeError && /readDocument: json must be a string of JSON/.test(e.message));
  }
  assert.equal(wasm.annotate('Kyiv denied it.', {}).schema, 'factlens/1');
});

test('a bad document date is an exception with a message', () => {
  assert.throws(() => wasm.annotate('text', { document_date: '2024-13-01' }), /invalid document date/);
  assert.throws(() => wasm.annotateJson('text', { document_date: '2024-13-01' }), /invalid document date/);
});

test('readDocument refuses an unknown schema version', () => {
  const doc = wasm.annotate('Kyiv denied it.', undefined);
  assert.deepStrictEqual(wasm.readDocument(JSON.stringify(doc)), doc);
  assert.throws(() => wasm.readDocument(JSON.stringify({ ...doc, schema: 'factlens/2' })), /unknown schema "factlens\/2"/);
  assert.throws(() => wasm.readDocument('{"schema": "factlens/1", "text_length": 3'), /malformed document/);
  const claim = wasm.annotate('Kyiv denied it, the ministry said.', undefined);
  assert.ok(claim.claims.length > 0);
  claim.claims[0].checkworthy = 7;
  assert.throws(() => wasm.readDocument(JSON.stringify(claim)), /invalid document, 1 problem: claim c1: checkworthy 7 is outside \[0, 1\]/);
});

test('a long non-ASCII article equals native: its JSON crosses to JavaScript in chunks', () => {
  // Well over the 64 KB chunk, with multi-byte characters on every line so
  // that chunk cuts fall next to them.
  const para = (i) => `Zoë Müller-Łukasiewicz 😀 said on March ${1 + (i % 28)}, 2024 that «Kraków» and 北京 would `
    + `meet ${i} officials in Zürich. "Prices will rise ${i}%," she warned.\n\n`;
  const text = Array.from({ length: 400 }, (_, i) => para(i)).join('');
  const dir = mkdtempSync(path.join(tmpdir(), 'factlens-wasm-'));
  try {
    const file = path.join(dir, 'long.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'long', text, dct: '2024-10-01' })}\n`);
    const { id, ...nat } = JSON.parse(execFileSync(bin, ['annotate', '--jsonl', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    assert.equal(id, 'long');
    assert.ok(JSON.stringify(nat).length > 4 * 65536, 'the document is several chunks long');
    assert.deepStrictEqual(wasm.annotate(text, { document_date: '2024-10-01' }), nat);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
