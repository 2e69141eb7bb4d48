// The page's annotation model: the machine's factlens/1 document plus the
// user's corrections, applied on top. Corrections are anchored by code-point
// span and quoted text, so they survive re-annotation of unchanged text.

export const ENTITY_LABELS = ['PERSON', 'ORG', 'LOC', 'NORP', 'MISC'];
/** Every annotation type, in legend order. */
export const TYPES = [...ENTITY_LABELS, 'DATE', 'FIGURE', 'CLAIM'];

export const TYPE_INFO = {
  PERSON: { name: 'Person', tag: 'PER', key: 'KeyP' },
  ORG: { name: 'Organization', tag: 'ORG', key: 'KeyO' },
  LOC: { name: 'Place', tag: 'LOC', key: 'KeyL' },
  NORP: { name: 'Group / nationality', tag: 'GRP', key: 'KeyN' },
  MISC: { name: 'Other name', tag: 'MISC', key: 'KeyM' },
  DATE: { name: 'Date', tag: 'DATE', key: 'KeyD' },
  FIGURE: { name: 'Figure', tag: 'NUM', key: 'KeyU' },
  CLAIM: { name: 'Claim', tag: 'CLAIM', key: 'KeyC' },
};

export function kindOf(type) {
  return type === 'DATE' ? 'date' : type === 'FIGURE' ? 'figure' : type === 'CLAIM' ? 'claim' : 'entity';
}

export function keyOf(a) {
  return `${a.type}:${a.start}:${a.end}`;
}

/** Flattens a factlens/1 document into one list of annotations. */
export function machineAnnotations(doc) {
  const out = [];
  for (const e of doc.entities) {
    out.push({ kind: 'entity', type: e.label, id: e.id, start: e.start, end: e.end, text: e.text, entity: e.entity, origin: 'machine' });
  }
  for (const d of doc.dates) {
    out.push({ kind: 'date', type: 'DATE', id: d.id, start: d.start, end: d.end, text: d.text, timexType: d.type,
      value: d.value, granularity: d.granularity, origin: 'machine' });
  }
  // Documents written before figures existed have none.
  for (const f of doc.figures ?? []) {
    out.push({ kind: 'figure', type: 'FIGURE', id: f.id, start: f.start, end: f.end, text: f.text, figureLabel: f.label,
      value: figureText(f.value), origin: 'machine' });
  }
  for (const c of doc.claims) {
    out.push({ kind: 'claim', type: 'CLAIM', id: c.id, start: c.start, end: c.end, text: c.text, claimKind: c.kind,
      source: c.source, sourceEntity: c.source_entity, cue: c.cue, content: c.content, stance: c.stance,
      checkworthy: c.checkworthy, origin: 'machine' });
  }
  return out;
}

const SIGNS = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', RUB: '₽', UAH: '₴', INR: '₹' };
const HEDGES = { APPROX: 'about ', MORE_THAN: 'more than ', LESS_THAN: 'less than ', EQUAL_OR_MORE: 'at least ', EQUAL_OR_LESS: 'up to ' };
const SCALES = [[1e12, ' trillion'], [1e9, ' billion'], [1e6, ' million']];

