/**
 * The picture renderer's process (started by render-process.ts): an SVG on stdin; on stdout the width and
 * height as two big-endian uint32, then the palette PNG. A failure exits non-zero with the error on stderr.
 */
import { renderCompactPicture } from './compact-png.js';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const picture = renderCompactPicture(Buffer.concat(chunks).toString('utf8'));
const header = Buffer.alloc(8);
header.writeUInt32BE(picture.width, 0);
header.writeUInt32BE(picture.height, 4);
process.stdout.write(Buffer.concat([header, picture.png]));
