import { svgDocument } from './svg.js';
import { SPACE } from './theme.js';

/** A laid-out piece of the picture: its height is known, it draws itself at a given top-left corner. */
export interface Block {
  height: number;
  draw(x: number, y: number): string;
}

/** A block with an intrinsic width (tables), which decides how wide the picture is. */
export interface SizedBlock extends Block {
  width: number;
  /** The same block laid out wider, when the picture is wider than this block needs. */
  stretchTo?(width: number): Block;
}

/** A block that fills whatever width it is given (title, legend, footer). */
export type FlowBlock = (width: number) => Block;

/** Stacks the blocks top to bottom inside the outer margin; the widest sized block sets the width. */
export function composePicture(parts: (SizedBlock | FlowBlock)[]): string {
  const sizedWidths = parts.flatMap((part) => (typeof part === 'function' ? [] : [part.width]));
  const contentWidth = Math.max(SPACE.minContentWidth, ...sizedWidths);
  const blocks = parts
    .map((part) => {
      if (typeof part === 'function') return part(contentWidth);
      return part.stretchTo && part.width < contentWidth ? part.stretchTo(contentWidth) : part;
    })
    .filter((block) => block.height > 0);

  const drawn: string[] = [];
  let y = SPACE.margin;
  for (const [index, block] of blocks.entries()) {
    if (index > 0) y += SPACE.gap;
    drawn.push(block.draw(SPACE.margin, y));
    y += block.height;
  }
  return svgDocument(contentWidth + 2 * SPACE.margin, y + SPACE.margin, drawn);
}
