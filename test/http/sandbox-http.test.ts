import { Readable, Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runSandbox } from '../../src/sandbox/sandbox.js';

/** `PITBOARD_MODE=http npm start` without a token: the sandbox, with interactions delivered over HTTP. */
test('the sandbox in HTTP mode answers through the signed endpoint, a picture included', async () => {
  let stdout = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      stdout += String(chunk);
      done();
    },
  });
  const code = await runSandbox({
    config: loadConfig({ PITBOARD_MODE: 'http', LOG_LEVEL: 'warn' }),
    stdin: Readable.from(['/driver Buhk\n', '/standings pro\n', '/results 9\n']),
    stdout: sink,
  });
  expect(code).toBe(0);
  expect(stdout).toMatch(/HTTP mode: interactions are POSTed to http:\/\/127\.0\.0\.1:\d+\/interactions/);
  expect(stdout).toContain('1st with 81 points (published)');
  expect(stdout).toMatch(/\[image: .*standings-pro\.png\]/);
  expect(stdout).toContain('There is no round 9');
}, 60_000);
