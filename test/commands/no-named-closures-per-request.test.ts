/**
 * The bundle keeps function names (scripts/bundle-options.mjs: keepNames), so every closure a function
 * creates under a name (`const build = () => …`, `{ toReal: (d) => … }`) is named at run time: an
 * Object.defineProperty on each call. In the handlers of the replies served most (memo hits that answer
 * in microseconds) that was a measurable share of the end-to-end time, so they create none.
 */
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { expect, test } from 'vitest';

/** The text of `execute(…) { … }` in a command module, as the bundle would compile it. */
function compiledExecute(file: string): string {
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    loader: 'ts',
    keepNames: true,
    format: 'esm',
  });
  const start = code.search(/\bexecute\(/);
  if (start < 0) throw new Error(`${file}: no execute method`);
  const open = code.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) return code.slice(start, i + 1);
  }
  throw new Error(`${file}: execute never ends`);
}

test.each(['commands/standings.ts', 'commands/calendar.ts'])(
  '%s: execute names no closure at run time',
  (file) => {
    const body = compiledExecute(file);
    expect(body.length).toBeGreaterThan(200);
    expect(body).not.toMatch(/__name\(/);
  },
);

test('the check sees a named closure when there is one', () => {
  const { code } = transformSync('const x = { execute() { const f = () => 1; return f(); } };', {
    loader: 'ts',
    keepNames: true,
  });
  expect(code).toMatch(/__name\(/);
});
