// Export formats: factlens/1 (with text and corrections), W3C Web Annotation
// JSON-LD, CSV. Offsets everywhere are code points, as in the document.

import { invalidCorrection } from './annotations.js';

/** The machine document as the core made it, plus the text and the corrections. */
export function factlensJson(doc, text, corrections) {
  return JSON.stringify({ ...doc, text, corrections }, null, 2) + '\n';
}

const CONTEXT = 30; // code points of prefix/suffix in a TextQuoteSelector

/** An AnnotationCollection with one Annotation per highlight. */
export function webAnnotation(anns, text, map, doc) {
  const source = `urn:sha256:${doc.text_sha256}`;
  const items = anns.map((a) => {
    const bodies = [{ type: 'TextualBody', purpose: 'tagging', value: a.type }];
    if (a.kind === 'entity' && a.entity) bodies.push({ type: 'TextualBody', purpose: 'identifying', value: a.entity });
    if ((a.kind === 'date' || a.kind === 'figure') && a.value) bodies.push({ type: 'TextualBody', purpose: 'describing', value: a.value, format: 'text/plain' });
    if (a.kind === 'claim') {
      const parts = [a.source && `source: ${a.source.text}`, a.cue && `cue: ${a.cue.text}`, a.stance && `stance: ${a.stance}`].filter(Boolean);
      if (parts.length) bodies.push({ type: 'TextualBody', purpose: 'describing', value: parts.join('; ') });
    }
    return {
      id: `${source}#${a.origin === 'user' ? 'user-' : ''}${a.id}-${a.type}`,
      type: 'Annotation',
      motivation: a.kind === 'claim' ? 'highlighting' : 'tagging',
      creator: a.origin === 'user' ? { type: 'Person', name: 'user correction' } : { type: 'Software', name: 'Factlens' },
      body: bodies,
      target: {
        source,
        selector: [
          { type: 'TextQuoteSelector', exact: a.text, prefix: map.slice(text, Math.max(0, a.start - CONTEXT), a.start),
            suffix: map.slice(text, a.end, Math.min(map.length, a.end + CONTEXT)) },
          { type: 'TextPositionSelector', start: a.start, end: a.end },
        ],
      },
    };
  });
  return JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${source}#annotations`,
    type: 'AnnotationCollection',
    label: 'Factlens annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  }, null, 2) + '\n';
}

/** A spreadsheet cell: formula-looking text is defused, then quoted. */
export function csvCell(v) {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(anns) {
  const head = ['id', 'type', 'start', 'end', 'text', 'entity', 'value', 'source', 'cue', 'stance', 'origin'];
  const rows = anns.map((a) => [a.id, a.type, a.start, a.end, a.text, a.entity, a.value, a.source?.text, a.cue?.text,
    a.kind === 'claim' ? a.stance : '', a.origin]);
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Checks the parts of an imported factlens/1 file the core does not know:
 * that the text is there, and the corrections. The core (readDocument)
 * checks the rest, the text against the document's spans, length and
 * SHA-256 included. Returns {text, corrections} or throws a message.
 */
export function checkImport(raw, OffsetMapClass) {
  if (typeof raw.text !== 'string') throw new Error('it has no "text" field, so the article cannot be restored; export it from Factlens with its text');
  const map = new OffsetMapClass(raw.text);
  const corrections = raw.corrections ?? [];
  if (!Array.isArray(corrections)) throw new Error('"corrections" is not a list');
  for (const c of corrections) {
    const why = invalidCorrection(c);
    if (why) throw new Error(why);
    if (c.end > map.length) throw new Error('a correction lies outside the text');
  }
  return { text: raw.text, corrections: corrections.map((c) => ({ ...c })) };
}
