import type { FlowBlock } from './blocks.js';
import { CELL_FILLS, INK, LEGEND_KINDS } from './palette.js';
import { group, rect, text } from './svg.js';
import { measureText, wrapText } from './text-metrics.js';
import { TYPE } from './theme.js';
import type { CellKind } from './types.js';

const SWATCH = 13;
const SWATCH_GAP = 5;
const ENTRY_GAP = 14;
const LINE_HEIGHT = 19;
const NOTE_LINE_HEIGHT = 15;

interface PlacedEntry {
  x: number;
  line: number;
  kind: CellKind;
  label: string;
}

/** Colour key for the results cells, flowed onto as many lines as the width needs, then the note. */
export function legendBlock(labels: Readonly<Record<CellKind, string>>, note: string | undefined): FlowBlock {
  return (width) => {
    const placed: PlacedEntry[] = [];
    let x = 0;
    let line = 0;
    for (const kind of LEGEND_KINDS) {
      const label = labels[kind];
      const entryWidth = SWATCH + SWATCH_GAP + measureText(label, TYPE.legend);
      if (x > 0 && x + entryWidth > width) {
        line += 1;
        x = 0;
      }
      placed.push({ x, line, kind, label });
      x += Math.ceil(entryWidth) + ENTRY_GAP;
    }
    const swatchHeight = (line + 1) * LINE_HEIGHT;
    const noteLines = note ? wrapText(note, width, TYPE.legend, 3) : [];

    return {
      height: swatchHeight + noteLines.length * NOTE_LINE_HEIGHT,
      draw(left, top) {
        const entries = placed.map((entry) => {
          const cy = top + entry.line * LINE_HEIGHT + LINE_HEIGHT / 2;
          const swatchTop = Math.round(cy - SWATCH / 2);
          return group({ 'data-legend': entry.kind }, [
            rect({
              x: left + entry.x,
              y: swatchTop,
              width: SWATCH,
              height: SWATCH,
              fill: CELL_FILLS[entry.kind],
              stroke: INK.grid,
            }),
            text(entry.label, {
              x: left + entry.x + SWATCH + SWATCH_GAP,
              cy,
              style: TYPE.legend,
              fill: INK.text,
            }),
          ]);
        });
        const notes = noteLines.map((noteLine, index) =>
          text(noteLine, {
            x: left,
            cy: top + swatchHeight + index * NOTE_LINE_HEIGHT + NOTE_LINE_HEIGHT / 2,
            style: TYPE.legend,
            fill: INK.muted,
          }),
        );
        return group({ 'data-role': 'legend' }, [...entries, ...notes]);
      },
    };
  };
}
