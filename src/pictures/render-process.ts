import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../project-root.js';
import type { RenderedPicture } from './render-png.js';

/**
 * Pictures are rasterised in a short-lived child process, one at a time.
 *
 * Why: drawing a standings matrix at 2× and quantising it to a palette PNG goes through 60–80 MB of pixel
 * buffers. In the bot's process the allocator keeps most of that after it is freed (measured: +15–30 MB of
 * RSS per picture, for good), which alone breaks a 100 MB budget; in a child it is returned when the child
 * exits. A picture is drawn once per data version, so the ~0.1 s of process start-up is paid rarely, and a
 * renderer crash cannot take the bot down. One at a time keeps the peak bounded when a reload makes
 * several pictures stale at once.
 */
export function renderInChildProcess(
  svg: string,
  options: { timeoutMs?: number } = {},
): Promise<RenderedPicture> {
  const run = queue.then(() => renderOnce(svg, options.timeoutMs ?? 60_000));
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

let queue: Promise<void> = Promise.resolve();

/**
 * The child's entry point: next to this module as TypeScript when running from the sources (tsx, vitest),
 * next to the bundle as render-child.mjs when built (scripts/build.mjs builds both).
 */
function childCommand(): { args: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return { args: ['--import', 'tsx', fileURLToPath(new URL('./render-child.ts', here))] };
  }
  return { args: [fileURLToPath(new URL('./render-child.mjs', here))] };
}

function renderOnce(svg: string, timeoutMs: number): Promise<RenderedPicture> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childCommand().args, {
      cwd: PROJECT_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start the picture renderer: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out);
      if (code !== 0 || stdout.length < 8) {
        const why = signal ? `killed by ${signal}` : `exit code ${code}`;
        const detail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(0, 5).join('\n');
        reject(new Error(`the picture renderer failed (${why})${detail ? `: ${detail}` : ''}`));
        return;
      }
      resolve({
        width: stdout.readUInt32BE(0),
        height: stdout.readUInt32BE(4),
        png: new Uint8Array(stdout.buffer, stdout.byteOffset + 8, stdout.length - 8),
      });
    });
    child.stdin.on('error', () => undefined); // a child that died early: reported by 'close'
    child.stdin.end(svg);
  });
}
