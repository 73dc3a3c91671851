import { commands } from '../../commands/index.js';
import { readConfig } from '../config.js';
import { deployCommands, describeDeployment } from '../discord/deploy.js';

// `npm run deploy`: register the slash commands once. Only this script registers on Discord; the bot never
// does at start (nothing imports this file, so the bundle cannot contain it).
try {
  const deployment = await deployCommands({ config: readConfig(), commands });
  process.stdout.write(`${describeDeployment(deployment)}\n`);
} catch (err) {
  process.stderr.write(`Command registration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