/** One amount for people: 95000000000 → "95 billion", 1500 → "1,500". */
function amountText(x) {
  for (const [n, word] of SCALES) {
    if (Math.abs(x) >= n) return `${Number((x / n).toPrecision(6)).toLocaleString('en-US')}${word}`;
  }
  return Number(x.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/**
 * A figure's normalized value as people read it: "€95 billion", "about
 * 300", "2–3%", "1,000 km", "up to $5 million"; null without an amount.
 */
export function figureText(value) {
  if (!value || value.amount === null || value.amount === undefined) return null;
  const n = Array.isArray(value.amount) ? value.amount.map(amountText).join('–') : amountText(value.amount);
  const unit = value.unit ?? null;
  let body;
  if (unit === null) body = n;
  else if (unit === '%') body = `${n}%`;
  else if (SIGNS[unit]) body = `${SIGNS[unit]}${n}`;
  else if (/^[A-Z]{3}$/.test(unit)) body = `${unit} ${n}`;
  else body = `${n} ${unit}`;
  return `${HEDGES[value.mod] ?? ''}${body}`;
}

/** Checks one correction record; returns a message or null. */
export function invalidCorrection(c) {
  if (!c || typeof c !== 'object') return 'a correction is not an object';
  if (!['add', 'delete', 'relabel'].includes(c.op)) return `unknown correction op ${JSON.stringify(c.op)}`;
  if (!TYPES.includes(c.type)) return `unknown annotation type ${JSON.stringify(c.type)}`;
  if (c.op === 'relabel' && !TYPES.includes(c.to)) return `unknown annotation type ${JSON.stringify(c.to)}`;
  if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start < 0 || c.end <= c.start) return 'a correction has a bad span';
  if (typeof c.text !== 'string') return 'a correction has no text';
  return null;
}

/**
 * Applies `corrections` in order to `machine`. A correction whose quoted text
 * no longer matches the text is skipped (it is stale). Returns the annotations
 * in text order.
 */
export function applyCorrections(machine, corrections, text, map) {
  const byKey = new Map();
  for (const a of machine) byKey.set(keyOf(a), a);
  for (const c of corrections) {
    if (c.end > map.length || map.slice(text, c.start, c.end) !== c.text) continue;
    const k = keyOf(c);
    if (c.op === 'add') {
      if (!byKey.has(k)) {
        byKey.set(k, { kind: kindOf(c.type), type: c.type, id: `u${c.start}-${c.end}`, start: c.start, end: c.end, text: c.text,
          origin: 'user', value: null, granularity: null, claimKind: 'factual', stance: 'asserts' });
      }
    } else if (c.op === 'delete') {
      byKey.delete(k);
    } else if (c.op === 'relabel') {
      const a = byKey.get(k);
      if (!a) continue;
      byKey.delete(k);
      const b = { ...a, type: c.to, kind: kindOf(c.to), origin: 'user' };
      byKey.set(keyOf(b), b);
    }
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end || TYPES.indexOf(a.type) - TYPES.indexOf(b.type));
}

/**
 * Moves corrections made on `oldText` onto `newText`: the edit is the part
 * between the common prefix and suffix; corrections before it stay, those
 * after it shift, those touching it are dropped.
 */
export function rebase(corrections, oldText, oldMap, newText, newMap) {
  if (oldText === newText || corrections.length === 0) return corrections;
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const editStart = oldMap.pointFloor(p);
  const editEnd = oldMap.pointCeil(oldText.length - s);
  const delta = newMap.length - oldMap.length;
  const out = [];
  for (const c of corrections) {
    if (c.end <= editStart) out.push(c);
    else if (c.start >= editEnd) out.push({ ...c, start: c.start + delta, end: c.end + delta });
  }
  return out;
}

/** The sidebar, computed from the corrected annotations. */
export function summarize(anns, doc) {
  const groups = new Map();
  for (const a of anns) {
    if (a.kind !== 'entity') continue;
    // User-added mentions join a machine entity with the same name and label.
    const k = `${a.type}|${a.entity ?? `text:${a.text.toLowerCase()}`}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { label: a.type, name: a.text, mentions: [] }));
    g.mentions.push(a);
    if ([...a.text].length > [...g.name].length) g.name = a.text;
  }
  const byName = new Map();
  for (const [k, g] of groups) if (!k.includes('|text:')) byName.set(`${g.label}|${g.name.toLowerCase()}`, g);
  for (const [k, g] of [...groups]) {
    if (!k.includes('|text:')) continue;
    const target = byName.get(`${g.label}|${g.name.toLowerCase()}`);
    if (target) { target.mentions.push(...g.mentions); target.mentions.sort((a, b) => a.start - b.start); groups.delete(k); }
  }
  const entities = {};
  for (const label of ['PERSON', 'ORG', 'LOC', 'NORP', 'MISC']) {
    entities[label] = [...groups.values()].filter((g) => g.label === label)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
  }
  const timeline = new Map();
  for (const a of anns) {
    if (a.kind !== 'date' || !a.value || !/^\d/.test(a.value)) continue;
    if (!timeline.has(a.value)) timeline.set(a.value, { value: a.value, granularity: a.granularity, mentions: [] });
    timeline.get(a.value).mentions.push(a);
  }
  const names = new Map();
  for (const g of groups.values()) for (const m of g.mentions) if (m.entity) names.set(m.entity, g.name);
  const sources = new Map();
  for (const a of anns) {
    if (a.kind !== 'claim') continue;
    let key; let name;
    if (a.sourceEntity) { key = `E:${a.sourceEntity}`; name = names.get(a.sourceEntity) ?? a.source?.text ?? a.sourceEntity; }
    else if (a.source) { key = `T:${a.source.text.toLowerCase()}`; name = a.source.text; }
    else { key = 'factual'; name = 'Unattributed statements'; }
    if (!sources.has(key)) sources.set(key, { name, claims: [] });
    sources.get(key).claims.push(a);
  }
  const counts = Object.fromEntries(TYPES.map((t) => [t, 0]));
  for (const a of anns) counts[a.type]++;
  return {
    entities,
    timeline: [...timeline.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
    sources: [...sources.values()].sort((a, b) => (a.name === 'Unattributed statements') - (b.name === 'Unattributed statements') || b.claims.length - a.claims.length),
    figures: anns.filter((a) => a.kind === 'figure'),
    counts,
    statistics: doc.summary.statistics,
  };
}
