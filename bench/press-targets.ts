import { dataVersionOf, encodeCustomId } from '../src/components/custom-id.js';
import { createAppContext } from '../src/core/app-context.js';
import type { Target } from './e2e.js';
import { floorPressId } from './floor-press.js';

/**
 * A button press on a message the bot posted (the local Discord makes the message, so it is nobody's
 * reply: the bot answers with a private copy, the same work as an in-place update). The custom_id is the
 * one the bot itself puts on the reply, for the data as loaded. It is paired with the press floor
 * (bench/floor-press.ts): the same press on a button whose custom_id is as long, answered "ok" at once.
 */
function pressTarget(label: string, customId: string): Target & { base: Target } {
  const floorId = floorPressId(customId.length);
  return {
    label,
    kind: 'command',
    base: {
      label: PRESS_FLOOR_LABEL,
      kind: 'command',
      inject: (discord, userId) => discord.injectButton({ customId: floorId, userId }),
    },
    inject: (discord, userId) => discord.injectButton({ customId, userId }),
  };
}
export const PRESS_FLOOR_LABEL = 'press floor';

/** The button presses timed end to end, each with its press floor as `base`. */
export function pressTargets(): (Target & { base: Target })[] {
  const ids = pressIds();
  return [
    pressTarget('press ▶ on /results 1', ids.resultsNext),
    pressTarget('press ▶ on /standings pro text:true', ids.standingsNext),
  ];
}

function pressIds(): { resultsNext: string; standingsNext: string } {
  const dataVersion = dataVersionOf(createAppContext().catalog.defaultSeason().version);
  return {
    resultsNext: encodeCustomId({ dataVersion, command: 'results', slot: 'next', options: { round: 2 } }),
    standingsNext: encodeCustomId({
      dataVersion,
      command: 'standings',
      slot: 'next',
      options: { class: 'pro', page: 2, text: true },
    }),
  };
}
