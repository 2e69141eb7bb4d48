// The sidebar's summary is computed twice: by the core (factlens/1's
// `summary`, for the CLI and every export) and by the page
// (www/annotations.js `summarize`, over the user's corrections). On the
// machine's annotations alone the two must say the same thing: this test
// pins the page's rules to the core's so that they cannot drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { machineAnnotations, summarize, applyCorrections } from '../../www/annotations.js';
import { OffsetMap } from '../../www/offsets.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = process.env.FACTLENS_WASM_NODE || path.join(root, 'target/wasm-node');
const wasm = createRequire(import.meta.url)(path.join(wasmDir, 'factlens.js'));

const fixtures = readFileSync(path.join(root, 'tests/data/identity.jsonl'), 'utf8')
  .trim().split('\n').map((l) => JSON.parse(l));

// A longer article of our own with repeated speakers, unnamed sources,
// unattributed statements and dates that repeat, so that every grouping
// rule has something to group.
const names = ['Anna Kovalenko', 'the Ministry of Defence', 'Pavel Novak', 'NATO', 'the border guard spokesperson'];
const long = Array.from({ length: 40 }, (_, i) => {
  const who = names[i % names.length];
  const when = ['on March 3, 2024', 'in 2023', 'last week', 'on Monday', 'in October 2024'][i % 5];
  return `${who} said ${when} that Riga and Vilnius would sign the treaty. `
    + `Kovalenko told reporters the deal was worth 40 million euros. Prices rose 5% in 2022.`;
}).join('\n\n');

const cases = [...fixtures.map((r) => ({ id: r.id, text: r.text, dct: r.dct ?? null })),
  { id: 'long', text: long, dct: '2024-10-15' }];

function pageSummary(doc, text) {
  const map = new OffsetMap(text);
  return summarize(applyCorrections(machineAnnotations(doc), [], text, map), doc);
}

for (const c of cases) {
  test(`page and core summaries agree on ${c.id}`, () => {
    const doc = wasm.annotate(c.text, { document_date: c.dct });
    const page = pageSummary(doc, c.text);
    const core = doc.summary;

    // Entities: the same groups, names, labels and counts, in the same order per label.
    const pageGroups = Object.values(page.entities).flat();
    assert.equal(pageGroups.length, core.entities.length, 'as many actors');
    for (const label of Object.keys(page.entities)) {
      const want = core.entities.filter((e) => e.label === label)
        .map((e) => ({ entity: e.entity, name: e.name, label: e.label, mentions: e.mentions }));
      const got = page.entities[label].map((g) => ({ entity: g.mentions[0].entity, name: g.name, label: g.label, mentions: g.mentions.length }));
      assert.deepStrictEqual(got, want, `actors labelled ${label}`);
    }

    // Timeline: the same values, granularities and dates, in the same order.
    assert.deepStrictEqual(
      page.timeline.map((t) => ({ value: t.value, granularity: t.granularity, dates: t.mentions.map((m) => m.id) })),
      core.timeline.map((t) => ({ value: t.value, granularity: t.granularity, dates: t.dates })),
    );

    // Sources: the same speakers, names and claims; the page adds one group
    // for unattributed statements, last.
    const attributed = page.sources.filter((s) => s.claims.some((a) => a.source));
    assert.deepStrictEqual(
      attributed.map((s) => ({ name: s.name, claims: s.claims.map((a) => a.id) })),
      core.sources.map((s) => ({ name: s.name, claims: s.claims })),
    );
    const unattributed = page.sources.filter((s) => !s.claims.some((a) => a.source));
    assert.ok(unattributed.length <= 1);
    assert.equal(unattributed.reduce((n, s) => n + s.claims.length, 0), doc.claims.filter((x) => !x.source).length);
  });
}

test('the long case exercises every grouping rule', () => {
  const doc = wasm.annotate(long, { document_date: '2024-10-15' });
  assert.ok(doc.summary.entities.some((e) => e.mentions > 1), 'an actor named more than once');
  assert.ok(doc.summary.timeline.some((t) => t.dates.length > 1), 'a date that repeats');
  assert.ok(doc.summary.sources.some((s) => s.source_entity && s.claims.length > 1), 'a named speaker with several claims');
});
