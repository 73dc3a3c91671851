import type { FlowBlock } from './blocks.js';
import { INK } from './palette.js';
import { group, text } from './svg.js';
import { type TextStyle, wrapText } from './text-metrics.js';
import { TYPE } from './theme.js';

interface ParagraphLine {
  text: string;
  style: TextStyle;
  fill: string;
}

/** Lines of text, one below the other, each line box 1.4× its font size. */
function linesBlock(lines: ParagraphLine[], role: string): FlowBlock {
  return () => {
    const heights = lines.map((line) => Math.ceil(line.style.size * 1.4));
    return {
      height: heights.reduce((sum, h) => sum + h, 0),
      draw(x, y) {
        let top = y;
        const drawn = lines.map((line, index) => {
          const height = heights[index] ?? 0;
          const svg = text(line.text, { x, cy: top + height / 2, style: line.style, fill: line.fill });
          top += height;
          return svg;
        });
        return group({ 'data-role': role }, drawn);
      },
    };
  };
}

function wrapped(content: string, style: TextStyle, fill: string, maxLines: number, width: number) {
  return wrapText(content, width, style, maxLines).map((line) => ({ text: line, style, fill }));
}

export function titleBlock(title: string, subtitle: string): FlowBlock {
  return (width) =>
    linesBlock(
      [
        ...wrapped(title, TYPE.title, INK.text, 2, width),
        ...wrapped(subtitle, TYPE.subtitle, INK.muted, 2, width),
      ],
      'title',
    )(width);
}

export function paragraphBlock(content: string, style: TextStyle, fill: string, role: string): FlowBlock {
  return (width) => linesBlock(wrapped(content, style, fill, 3, width), role)(width);
}
