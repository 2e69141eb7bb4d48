// Getting text in: size and binary checks, and the readable text of HTML.

/** Largest article accepted, in UTF-16 code units (about 5 MB of text). */
export const MAX_CHARS = 5_000_000;

/** A message when `text` cannot be annotated, or null when it is fine. */
export function refusal(text) {
  if (text.length > MAX_CHARS) {
    const mb = (text.length / 1e6).toFixed(1);
    return `This text is ${mb} million characters long; Factlens takes at most ${MAX_CHARS / 1e6} million. Split the article and paste it in parts.`;
  }
  if (looksBinary(text)) {
    return 'This looks like binary data, not text, so it was not loaded. Open a .txt, .md or .html file or paste an article.';
  }
  return null;
}

/** Control characters other than tab, newline, form feed and carriage return
 * do not occur in articles; NUL or more than a few of them means binary. */
function looksBinary(text) {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) controls++;
  }
  return controls > 8 && controls / sample.length > 0.01;
}

/** Reads a .txt, .md or .html file as text; throws a message for anything else. */
export async function readArticleFile(file) {
  if (file.size > MAX_CHARS * 4) {
    throw new Error(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; Factlens opens articles up to about ${MAX_CHARS / 1e6} MB.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let raw;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file.name} is not UTF-8 text (it may be a binary file or use another encoding), so it was not opened.`);
  }
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  const isHtml = /\.html?$/i.test(file.name) || file.type === 'text/html';
  const text = isHtml ? htmlToText(raw) : raw;
  const why = refusal(text);
  if (why) throw new Error(`${file.name}: ${why}`);
  return text;
}

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TR', 'UL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'HEAD', 'BUTTON', 'SELECT', 'FORM']);

/** The readable text of an HTML page: parsed inertly (DOMParser runs no
 * scripts and loads nothing), never inserted into the page. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.querySelector('article') || doc.body;
  if (!root) return '';
  const out = [];
  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        out.push(n.data.replace(/\s+/g, ' '));
      } else if (n.nodeType === 1) {
        const tag = n.tagName.toUpperCase();
        if (SKIP.has(tag) || n.hidden) continue;
        if (tag === 'BR') { out.push('\n'); continue; }
        const block = BLOCKS.has(tag);
        if (block) out.push('\n\n');
        walk(n);
        if (block) out.push('\n\n');
        else if (tag === 'TD' || tag === 'TH') out.push('\t');
      }
    }
  };
  walk(root);
  return out.join('')
    .split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
