export { renderCompactPicture } from './compact-png.js';
export {
  type CachedPicture,
  createPictureCache,
  type PictureCache,
  type PictureCacheOptions,
} from './picture-cache.js';
export { RENDER_SCALE, type RenderedPicture, renderPicture, renderPng } from './render-png.js';
export { renderInChildProcess } from './render-process.js';
export { buildStandingsMatrixSvg, buildTotalsTableSvg } from './standings-matrix.js';
export type * from './types.js';
export { buildWinnersGridSvg } from './winners-grid.js';
