// The composition root: wires the worker-backed core, the view, the
// annotation model, autosave and the export formats together.

import { View } from './view.js';
import { startCore } from './core.js';
import { OffsetMap } from './offsets.js';
import { machineAnnotations, applyCorrections, rebase, summarize, kindOf } from './annotations.js';
import { loadSession, saveSession } from './store.js';
import { factlensJson, webAnnotation, csv, checkImport } from './exporters.js';
import { refusal, readArticleFile } from './textio.js';
import { SAMPLE } from './sample.js';

const DEBOUNCE_MS = 250;

const view = new View();
const core = startCore();

const state = {
  text: '',
  map: new OffsetMap(''),
  date: '', // the user's document date; '' lets the core infer it
  doc: null, // the core's document for `docKey`
  docKey: null,
  corrections: [],
  anchorText: '', // the text the corrections' offsets refer to
  anchorMap: new OffsetMap(''),
  anns: [],
  past: [],
  future: [],
  storageWarned: false,
  docShown: false, // whether a document has been rendered yet
};

let timer = null;

function keyFor(text, date) {
  return `${date}\u0000${text}`;
}

function schedule() {
  clearTimeout(timer);
  view.setBusy(true);
  timer = setTimeout(annotateNow, DEBOUNCE_MS);
}

async function annotateNow() {
  clearTimeout(timer);
  const { text, date } = state;
  const key = keyFor(text, date);
  if (state.docKey === key) { view.setBusy(false); return; }
  view.setBusy(true);
  let r;
  try {
    r = await core.annotate(text, date);
  } catch (e) {
    view.setBusy(false);
    view.message(`Annotation failed: ${e.message}`, 'error');
    return;
  }
  if (!r || keyFor(state.text, state.date) !== key) return; // a newer request is on its way
  state.doc = r.doc;
  state.docKey = key;
  adoptText(text);
  view.setBusy(false);
  const t0 = performance.now();
  // Start-up milestones for benches/browser.mjs (first annotation only).
  if (!state.docShown) performance.mark('factlens:annotated');
  state.docShown = true;
  render();
  // Lone surrogates (a broken emoji in the paste) were read as U+FFFD.
  for (const w of r.doc.warnings ?? []) view.message(w.message);
  // Timings for scripts/measure-latency.mjs; not shown to users.
  view.article.dataset.annotateMs = r.ms.toFixed(1);
  view.article.dataset.renderMs = (performance.now() - t0).toFixed(1);
  save();
}

/** Moves the corrections onto `text` and makes it the current text. */
function adoptText(text) {
  const map = text === state.map.text ? state.map : new OffsetMap(text);
  if (state.anchorText !== text) {
    state.corrections = rebase(state.corrections, state.anchorText, state.anchorMap, text, map);
    state.anchorText = text;
    state.anchorMap = map;
  }
  state.map = map;
}

function render() {
  if (!state.doc) return;
  const { text, map } = state;
  state.anns = applyCorrections(machineAnnotations(state.doc), state.corrections, text, map);
  const sum = summarize(state.anns, state.doc);
  view.renderLegend(sum.counts);
  view.renderSidebar(sum);
  view.renderArticle(text, state.anns, map);
  view.setDateSource(state.doc);
  view.setHistory(state.past.length > 0, state.future.length > 0);
}

function save() {
  const err = saveSession({ text: state.text, date: state.date, corrections: state.corrections });
  if (err && !state.storageWarned) { view.message(err, 'error'); state.storageWarned = true; }
  if (!err) state.storageWarned = false;
}

// ---- corrections and history ----------------------------------------------

function snapshot() {
  return { corrections: state.corrections, date: state.date };
}

function restore(s) {
  const dateChanged = s.date !== state.date;
  state.corrections = s.corrections;
  state.date = s.date;
  view.setDate(s.date);
  if (dateChanged) annotateNow(); else { render(); save(); }
}

function change(fn) {
  state.past.push(snapshot());
  state.future = [];
  fn();
}

function correct(c, refocus) {
  if (state.text !== state.anchorText) { view.message('Wait a moment: the annotations are catching up with your typing.', 'info'); return; }
  const fromArticle = view.article.contains(document.activeElement) || view.inspector.contains(document.activeElement);
  change(() => { state.corrections = [...state.corrections, c]; });
  render();
  save();
  if (fromArticle && refocus !== undefined) view.focusNear(refocus);
}

