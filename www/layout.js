// Turns overlapping spans into a tree the DOM can hold: claims outside,
// mentions (chips) inside. A span that crosses its parent's end is split in
// two pieces, so any overlap still renders and stays readable.

function order(a, b) {
  return a.s - b.s || b.e - a.e || a.layer - b.layer;
}

/**
 * `spans`: [{s, e, layer, ...}] in UTF-16 offsets; lower layers nest outside.
 * Returns the root {s: 0, e: length, children} whose nodes keep the span's
 * fields plus `children` and `part` (0 for the first piece of a span).
 */
export function nest(spans, length) {
  const items = spans.filter((x) => x.e > x.s && x.s >= 0 && x.e <= length).sort(order);
  const root = { s: 0, e: length, layer: -1, children: [] };
  const stack = [root];
  const pieces = []; // split-off remainders, kept sorted
  let i = 0;
  while (i < items.length || pieces.length) {
    let x;
    if (pieces.length && (i >= items.length || order(pieces[0], items[i]) <= 0)) x = pieces.shift();
    else x = { ...items[i++], part: 0 };
    while (stack.length > 1 && stack[stack.length - 1].e <= x.s) stack.pop();
    const parent = stack[stack.length - 1];
    if (x.e > parent.e) {
      const rest = { ...x, s: parent.e, part: (x.part ?? 0) + 1 };
      let j = 0;
      while (j < pieces.length && order(pieces[j], rest) <= 0) j++;
      pieces.splice(j, 0, rest);
      x = { ...x, e: parent.e };
    }
    const node = { ...x, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}
