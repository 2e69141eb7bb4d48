// The one module that touches the DOM. It renders what app.js gives it and
// reports the user's intents through bindX(handler). User text only ever
// enters the DOM as Text nodes (createTextNode / textContent).

import { TYPES, TYPE_INFO, ENTITY_LABELS, keyOf } from './annotations.js';
import { nest } from './layout.js';

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export class View {
  constructor() {
    this.source = $('source');
    this.article = $('view');
    this.legend = $('legend');
    this.tooltip = $('tooltip');
    this.inspector = $('inspector');
    this.messageBox = $('message');
    this.hidden = new Set();
    this.anns = [];
    this.elsByKey = new Map();
    this.focused = null;
    this.nav = { list: [], i: 0 };
    this.handlers = {};
    this.bindInternal();
  }

  // ---- intents -------------------------------------------------------------

  bindTextInput(h) { this.source.addEventListener('input', () => h(this.source.value)); }

  /** `h(text)` returns a message to refuse the paste, or null to let it in. */
  bindPaste(h) {
    this.source.addEventListener('paste', (e) => {
      const pasted = e.clipboardData?.getData('text/plain') ?? '';
      const v = this.source.value;
      const next = v.slice(0, this.source.selectionStart) + pasted + v.slice(this.source.selectionEnd);
      const why = h(next);
      if (why) { e.preventDefault(); return; }
      if (pasted.length > 20_000) {
        // Chromium's editing path takes seconds for a long article (3 s for
        // 200 KB); setting the range directly takes milliseconds. The cost:
        // the text box's own undo does not cover this paste.
        e.preventDefault();
        this.source.setRangeText(pasted, this.source.selectionStart, this.source.selectionEnd, 'end');
        this.source.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
  }

  bindOpenFile(h) {
    const input = $('open-input');
    $('open').addEventListener('click', () => input.click());
    input.addEventListener('change', () => { if (input.files[0]) h(input.files[0]); input.value = ''; });
    // A file dropped anywhere opens like "Open file…" instead of replacing the page.
    document.addEventListener('dragover', (e) => { if (e.dataTransfer?.types.includes('Files')) e.preventDefault(); });
    document.addEventListener('drop', (e) => {
      const f = e.dataTransfer?.files?.[0];
      if (f) { e.preventDefault(); h(f); }
    });
  }

  /** Replaces the text box's content so that its own Ctrl+Z brings the old text back. */
  replaceSourceUndoably(text) {
    const t = this.source;
    t.focus();
    t.select();
    if (!document.execCommand('insertText', false, text) || t.value !== text) {
      t.value = text;
      t.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  bindImport(h) {
    const input = $('import-input');
    $('import').addEventListener('click', () => input.click());
    input.addEventListener('change', () => { if (input.files[0]) h(input.files[0]); input.value = ''; });
  }

  bindSample(h) { $('sample').addEventListener('click', h); }
  bindDate(h) { $('date').addEventListener('change', (e) => h(e.target.value)); }
  bindUndo(h) { $('undo').addEventListener('click', h); this.handlers.undo = h; }
  bindRedo(h) { $('redo').addEventListener('click', h); this.handlers.redo = h; }
  bindExport(h) { for (const b of document.querySelectorAll('[data-export]')) b.addEventListener('click', () => h(b.dataset.export)); }
  /** `h(type, {start, end})`, code points, for the current selection. */
  bindLabelSelection(h) { this.handlers.label = h; }
  bindDelete(h) { this.handlers.delete = h; }
  bindRelabel(h) { this.handlers.relabel = h; }

  bindInternal() {
    document.addEventListener('keydown', (e) => this.onKey(e));
    this.article.addEventListener('focusin', (e) => { const m = e.target.closest?.('.hl'); if (m) this.focusMark(m); });
    this.article.addEventListener('focusout', (e) => { e.target.removeAttribute?.('aria-describedby'); this.hideTooltip(); });
    this.article.addEventListener('mouseover', (e) => { const m = e.target.closest?.('.hl'); if (m) this.showTooltip(m); });
    this.article.addEventListener('mouseout', (e) => { if (!e.relatedTarget?.closest?.('.hl')) this.hideTooltip(); });
    this.article.addEventListener('click', (e) => {
      const m = e.target.closest?.('.hl');
      if (m && window.getSelection().isCollapsed) m.focus();
    });
    this.article.addEventListener('keydown', (e) => this.onMarkKey(e));
    // Buttons that label the selection: pressing one must not take the
    // focus (and with it the selection) away from the text.
    for (const t of TYPES) {
      const key = `Alt+${TYPE_INFO[t].key.slice(3)}`;
      const b = el('button', { type: 'button', class: `mark-as s-${t}`, 'aria-keyshortcuts': key, 'aria-label': `${TYPE_INFO[t].name} (${key})`,
        title: `${TYPE_INFO[t].name} (${key})` }, el('span', { class: 'swatch', 'data-tag': TYPE_INFO[t].tag, 'aria-hidden': 'true' }));
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', () => this.labelSelection(t));
      $('label-buttons').append(b);
    }
    $('nav-prev').addEventListener('click', () => this.step(-1));
    $('nav-next').addEventListener('click', () => this.step(1));
  }

  onKey(e) {
    const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && e.code === 'KeyZ' && !inField) {
      e.preventDefault();
      (e.shiftKey ? this.handlers.redo : this.handlers.undo)?.();
      return;
    }
    if (mod && !e.altKey && e.code === 'KeyY' && !inField) { e.preventDefault(); this.handlers.redo?.(); return; }
    if (e.altKey && !mod && !e.shiftKey) {
      const type = TYPES.find((t) => TYPE_INFO[t].key === e.code);
      if (!type) return;
      e.preventDefault();
      this.labelSelection(type);
    }
  }

  labelSelection(type) {
    const sel = this.selection();
    if (sel) this.handlers.label?.(type, sel);
    else if (document.activeElement?.closest?.('#view .hl')) this.handlers.relabel?.(this.annOf(document.activeElement.closest('.hl')), type);
    else if (document.activeElement === this.source && this.source.value !== this.text) this.message('Wait a moment: the annotations are catching up with your typing.');
    else this.message('Select some text in the article first, then choose its type.', 'error');
  }

  onMarkKey(e) {
    const m = e.target.closest?.('.hl');
    if (!m || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { e.preventDefault(); this.moveFocus(m, 1); }
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { e.preventDefault(); this.moveFocus(m, -1); }
    else if (e.key === 'Home' || e.key === 'End') { e.preventDefault(); this.focusIndex(e.key === 'Home' ? 0 : this.markEls.length - 1); }
    else if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); this.handlers.delete?.(this.annOf(m)); }
  }

  /** The selected span in code points, from the text box or the article; null if none. */
  selection() {
    let text; let u0; let u1; let map;
    if (document.activeElement === this.source && this.source.selectionStart !== this.source.selectionEnd) {
      text = this.source.value; u0 = this.source.selectionStart; u1 = this.source.selectionEnd;
      if (text !== this.text) return null; // annotations not yet caught up with the text box
    } else {
      const s = window.getSelection();
      if (!s || s.isCollapsed || s.rangeCount === 0) return null;
      const r = s.getRangeAt(0);
      if (!this.article.contains(r.startContainer) || !this.article.contains(r.endContainer)) return null;
      const pre = document.createRange();
      pre.setStart(this.article, 0);
      pre.setEnd(r.startContainer, r.startOffset);
      u0 = pre.toString().length;
      u1 = u0 + r.toString().length;
      text = this.text;
    }
    map = this.map;
    while (u0 < u1 && /\s/.test(text[u0])) u0++;
    while (u1 > u0 && /\s/.test(text[u1 - 1])) u1--;
    if (u0 >= u1) return null;
    return { start: map.pointFloor(u0), end: map.pointCeil(u1) };
  }

  // ---- rendering -------------------------------------------------------------

  setSourceText(text) { if (this.source.value !== text) this.source.value = text; }
  setDate(value) { $('date').value = value || ''; }
  /** Says which date relative dates were resolved against when the user gave none. */
  setDateSource(doc) {
    $('date-hint').textContent = doc.document_date_source === 'option' ? 'relative dates resolved against it'
      : doc.document_date ? `empty: taken from the text (${doc.document_date})` : 'empty: none found in the text';
  }
  setHistory(canUndo, canRedo) { $('undo').disabled = !canUndo; $('redo').disabled = !canRedo; }
  setBusy(busy) {
    // Called on every keystroke: touch the DOM only when the state flips.
    if (this.busy === busy) return;
    this.busy = busy;
    this.article.setAttribute('aria-busy', busy ? 'true' : 'false');
    this.legend.classList.toggle('busy', busy);
  }

  message(text, kind = 'info') {
    const box = this.messageBox;
    clearTimeout(this.messageTimer);
    if (!text) { box.hidden = true; return; }
    box.textContent = text;
    box.className = `message ${kind}`;
    box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    box.hidden = false;
    if (kind === 'info') this.messageTimer = setTimeout(() => { box.hidden = true; }, 6000);
  }

  /** Renders the article with its highlights. `map` converts code points to UTF-16. */
  renderArticle(text, anns, map) {
    this.text = text;
    this.map = map;
    this.anns = anns;
    const spans = [];
    anns.forEach((a, i) => {
      spans.push({ s: map.unit(a.start), e: map.unit(a.end), layer: a.kind === 'claim' ? 0 : 1, i });
      if (a.kind === 'claim' && a.cue) spans.push({ s: map.unit(a.cue.start), e: map.unit(a.cue.end), layer: 2, cue: true });
    });
    // Paragraphs are the outermost layer: separate blocks that the browser
    // can skip laying out and painting while they are off screen.
    let from = 0;
    for (const m of text.matchAll(/\n[ \t]*\n\s*/g)) {
      const to = m.index + m[0].length;
      if (to < text.length) { spans.push({ s: from, e: to, layer: -1, para: true }); from = to; }
    }
    spans.push({ s: from, e: text.length, layer: -1, para: true });
    const root = nest(spans, text.length);
    const frag = document.createDocumentFragment();
    this.elsByKey = new Map();
    this.markEls = [];
    const build = (parent, node) => {
      let pos = node.s;
      for (const ch of node.children) {
        if (ch.s > pos) parent.append(document.createTextNode(text.slice(pos, ch.s)));
        const e = this.markFor(ch);
        build(e, ch);
        parent.append(e);
        pos = ch.e;
      }
      if (pos < node.e) parent.append(document.createTextNode(text.slice(pos, node.e)));
    };
    build(frag, root);
    this.article.replaceChildren(frag);
    this.rendered = (this.rendered ?? 0) + 1;
    this.article.dataset.rendered = String(this.rendered);
    if (this.markEls.length) this.markEls[0].tabIndex = 0;
    this.focused = null;
    this.hideTooltip();
    this.nav = { list: [], i: 0 };
    $('navigator').hidden = true;
  }

  markFor(node) {
    if (node.para) return el('div', { class: 'para' });
    if (node.cue) return el('span', { class: 'cue' });
    const a = this.anns[node.i];
    const info = TYPE_INFO[a.type];
    const e = a.kind === 'claim'
      ? el('span', { class: `hl claim${a.origin === 'user' ? ' user' : ''}`, 'data-i': node.i, tabindex: -1 })
      : el('mark', { class: `hl t-${a.type}${a.origin === 'user' ? ' user' : ''}`, 'data-i': node.i, tabindex: -1 });
    if (node.part === 0) {
      e.dataset.tag = info.tag;
      this.markEls.push(e);
    } else {
      e.classList.add('cont');
    }
    const k = keyOf(a);
    if (!this.elsByKey.has(k)) this.elsByKey.set(k, []);
    this.elsByKey.get(k).push(e);
    return e;
  }

  /** After a correction: focus the first highlight at or after `cp`. */
  focusNear(cp) {
    const i = this.markEls.findIndex((m) => this.annOf(m).start >= cp);
    this.focusIndex(i >= 0 ? i : this.markEls.length - 1);
  }

  annOf(m) { return this.anns[Number(m.dataset.i)]; }

  moveFocus(m, d) {
    const first = this.elsByKey.get(keyOf(this.annOf(m)))?.[0] ?? m;
    const i = this.markEls.indexOf(first);
    this.focusIndex(Math.max(0, Math.min(this.markEls.length - 1, i + d)));
  }

  focusIndex(i) {
    const m = this.markEls[i];
    if (m) { m.focus(); m.scrollIntoView({ block: 'nearest' }); }
  }

  focusMark(m) {
    const first = this.elsByKey.get(keyOf(this.annOf(m)))?.[0] ?? m;
    for (const x of this.article.querySelectorAll('[tabindex="0"]')) x.tabIndex = -1;
    first.tabIndex = 0;
    this.focused = first;
    this.showTooltip(m);
    m.setAttribute('aria-describedby', 'tooltip');
    this.renderInspector(this.annOf(m));
  }

  describe(a) {
    const lines = [`${TYPE_INFO[a.type].name} (${a.type})${a.origin === 'user' ? ' · your correction' : ''}`, `“${a.text}”`];
    if (a.kind === 'entity' && a.entity) {
      const g = this.groupOf?.(a);
      lines.push(g ? `Entity ${a.entity}: ${g.name}, ${plural(g.mentions.length, 'mention')}` : `Entity ${a.entity}`);
    }
    if (a.kind === 'date') {
      lines.push(`Value: ${a.value ?? 'not normalized'}${a.granularity ? ` · granularity ${a.granularity}` : ''}${a.timexType ? ` · ${a.timexType}` : ''}`);
    }
    if (a.kind === 'figure') {
      lines.push(`Value: ${a.value ?? 'no definite number'}${a.figureLabel ? ` · ${a.figureLabel}` : ''}`);
    }
    if (a.kind === 'claim') {
      lines.push(`${a.claimKind === 'attributed' ? 'Attributed' : 'Factual'} claim · stance: ${a.stance}`);
      lines.push(`Source: ${a.source?.text ?? '—'} · cue: ${a.cue?.text ?? '—'}`);
      if (typeof a.checkworthy === 'number') lines.push(`Check-worthiness: ${a.checkworthy.toFixed(2)}`);
    }
    return lines;
  }

  showTooltip(m) {
    const a = this.annOf(m);
    if (!a) return;
    const t = this.tooltip;
    t.replaceChildren(...this.describe(a).map((line) => el('div', { text: line })));
    t.hidden = false;
    const r = m.getBoundingClientRect();
    const w = t.offsetWidth;
    t.style.left = `${Math.max(4, Math.min(window.innerWidth - w - 4, r.left))}px`;
    const below = r.bottom + 6 + t.offsetHeight < window.innerHeight;
    t.style.top = `${below ? r.bottom + 6 : Math.max(4, r.top - t.offsetHeight - 6)}px`;
  }

  hideTooltip() { this.tooltip.hidden = true; }

  renderInspector(a) {
    const box = this.inspector;
    if (!a) { box.replaceChildren(el('p', { class: 'hint', text: 'Focus or click a highlight to see its details.' })); return; }
    const relabel = el('select', { id: 'relabel', 'aria-label': 'Change type' });
    for (const t of TYPES) relabel.append(el('option', { value: t, text: `${TYPE_INFO[t].name} (${t})`, selected: t === a.type }));
    relabel.addEventListener('change', () => this.handlers.relabel?.(a, relabel.value));
    const del = el('button', { type: 'button', id: 'delete', text: 'Delete', 'aria-keyshortcuts': 'Delete' });
    del.addEventListener('click', () => this.handlers.delete?.(a));
    box.replaceChildren(
      ...this.describe(a).map((line) => el('p', { text: line })),
      el('div', { class: 'actions' }, el('label', {}, 'Type ', relabel), del),
    );
  }

  renderLegend(counts) {
    const buttons = TYPES.map((t) => {
      const b = el('button', { type: 'button', class: `legend-item t-${t}`, 'aria-pressed': !this.hidden.has(t), 'data-type': t },
        el('span', { class: 'swatch', 'data-tag': TYPE_INFO[t].tag, 'aria-hidden': 'true' }),
        el('span', { text: TYPE_INFO[t].name }),
        el('span', { class: 'count', text: String(counts[t] ?? 0) }));
      b.setAttribute('aria-label', `${TYPE_INFO[t].name}: ${counts[t] ?? 0}, ${this.hidden.has(t) ? 'hidden' : 'shown'}`);
      b.addEventListener('click', () => {
        if (this.hidden.has(t)) this.hidden.delete(t); else this.hidden.add(t);
        this.article.classList.toggle(`hide-${t}`, this.hidden.has(t));
        this.renderLegend(counts);
        this.legend.querySelector(`[data-type="${t}"]`)?.focus();
      });
      return b;
    });
    this.legend.replaceChildren(...buttons, el('span', { class: 'busy-note', 'aria-hidden': 'true', text: 'annotating…' }));
  }

  /** The sidebar; items scroll to and flash their mentions. */
  renderSidebar(sum) {
    this.groupOf = (a) => {
      for (const g of sum.entities[a.type] ?? []) if (g.mentions.includes(a)) return g;
      return null;
    };
    const item = (label, count, anns, extra) => {
      const b = el('button', { type: 'button', class: 'item' }, el('span', { class: 'name', text: label }),
        extra ? el('span', { class: 'extra', text: extra }) : null, el('span', { class: 'count', text: String(count) }));
      b.addEventListener('click', () => this.showMentions(label, anns));
      return el('li', {}, b);
    };
    const groups = [];
    for (const label of ENTITY_LABELS) {
      const list = sum.entities[label];
      if (!list.length) continue;
      groups.push(el('h3', { class: `group t-${label}`, text: `${TYPE_INFO[label].name} (${list.length})` }),
        el('ul', { class: 'items' }, ...list.map((g) => item(g.name, g.mentions.length, g.mentions))));
    }
    $('entities').replaceChildren(...(groups.length ? groups : [el('p', { class: 'hint', text: 'No entities found.' })]));
    const tl = sum.timeline.map((d) => item(d.value, d.mentions.length, d.mentions, d.mentions[0].text !== d.value ? d.mentions[0].text : null));
    $('timeline').replaceChildren(...(tl.length ? tl : [el('li', { class: 'hint', text: 'No dates found.' })]));
    const figs = sum.figures.map((f) => item(f.value ?? f.text, '', [f], f.value && f.value !== f.text ? f.text : null));
    $('figures').replaceChildren(...(figs.length ? figs : [el('li', { class: 'hint', text: 'No figures found.' })]));
    const src = sum.sources.map((s) => {
      const li = el('li', {}, el('h3', { class: 'source', text: `${s.name} (${s.claims.length})` }));
      const ul = el('ul', { class: 'items quotes' });
      for (const c of s.claims) ul.append(item(c.content?.text ?? c.text, '', [c], c.cue ? c.cue.text : null));
      li.append(ul);
      return li;
    });
    $('sources').replaceChildren(src.length ? el('ul', { class: 'items' }, ...src) : el('p', { class: 'hint', text: 'No claims found.' }));
    const st = sum.statistics ?? {};
    const rows = [['Characters', st.characters], ['Words', st.words], ['Sentences', st.sentences], ['Paragraphs', st.paragraphs],
      ['Entity mentions', ENTITY_LABELS.reduce((n, t) => n + sum.counts[t], 0)], ['Dates', sum.counts.DATE], ['Figures', sum.counts.FIGURE], ['Claims', sum.counts.CLAIM]];
    $('stats').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v ?? 0) })]));
  }

  showMentions(label, anns) {
    const list = anns.filter((a) => this.elsByKey.has(keyOf(a)));
    if (!list.length) return;
    this.nav = { list, i: 0, label };
    $('navigator').hidden = false;
    $('nav-label').textContent = label;
    for (const a of list) this.flash(a);
    this.goTo(0);
  }

  step(d) {
    const n = this.nav.list.length;
    if (!n) return;
    this.goTo((this.nav.i + d + n) % n);
    this.flash(this.nav.list[this.nav.i]);
  }

  goTo(i) {
    this.nav.i = i;
    $('nav-pos').textContent = `${i + 1} of ${this.nav.list.length}`;
    const first = this.elsByKey.get(keyOf(this.nav.list[i]))[0];
    first.scrollIntoView({ block: 'center', behavior: 'auto' });
    for (const x of this.article.querySelectorAll('.current')) x.classList.remove('current');
    for (const x of this.elsByKey.get(keyOf(this.nav.list[i]))) x.classList.add('current');
    this.renderInspector(this.nav.list[i]);
  }

  flash(a) {
    for (const x of this.elsByKey.get(keyOf(a)) ?? []) {
      x.classList.remove('flash');
      void x.offsetWidth; // restart the animation
      x.classList.add('flash');
    }
  }
}
