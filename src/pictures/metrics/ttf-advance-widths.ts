/**
 * Minimal TrueType reader: just enough (head, hhea, hmtx, cmap, name) to read horizontal advance widths
 * per code point. Used to generate the width table and to check that table against the bundled font.
 */

export interface FontAdvances {
  familyName: string;
  unitsPerEm: number;
  /** Advance width in font units, or undefined when the font has no glyph for the code point. */
  advanceOf(codePoint: number): number | undefined;
}

interface TableRecord {
  offset: number;
  length: number;
}

export function readFontAdvances(bytes: Uint8Array): FontAdvances {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readTableDirectory(view);
  const table = (tag: string): TableRecord => {
    const record = tables.get(tag);
    if (!record) throw new Error(`font has no '${tag}' table`);
    return record;
  };

  const unitsPerEm = view.getUint16(table('head').offset + 18);
  const numberOfHMetrics = view.getUint16(table('hhea').offset + 34);
  const hmtx = table('hmtx').offset;
  const glyphOf = readCmap(view, table('cmap').offset);

  return {
    familyName: readFamilyName(view, table('name').offset),
    unitsPerEm,
    advanceOf(codePoint) {
      const glyph = glyphOf(codePoint);
      if (glyph === 0) return undefined;
      // Glyphs past numberOfHMetrics share the last advance (monospaced tail of hmtx).
      const metric = Math.min(glyph, numberOfHMetrics - 1);
      return view.getUint16(hmtx + metric * 4);
    },
  };
}

function readTableDirectory(view: DataView): Map<string, TableRecord> {
  const numTables = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return tables;
}

/** Returns a code point → glyph id lookup from the best Unicode subtable (format 12, else format 4). */
function readCmap(view: DataView, cmap: number): (codePoint: number) => number {
  const numSubtables = view.getUint16(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < numSubtables; i++) {
    const at = cmap + 4 + i * 8;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const subtable = cmap + view.getUint32(at + 4);
    const format = view.getUint16(subtable);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) format12 ??= subtable;
    if (format === 4) format4 ??= subtable;
  }
  if (format12 !== undefined) return readCmapFormat12(view, format12);
  if (format4 !== undefined) return readCmapFormat4(view, format4);
  throw new Error('font has no Unicode cmap subtable of format 4 or 12');
}

function readCmapFormat12(view: DataView, subtable: number): (codePoint: number) => number {
  const numGroups = view.getUint32(subtable + 12);
  return (codePoint) => {
    for (let i = 0; i < numGroups; i++) {
      const at = subtable + 16 + i * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      if (codePoint >= start && codePoint <= end) return view.getUint32(at + 8) + (codePoint - start);
    }
    return 0;
  };
}

function readCmapFormat4(view: DataView, subtable: number): (codePoint: number) => number {
  const segCount = view.getUint16(subtable + 6) / 2;
  const endCodes = subtable + 14;
  const startCodes = endCodes + segCount * 2 + 2;
  const idDeltas = startCodes + segCount * 2;
  const idRangeOffsets = idDeltas + segCount * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segCount; i++) {
      if (codePoint > view.getUint16(endCodes + i * 2)) continue;
      const start = view.getUint16(startCodes + i * 2);
      if (codePoint < start) return 0;
      const delta = view.getInt16(idDeltas + i * 2);
      const rangeOffsetAt = idRangeOffsets + i * 2;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Typographic family (name id 16) if present, else family (name id 1); Windows UTF-16 records only. */
function readFamilyName(view: DataView, name: number): string {
  const count = view.getUint16(name + 2);
  const strings = name + view.getUint16(name + 4);
  const found = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    const at = name + 6 + i * 12;
    if (view.getUint16(at) !== 3) continue;
    const nameId = view.getUint16(at + 6);
    if (nameId !== 1 && nameId !== 16) continue;
    const length = view.getUint16(at + 8);
    const offset = strings + view.getUint16(at + 10);
    let text = '';
    for (let j = 0; j < length; j += 2) text += String.fromCharCode(view.getUint16(offset + j));
    found.set(nameId, text);
  }
  return found.get(16) ?? found.get(1) ?? '';
}
