// The document counts Unicode code points; the DOM counts UTF-16 code units.
// One map per text converts between them in O(1), built once per text.

export class OffsetMap {
  constructor(text) {
    const n = text.length;
    const toUnit = new Uint32Array(n + 1);
    const toPoint = new Uint32Array(n + 1);
    let cp = 0;
    for (let i = 0; i < n; cp++) {
      toUnit[cp] = i;
      toPoint[i] = cp;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          toPoint[i + 1] = cp; // the low half belongs to the same code point
          i += 2;
          continue;
        }
      }
      i += 1;
    }
    toUnit[cp] = n;
    toPoint[n] = cp;
    this.text = text;
    this.units = n;
    /** Length of the text in code points. */
    this.length = cp;
    this.toUnitArr = toUnit.subarray(0, cp + 1);
    this.toPointArr = toPoint;
  }

  /** UTF-16 offset of code point `cp` (clamped to the text). */
  unit(cp) {
    return this.toUnitArr[Math.max(0, Math.min(cp, this.length))];
  }

  /** Code point at UTF-16 offset `u`; inside a surrogate pair, the pair's start. */
  pointFloor(u) {
    return this.toPointArr[Math.max(0, Math.min(u, this.units))];
  }

  /** Code point at UTF-16 offset `u`; inside a surrogate pair, the pair's end. */
  pointCeil(u) {
    u = Math.max(0, Math.min(u, this.units));
    const p = this.toPointArr[u];
    return u > 0 && u < this.units && this.toPointArr[u - 1] === p ? p + 1 : p;
  }

  /** The text between two code points. */
  slice(text, start, end) {
    return text.slice(this.unit(start), this.unit(end));
  }
}
