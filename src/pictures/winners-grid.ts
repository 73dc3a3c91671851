import { composePicture, type SizedBlock } from './blocks.js';
import { INK } from './palette.js';
import { group, rect, text } from './svg.js';
import { columnEdges, EMPTY_ROW_HEIGHT, emptyTableMessage, GridLines, shareWidths } from './table-grid.js';
import { paragraphBlock, titleBlock } from './text-blocks.js';
import { fitText, measureText, type TextStyle } from './text-metrics.js';
import { SPACE, TYPE } from './theme.js';
import type { RoundWinner, WinnersGrid, WinnersRound } from './types.js';

const CLASS_MIN_WIDTH = 120;
const ROUND_MIN_WIDTH = 90;
/**
 * The table's widest: columns are sized to their content (measured with Inter's own advance widths) and
 * share this when the content needs more, so a name is cut only when the whole table is out of room.
 */
export const WINNERS_TABLE_MAX_WIDTH = 800;
const NO_WINNER = '–';

/** Round × class table of winning cars: car number and team, then the crew stacked. */
export function buildWinnersGridSvg(grid: WinnersGrid): string {
  return composePicture([
    titleBlock(grid.title, grid.subtitle),
    winnersTableBlock(grid),
    paragraphBlock(grid.footer, TYPE.footer, INK.faint, 'footer'),
  ]);
}

/** Bare numbers read as car numbers, so they get the usual '#'. */
function carLabel(car: string): string {
  return /^\d+$/.test(car.trim()) ? `#${car.trim()}` : car;
}

function cellLines(winner: RoundWinner | null): number {
  return winner ? 1 + winner.crew.length : 1;
}

function winnersTableBlock(grid: WinnersGrid): SizedBlock {
  return tableBlock(grid, measureColumns(grid));
}

/** Widths of the round column followed by one column per class. */
function measureColumns(grid: WinnersGrid): number[] {
  const widest = (texts: string[], style: TextStyle) =>
    texts.reduce((max, t) => Math.max(max, measureText(t, style)), 0);
  const padX = 2 * SPACE.cellPadX;
  const round =
    padX +
    Math.max(
      widest([grid.labels.round], TYPE.header),
      widest(
        grid.rounds.map((r) => r.label),
        TYPE.position,
      ),
      widest(
        grid.rounds.map((r) => r.sublabel),
        TYPE.team,
      ),
    );
  const classes = grid.classes.map((className, classIndex) => {
    const winners = grid.rounds.flatMap((r) => r.cells[classIndex] ?? []);
    return (
      padX +
      Math.max(
        measureText(className, TYPE.header),
        ...winners.map((w) => carWidth(carLabel(w.car)) + measureText(w.team, TYPE.team)),
        ...winners.flatMap((w) => w.crew.map((name) => measureText(name, TYPE.name))),
      )
    );
  });
  return shareWidths(
    [round, ...classes],
    [ROUND_MIN_WIDTH, ...classes.map(() => CLASS_MIN_WIDTH)],
    WINNERS_TABLE_MAX_WIDTH,
  );
}

/** The car number and the gap after it, as drawn before the team name. */
function carWidth(car: string): number {
  return measureText(`${car}  `, TYPE.position);
}

/** Spreads spare width over the class columns so a one- or two-class grid spans the picture. */
function widen(columnWidths: number[], extra: number): number[] {
  const classCount = columnWidths.length - 1;
  if (extra <= 0 || classCount === 0) return columnWidths;
  const share = Math.floor(extra / classCount);
  const remainder = extra - share * classCount;
  return columnWidths.map((width, index) =>
    index === 0 ? width : width + share + (index === classCount ? remainder : 0),
  );
}

