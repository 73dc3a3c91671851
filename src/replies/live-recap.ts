import type { LiveRecap } from '../announce/recap-facts.js';
import type { Round, SeasonModel } from '../season/model.js';
import {
  COLOURS,
  className,
  discordDate,
  formatLabel,
  personWithFlag,
  sourceFooter,
  teamName,
} from './common.js';
import { movementText } from './computed-standings.js';
import { fitLines, LIMITS } from './limits.js';
import { roundPlace } from './results.js';
import {
  bold,
  joinSafe,
  literal,
  md,
  type SafeEmbed,
  type SafeEmbedField,
  type SafeText,
  safe,
} from './safe-text.js';
import { titleDecidedLine } from './title.js';

const MEDALS = ['🥇', '🥈', '🥉'];

/**
 * The recap of a round whose results come from its classifications: each class's podium and the top of
 * each class table after the round with movement, the round's penalties, then the next round. A
 * correction made after posting adds `correction` as the last line of the description.
 */
export function buildLiveRecapEmbed(
  model: SeasonModel,
  round: Round,
  recap: LiveRecap,
  correction: string | null = null,
): SafeEmbed {
  const fields: SafeEmbedField[] = [];
  for (const c of recap.classes) {
    const stage = round.scoring.length > 1 ? md` (${safe(c.stage)})` : literal('');
    fields.push({
      name: md`${className(model, c.classId)} podium${stage}`,
      value:
        c.podium.length === 0
          ? literal('No car classified.')
          : joinSafe(
              c.podium.map((p) => {
                const team = p.teamId ? md` ${safe(teamName(model, p.teamId))}` : literal('');
                const crew = joinSafe(
                  p.crew.map((id) => personWithFlag(model, id)),
                  ', ',
                );
                return md`${safe(MEDALS[p.position - 1] ?? `P${p.position}`)} ${bold(md`#${p.car}`)}${team} — ${crew}`;
              }),
              '\n',
            ),
    });
    if (!c.table) continue;
    const rows = c.table.rows.map(
      (row) =>
        md`\`${safe(row.position.padStart(3))}\` ${joinSafe(
          row.personIds.map((id) => personWithFlag(model, id)),
          ', ',
        )} — ${bold(row.points)}${movementText(row.positionNumber, row.previousPosition, recap.round, 'en')}`,
    );
    if (c.table.more > 0) rows.push(md`… and ${c.table.more} more (/standings ${safe(c.classId)})`);
    fields.push({
      name: md`${className(model, c.classId)} after round ${recap.round} (computed)`,
      value: rows.length > 0 ? joinSafe(rows, '\n') : literal('No driver has scored yet.'),
    });
  }
  if (recap.penalties.length > 0)
    fields.push({
      name: literal('Penalties'),
      value: fitLines(
        recap.penalties.length,
        (i) => {
          const p = recap.penalties[i] as LiveRecap['penalties'][number];
          const who = p.personId !== null ? personWithFlag(model, p.personId) : md`car #${p.car ?? 0}`;
          return md`${className(model, p.classId)}: ${who} −${p.points} (${safe(p.reason)})`;
        },
        LIMITS.fieldValue,
        (left) => md`… and ${left} more (/results ${recap.round})`,
      ),
    });
  const next = model.rounds[round.round];
  if (next)
    fields.push({
      name: literal('Next round'),
      value: md`Round ${next.round} · ${roundPlace(next, 'en')} · ${discordDate(next)}`,
    });
  const lines: SafeText[] = [
    roundPlace(round, 'en'),
    md`${discordDate(round)} · ${formatLabel(round.format, 'en')} · round ${round.round} of ${model.rounds.length}`,
    literal(
      'Results from the round classifications; tables computed after this round. ▲▼ = places since the previous round.',
    ),
  ];
  // A round that decides a title says so before anything else.
  const decided = titleDecidedLine(model, round.round);
  if (decided) lines.unshift(decided);
  if (correction) lines.push(md`✎ ${bold(literal('Corrected after posting:'))} ${safe(correction)}`);
  return {
    title: md`Round ${round.round} recap · ${safe(round.event ?? round.short_name)}`,
    description: joinSafe(lines, '\n'),
    color: COLOURS.recap,
    fields: fields.slice(0, LIMITS.fields),
    footer: sourceFooter(model, 'en'),
  };
}
