import { runCli } from './run-cli.js';

// npm run --silent complete -- "/driver name:mü" [--json]; without a line, reads stdin.
process.exitCode = await runCli('complete', process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
