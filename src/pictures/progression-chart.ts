import type { TopLevelSpec } from 'vega-lite';
import { measureText } from './text-metrics.js';

/** What the chart shows, as plain text and numbers (names already made plain). */
export interface ProgressionChartInput {
  title: string;
  subtitle: string;
  /** X axis labels, one per step (R1 PRT, R3 BEL 6h, …), in order. */
  steps: string[];
  series: { label: string; values: number[] }[];
  /** The y axis title ("Points", in the reader's language). */
  pointsAxis: string;
  footer: string;
}

/** One plotted point: the data the chart is drawn from (tests read it back). */
export interface ProgressionPoint {
  step: string;
  order: number;
  driver: string;
  rank: number;
  points: number;
}

export function progressionPoints(input: ProgressionChartInput): ProgressionPoint[] {
  return input.series.flatMap((s, rank) =>
    s.values.map((points, order) => ({
      step: input.steps[order] ?? '',
      order,
      driver: s.label,
      rank,
      points,
    })),
  );
}

const WIDTH = 560;
const HEIGHT = 300;

/**
 * A Vega-Lite line chart: one line per row, points at every stage, the total printed at the last point,
 * legend in table order. Inter throughout, so resvg (which has only the bundled Inter) draws what Vega
 * measured.
 */
export function progressionChartSpec(input: ProgressionChartInput): TopLevelSpec {
  const values = progressionPoints(input);
  const last = input.steps.length - 1;
  const order = input.series.map((s) => s.label);
  const color = {
    field: 'driver',
    type: 'nominal',
    sort: order,
    scale: { scheme: 'tableau10' },
    legend: { title: null, orient: 'right', labelLimit: 0, symbolStrokeWidth: 3 },
  } as const;
  const x = {
    field: 'step',
    type: 'ordinal',
    sort: input.steps,
    title: null,
    axis: { labelAngle: input.steps.length > 6 ? -35 : 0, labelPadding: 6 },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: input.title,
      subtitle: [input.subtitle],
      anchor: 'start',
      fontSize: 18,
      subtitleFontSize: 12.5,
    },
    width: WIDTH,
    height: HEIGHT,
    background: 'white',
    padding: 16,
    data: { values },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2.5, point: { size: 45, filled: true } },
        encoding: {
          x,
          y: { field: 'points', type: 'quantitative', title: input.pointsAxis, axis: { tickMinStep: 1 } },
          color,
        },
      },
      {
        transform: [{ filter: `datum.order === ${last}` }],
        mark: { type: 'text', align: 'left', dx: 7, fontWeight: 'bold', fontSize: 11.5 },
        encoding: {
          x,
          y: { field: 'points', type: 'quantitative' },
          text: { field: 'points', type: 'quantitative' },
          color,
        },
      },
    ],
    config: {
      font: 'Inter',
      view: { stroke: null },
      axis: { labelFontSize: 11.5, titleFontSize: 11.5, gridColor: '#e5e7eb', domainColor: '#9ca3af' },
      legend: { labelFontSize: 12 },
      title: { subtitleColor: '#4b5563' },
    },
    usermeta: { footer: input.footer },
  } as TopLevelSpec;
}

/**
 * The chart as SVG through Vega-Lite → Vega (no browser, no canvas: renderer "none" with Vega's own text
 * estimates). Vega is loaded on first use only, so a bot that never draws a chart never loads it.
 */
export async function buildProgressionChartSvg(input: ProgressionChartInput): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  // Vega without a canvas guesses 0.8 em per character, far too wide: measure with Inter's own widths.
  (vega as unknown as VegaTextMetrics).textMetrics.width = (item, text) =>
    measureText(String(text ?? '').trim(), {
      size: item.fontSize ?? 11,
      weight: item.fontWeight === 'bold' || Number(item.fontWeight) >= 600 ? 'bold' : 'regular',
    });
  const compiled = vegaLite.compile(progressionChartSpec(input)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return withFooter(svg, input.footer);
  } finally {
    view.finalize();
  }
}

/** Vega's text measuring hook (exported by vega-scenegraph, missing from its typings). */
interface VegaTextMetrics {
  textMetrics: {
    width: (item: { fontSize?: number; fontWeight?: string | number }, text?: string) => number;
  };
}

/** Vega has no footer: the source line is added under the chart, growing the picture by one line. */
function withFooter(svg: string, footer: string): string {
  const size = /<svg[^>]*width="([\d.]+)" height="([\d.]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!size) return svg;
  const [, w, h] = size.map(Number) as [number, number, number];
  const height = h + 20;
  const text = footer.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return svg
    .replace(
      /(<svg[^>]*)width="[\d.]+" height="[\d.]+" viewBox="0 0 [\d.]+ [\d.]+"/,
      `$1width="${w}" height="${height}" viewBox="0 0 ${w} ${height}"`,
    )
    .replace(/(<rect width="[\d.]+" height=")[\d.]+(" fill="white"\/>)/, `$1${height}$2`)
    .replace(
      /<\/svg>\s*$/,
      `<text x="16" y="${height - 12}" font-family="Inter" font-size="10.5" fill="#6b7280">${text}</text></svg>`,
    );
}
