// The page's pure modules, tested in node: offset maps, nesting of
// overlapping spans, corrections and their rebasing, CSV cells.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap } from '../../www/offsets.js';
import { nest } from '../../www/layout.js';
import { applyCorrections, rebase, invalidCorrection, figureText, machineAnnotations } from '../../www/annotations.js';
import { csvCell } from '../../www/exporters.js';

test('code points map to UTF-16 units across emoji, ZWJ sequences, CJK and combining marks', () => {
  const text = 'a👩‍🔬b東京e\u0301\r\nz';
  const m = new OffsetMap(text);
  assert.equal(m.length, Array.from(text).length);
  for (let cp = 0; cp <= m.length; cp++) {
    assert.equal(text.slice(0, m.unit(cp)), Array.from(text).slice(0, cp).join(''));
    assert.equal(m.pointFloor(m.unit(cp)), cp);
  }
  // Inside a surrogate pair: floor goes to its start, ceil to its end.
  assert.equal(m.pointFloor(2), 1);
  assert.equal(m.pointCeil(2), 2);
  assert.equal(m.slice(text, 5, 7), '東京');
});

test('a lone surrogate counts as one code point', () => {
  const m = new OffsetMap('x\ud800y');
  assert.equal(m.length, 3);
  assert.equal(m.unit(2), 2);
});

function flatten(node, text, out = []) {
  let pos = node.s;
  for (const c of node.children) {
    if (c.s > pos) out.push(text.slice(pos, c.s));
    flatten(c, text, out);
    pos = c.e;
  }
  if (pos < node.e) out.push(text.slice(pos, node.e));
  return out;
}

test('nesting keeps every character exactly once, even for crossing spans', () => {
  const text = 'abcdefghijklmnopqrst';
  const spans = [{ s: 0, e: 10, layer: 0 }, { s: 2, e: 4, layer: 1 }, { s: 8, e: 12, layer: 1 }, { s: 3, e: 9, layer: 1 }, { s: 15, e: 15, layer: 1 }];
  const root = nest(spans, text.length);
  assert.equal(flatten(root, text).join(''), text);
  const pieces = [];
  (function walk(n) { for (const c of n.children) { pieces.push([c.s, c.e, c.part]); walk(c); } })(root);
  assert.deepEqual(pieces.filter(([s]) => s >= 8), [[8, 9, 0], [9, 10, 1], [10, 12, 2]]);
});

test('corrections apply in order and stale ones are skipped', () => {
  const text = 'Ann met Bob in Oslo.';
  const m = new OffsetMap(text);
  const machine = [
    { kind: 'entity', type: 'PERSON', id: 'e1', start: 0, end: 3, text: 'Ann', entity: 'E1', origin: 'machine' },
    { kind: 'entity', type: 'PERSON', id: 'e2', start: 15, end: 19, text: 'Oslo', entity: 'E2', origin: 'machine' },
  ];
  const out = applyCorrections(machine, [
    { op: 'relabel', type: 'PERSON', to: 'LOC', start: 15, end: 19, text: 'Oslo' },
    { op: 'add', type: 'PERSON', start: 8, end: 11, text: 'Bob' },
    { op: 'delete', type: 'PERSON', start: 0, end: 3, text: 'Ann' },
    { op: 'add', type: 'ORG', start: 4, end: 7, text: 'xyz' }, // stale: the text there is "met"
  ], text, m);
  assert.deepEqual(out.map((a) => [a.type, a.text, a.origin]), [['PERSON', 'Bob', 'user'], ['LOC', 'Oslo', 'user']]);
});

test('rebasing keeps corrections before an edit, shifts those after it and drops those inside it', () => {
  const old = '😀 Ann met Bob in Oslo.';
  const now = '😀 Ann saw 東京 Bob in Oslo.';
  const cs = [
    { op: 'add', type: 'PERSON', start: 2, end: 5, text: 'Ann' },
    { op: 'add', type: 'PERSON', start: 10, end: 13, text: 'Bob' },
    { op: 'add', type: 'LOC', start: 17, end: 21, text: 'Oslo' },
    { op: 'add', type: 'MISC', start: 6, end: 9, text: 'met' },
  ];
  const out = rebase(cs, old, new OffsetMap(old), now, new OffsetMap(now));
  const m = new OffsetMap(now);
  assert.deepEqual(out.map((c) => c.text), ['Ann', 'Bob', 'Oslo']);
  for (const c of out) assert.equal(m.slice(now, c.start, c.end), c.text);
});

test('invalid corrections are named', () => {
  assert.equal(invalidCorrection({ op: 'add', type: 'PERSON', start: 0, end: 1, text: 'A' }), null);
  assert.match(invalidCorrection({ op: 'drop', type: 'PERSON', start: 0, end: 1, text: 'A' }), /op/);
  assert.match(invalidCorrection({ op: 'add', type: 'HERO', start: 0, end: 1, text: 'A' }), /type/);
  assert.match(invalidCorrection({ op: 'add', type: 'PERSON', start: 3, end: 1, text: 'A' }), /span/);
});

test('CSV cells defuse formulas and quote separators', () => {
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell('+49 30'), "'+49 30");
  assert.equal(csvCell('-5'), "'-5");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('a,"b"\nc'), '"a,""b""\nc"');
  assert.equal(csvCell('=HYPERLINK("x","y")'), `"'=HYPERLINK(""x"",""y"")"`);
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(42), '42');
});

test('paragraphs stay outermost and a claim crossing a paragraph break is split in two', () => {
  const text = 'One two.\n\nThree four.';
  const root = nest([{ s: 0, e: 10, layer: -1 }, { s: 10, e: text.length, layer: -1 }, { s: 4, e: 15, layer: 0 }], text.length);
  assert.deepEqual(root.children.map((p) => [p.s, p.e, p.layer]), [[0, 10, -1], [10, text.length, -1]]);
  assert.deepEqual(root.children.map((p) => p.children.map((c) => [c.s, c.e, c.part])), [[[4, 10, 0]], [[10, 15, 1]]]);
  assert.equal(flatten(root, text).join(''), text);
});

test('figure values read as people write them', () => {
  assert.equal(figureText({ amount: 95e9, unit: 'EUR', mod: null }), '€95 billion');
  assert.equal(figureText({ amount: [2, 3], unit: '%', mod: null }), '2–3%');
  assert.equal(figureText({ amount: 300, unit: null, mod: 'APPROX' }), 'about 300');
  assert.equal(figureText({ amount: 1000, unit: 'km', mod: null }), '1,000 km');
  assert.equal(figureText({ amount: 12e6, unit: 'BYN', mod: 'MORE_THAN' }), 'more than BYN 12 million');
  assert.equal(figureText({ amount: null, unit: 'USD', mod: null }), null);
});

test('a document written before figures existed gives no figure annotations', () => {
  const doc = { entities: [], dates: [], claims: [] };
  assert.deepEqual(machineAnnotations(doc), []);
  const f = { id: 'f1', start: 0, end: 5, text: '€95bn', label: 'MONEY', value: { amount: 95e9, unit: 'EUR', mod: null } };
  const [a] = machineAnnotations({ ...doc, figures: [f] });
  assert.equal(a.kind, 'figure');
  assert.equal(a.type, 'FIGURE');
  assert.equal(a.value, '€95 billion');
});
