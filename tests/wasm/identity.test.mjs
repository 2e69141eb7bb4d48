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

test('lone surrogates from JavaScript annotate without a panic', () => {
  const doc = wasm.annotate('\uD800 Minsk \uDC00 reported on 1 May 2024.', null);
  assert.equal(doc.schema, 'factlens/1');
  assert.ok(doc.entities.some((e) => e.text === 'Minsk'));
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