view.bindLabelSelection((type, { start, end }) => {
  const text = state.map.slice(state.text, start, end);
  // A different type on exactly the same span is a relabel, not a second highlight.
  const same = state.anns.find((a) => a.start === start && a.end === end && kindOf(a.type) !== 'claim' && kindOf(type) !== 'claim');
  if (same && same.type === type) { view.message(`“${text}” is already marked as ${type}.`); return; }
  if (same) correct({ op: 'relabel', type: same.type, to: type, start, end, text }, start);
  else correct({ op: 'add', type, start, end, text }, start);
  view.message(`Marked “${text.length > 40 ? `${text.slice(0, 40)}…` : text}” as ${type}.`);
});

view.bindDelete((a) => {
  if (!a) return;
  correct({ op: 'delete', type: a.type, start: a.start, end: a.end, text: a.text }, a.start);
  view.message(`Removed the ${a.type} “${a.text.length > 40 ? `${a.text.slice(0, 40)}…` : a.text}”. Ctrl+Z undoes.`);
});

view.bindRelabel((a, to) => {
  if (!a || a.type === to) return;
  correct({ op: 'relabel', type: a.type, to, start: a.start, end: a.end, text: a.text }, a.start);
});

view.bindUndo(() => {
  if (!state.past.length) return;
  state.future.push(snapshot());
  restore(state.past.pop());
});

view.bindRedo(() => {
  if (!state.future.length) return;
  state.past.push(snapshot());
  restore(state.future.pop());
});

view.bindDate((value) => {
  if (value === state.date) return;
  change(() => { state.date = value; });
  annotateNow();
});

// ---- text in ----------------------------------------------------------------

function setText(text) {
  state.text = text;
  view.setSourceText(text);
  schedule();
}

view.bindPaste((next) => {
  const why = refusal(next);
  if (why) view.message(why, 'error');
  return why;
});

view.bindTextInput((text) => {
  const why = refusal(text);
  if (why) { view.message(why, 'error'); view.setSourceText(state.text); return; }
  state.text = text;
  schedule();
});

view.bindOpenFile(async (file) => {
  try {
    setText(await readArticleFile(file));
    view.message(`Opened ${file.name}.`);
  } catch (e) {
    view.message(e.message, 'error');
  }
});

view.bindSample(() => {
  const had = state.text.trim() && state.text !== SAMPLE;
  view.replaceSourceUndoably(SAMPLE);
  view.message(had ? 'Loaded the sample article. Ctrl+Z in the text box brings your text back.' : 'Loaded the sample article.');
});

// ---- export and import -------------------------------------------------------

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

view.bindExport(async (format) => {
  await annotateNow();
  if (!state.doc) { view.message('Nothing to export yet.', 'error'); return; }
  if (format === 'factlens') download('factlens.json', 'application/json', factlensJson(state.doc, state.text, state.corrections));
  else if (format === 'webanno') download('factlens.jsonld', 'application/ld+json', webAnnotation(state.anns, state.text, state.map, state.doc));
  else if (format === 'csv') download('factlens.csv', 'text/csv', csv(state.anns));
});

view.bindImport(async (file) => {
  const refuse = (why) => view.message(`Import refused: ${file.name}: ${why}. Nothing was changed.`, 'error');
  let json; let raw;
  try {
    json = await file.text();
    raw = JSON.parse(json);
  } catch {
    return refuse('it is not a JSON file');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return refuse('it is not a factlens/1 document');
  try {
    const doc = await core.readDocument(json);
    const { text, corrections } = checkImport(raw, OffsetMap);
    clearTimeout(timer);
    state.text = text;
    state.date = doc.document_date_source === 'option' ? doc.document_date ?? '' : '';
    state.doc = doc;
    state.docKey = keyFor(text, state.date);
    state.corrections = corrections;
    state.map = new OffsetMap(text);
    state.anchorText = text;
    state.anchorMap = state.map;
    state.past = [];
    state.future = [];
    view.setSourceText(text);
    view.setDate(state.date);
    view.setBusy(false);
    render();
    save();
    view.message(`Imported ${file.name}.`);
  } catch (e) {
    refuse(e.message);
  }
});

// ---- start --------------------------------------------------------------------

const { session, error } = loadSession();
if (error) view.message(error, 'error');
if (session) {
  state.date = session.date;
  state.corrections = session.corrections;
  state.anchorText = session.text;
  state.anchorMap = new OffsetMap(session.text);
  view.setDate(session.date);
  state.text = session.text;
  view.setSourceText(session.text);
} else {
  state.text = SAMPLE;
  view.setSourceText(SAMPLE);
}
view.setBusy(true);
performance.mark('factlens:app-ready');
core.ready.then(annotateNow, (e) => view.message(e.message, 'error'));
