import { asUpdate, type Press, planPress } from '../components/press.js';
import { updateCallbackJson } from '../components/update-callback.js';
import { replyCallbackJson } from '../core/callback-json.js';
import type { Command, CommandContext } from '../core/command.js';
import { runCommand } from '../core/run-command.js';
import { isEphemeral } from '../discord/outgoing-message.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { renderReplyText } from './render-text.js';

const PRESS_LINE = /^press(?:\s+(\S+))?(?:\s+(.*))?$/;

/**
 * `press <custom_id> [value …]`: press a component of the previous reply, as its custom_id was printed
 * (a select takes the chosen value(s) after it). Null when the line is not a press.
 */
export function parsePressLine(line: string): Press | null {
  const match = PRESS_LINE.exec(line.trim());
  if (!match) return null;
  return { customId: match[1] ?? '', values: (match[2] ?? '').split(/\s+/).filter((v) => v !== '') };
}

/**
 * A press answered as the bot answers the person who ran the command: `{"type":7,…}` (the message
 * updated in place) with --json, or the updated message as text; a refusal or a mistake as the
 * ephemeral `{"type":4,…}` it would be.
 */
export async function answerPress(
  press: Press,
  json: boolean,
  context: CommandContext,
  commands: readonly Command[],
): Promise<{ output: string; failure: unknown | null }> {
  const plan = planPress(
    press,
    (name) => commands.find((c) => c.definition.name === name),
    context.seasons,
    replyLocale(context.invoker),
  );
  const { reply, failure } = plan.ok
    ? await runCommand(plan.command, plan.options, context)
    : { reply: plan.reply, failure: null };
  // As on Discord: the message changes unless the answer is private (a refusal or a mistake).
  const updates = !isEphemeral(reply);
  if (json) return { output: updates ? updateCallbackJson(reply) : replyCallbackJson(reply), failure };
  const text = renderReplyText(updates ? asUpdate(reply) : reply, context.now());
  return { output: updates ? `(message updated)\n${text}` : text, failure };
}