function tableBlock(grid: WinnersGrid, columnWidths: number[]): SizedBlock {
  const width = columnWidths.reduce((sum, w) => sum + w, 0);
  const rowHeights = grid.rounds.map((round) => {
    const lines = Math.max(2, ...round.cells.map(cellLines));
    return lines * SPACE.lineHeight + 2 * SPACE.rowPadY;
  });
  const headerHeight = SPACE.headerTier + 4;
  const bodyHeight = grid.rounds.length === 0 ? EMPTY_ROW_HEIGHT : rowHeights.reduce((sum, h) => sum + h, 0);

  return {
    width,
    height: headerHeight + bodyHeight,
    stretchTo: (target) => tableBlock(grid, widen(columnWidths, target - width)),
    draw(left, top) {
      const edges = columnEdges(left, columnWidths);
      const right = edges.at(-1) ?? left;
      const lines = new GridLines();
      const header = [
        rect({ x: left, y: top, width: right - left, height: headerHeight, fill: INK.headerFill }),
        ...[grid.labels.round, ...grid.classes].map((label, index) =>
          text(fitText(label, (columnWidths[index] ?? 0) - 2 * SPACE.cellPadX, TYPE.header), {
            x: (edges[index] ?? left) + SPACE.cellPadX,
            cy: top + headerHeight / 2,
            style: TYPE.header,
            fill: INK.text,
          }),
        ),
      ];

      const bodyTop = top + headerHeight;
      const bottom = bodyTop + bodyHeight;
      let rowTop = bodyTop;
      const rows = grid.rounds.map((round, roundIndex) => {
        const height = rowHeights[roundIndex] ?? 0;
        if (roundIndex > 0) lines.horizontal(rowTop, left, right);
        const svg = drawRound(round, roundIndex, edges, columnWidths, rowTop, height);
        rowTop += height;
        return svg;
      });

      if (grid.rounds.length === 0) rows.push(emptyTableMessage(grid.labels.noRounds, left, right, bodyTop));
      for (const [index, x] of edges.entries()) {
        const isOuter = index === 0 || index === edges.length - 1;
        lines.vertical(x, top, grid.rounds.length === 0 && !isOuter ? bodyTop : bottom);
      }
      lines.horizontal(top, left, right).horizontal(bodyTop, left, right).horizontal(bottom, left, right);
      return group({ 'data-role': 'table' }, [
        group({ 'data-role': 'header' }, header),
        ...rows,
        lines.toSvg(),
      ]);
    },
  };
}

function drawRound(
  round: WinnersRound,
  roundIndex: number,
  edges: number[],
  widths: number[],
  top: number,
  height: number,
): string {
  const left = edges[0] ?? 0;
  const roundWidth = widths[0] ?? 0;
  const firstLine = top + SPACE.rowPadY + SPACE.lineHeight / 2;
  const inner = (width: number) => width - 2 * SPACE.cellPadX;
  const parts = [
    text(fitText(round.label, inner(roundWidth), TYPE.position), {
      x: left + SPACE.cellPadX,
      cy: firstLine,
      style: TYPE.position,
      fill: INK.text,
    }),
    text(fitText(round.sublabel, inner(roundWidth), TYPE.team), {
      x: left + SPACE.cellPadX,
      cy: firstLine + SPACE.lineHeight,
      style: TYPE.team,
      fill: INK.muted,
    }),
  ];

  for (const [classIndex, width] of widths.slice(1).entries()) {
    const x = edges[classIndex + 1] ?? left;
    const winner = round.cells[classIndex] ?? null;
    parts.push(
      rect({
        'data-cell': `${roundIndex}-${classIndex}`,
        'data-kind': winner ? 'win' : 'blank',
        x,
        y: top,
        width,
        height,
        fill: INK.background,
      }),
    );
    parts.push(...drawWinner(winner, x + SPACE.cellPadX, firstLine, inner(width)));
  }
  return group({ 'data-row': roundIndex }, parts);
}

function drawWinner(winner: RoundWinner | null, x: number, firstLine: number, width: number): string[] {
  if (!winner) return [text(NO_WINNER, { x, cy: firstLine, style: TYPE.name, fill: INK.faint })];
  const car = fitText(carLabel(winner.car), width, TYPE.position);
  const teamLeft = carWidth(car);
  const parts = [text(car, { x, cy: firstLine, style: TYPE.position, fill: INK.text })];
  const team = fitText(winner.team, width - teamLeft, TYPE.team);
  if (team) parts.push(text(team, { x: x + teamLeft, cy: firstLine, style: TYPE.team, fill: INK.muted }));
  for (const [index, name] of winner.crew.entries()) {
    parts.push(
      text(fitText(name, width, TYPE.name), {
        x,
        cy: firstLine + (index + 1) * SPACE.lineHeight,
        style: TYPE.name,
        fill: INK.text,
      }),
    );
  }
  return parts;
}
