import { runCli } from './run-cli.js';

// npm run --silent ask -- "/driver name:Buhk" [--json] [--out DIR]; without a line, reads stdin.
process.exitCode = await runCli('ask', process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
