import type { Json, LocalDiscord } from '@pitboard/local-discord';
import { parsePressLine } from '../cli/press-line.js';
import { renderReplyText } from '../cli/render-text.js';
import type { Reply } from '../core/command.js';

function hasComponent(message: Json, customId: string): boolean {
  return JSON.stringify(message.components ?? []).includes(JSON.stringify(customId));
}

/**
 * A sandbox `press <custom_id> [value …]` line: the sandbox user presses that component on the newest
 * message of the channel carrying it — a real component interaction through the real client. Null when
 * the line is not a press.
 */
export async function pressInSandbox(
  discord: LocalDiscord,
  line: string,
  channelId: string,
): Promise<string | null> {
  const press = parsePressLine(line);
  if (!press) return null;
  const message = discord
    .messages(channelId)
    .reverse()
    .find((m) => hasComponent(m, press.customId));
  if (!message) return `(no message here has a button or menu ${press.customId || '(none given)'})\n`;
  try {
    const interaction = discord.press({
      messageId: String(message.id),
      customId: press.customId,
      channelId,
      ...(press.values.length > 0 ? { values: [...press.values] } : {}),
    });
    const final = await interaction.final(15_000);
    const text = renderReplyText({ data: final as Reply['data'] }, new Date());
    return `${interaction.callback?.type === 7 ? '(message updated)\n' : ''}${text}\n`;
  } catch (error) {
    return `(cannot press: ${(error as Error).message})\n`;
  }
}
