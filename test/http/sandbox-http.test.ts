import { Readable, Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runSandbox } from '../../src/sandbox/sandbox.js';

/**
 * `PITBOARD_MODE=http npm start` without a token: the sandbox, with interactions delivered over HTTP —
 * commands, and a press of a button the previous reply listed.
 */
test('the sandbox in HTTP mode answers through the signed endpoint, a picture and a press included', async () => {
  let stdout = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      stdout += String(chunk);
      done();
    },
  });
  // The press line needs the custom_id the reply printed (it carries the data version).
  async function* lines(): AsyncGenerator<string> {
    yield* ['/driver Buhk\n', '/standings pro\n', '/results 9\n', '/standings pro text:true\n'];
    for (let waited = 0; waited < 30_000; waited += 50) {
      const next = /press (\S+:s:next:\S*t=1)/.exec(stdout)?.[1];
      if (next) {
        yield `press ${next}\n`;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const code = await runSandbox({
    config: loadConfig({ PITBOARD_MODE: 'http', LOG_LEVEL: 'warn' }),
    stdin: Readable.from(lines()),
    stdout: sink,
  });
  expect(code).toBe(0);
  expect(stdout).toMatch(/HTTP mode: interactions are POSTed to http:\/\/127\.0\.0\.1:\d+\/interactions/);
  expect(stdout).toContain('1st with 81 points (published)');
  expect(stdout).toMatch(/\[image: .*standings-pro\.png\]/);
  expect(stdout).toContain('There is no round 9');
  expect(stdout).toMatch(/\(message updated\)\n== Pro Cup/);
}, 60_000);
