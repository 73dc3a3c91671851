import type { LiveRecap } from '../announce/recap-facts.js';
import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
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
  locale: Locale,
  correction: string | null = null,
): SafeEmbed {
  const fields: SafeEmbedField[] = [];
  for (const c of recap.classes) {
    const stage = round.scoring.length > 1 ? md` (${safe(c.stage)})` : literal('');
    fields.push({
      name: t(locale, 'replies.live.podium', { class: className(model, c.classId), stage }),
      value:
        c.podium.length === 0
          ? t(locale, 'replies.live.noCar')
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
        )} — ${bold(row.points)}${movementText(row.positionNumber, row.previousPosition, recap.round, locale)}`,
    );
    if (c.table.more > 0)
      rows.push(t(locale, 'replies.live.moreRows', { left: c.table.more, class: safe(c.classId) }));
    fields.push({
      name: t(locale, 'replies.live.tableTitle', { class: className(model, c.classId), round: recap.round }),
      value: rows.length > 0 ? joinSafe(rows, '\n') : t(locale, 'replies.standings.noneScored'),
    });
  }
  if (recap.penalties.length > 0)
    fields.push({
      name: t(locale, 'replies.classification.penalties'),
      value: fitLines(
        recap.penalties.length,
        (i) => {
          const p = recap.penalties[i] as LiveRecap['penalties'][number];
          const who =
            p.personId !== null
              ? personWithFlag(model, p.personId)
              : t(locale, 'replies.classification.car', { car: safe(String(p.car ?? 0)) });
          return t(locale, 'replies.live.penalty', {
            class: className(model, p.classId),
            who,
            points: p.points,
            reason: safe(p.reason),
          });
        },
        LIMITS.fieldValue,
        (left) => t(locale, 'replies.live.morePenalties', { left, round: recap.round }),
      ),
    });
  const next = model.rounds[round.round];
  if (next)
    fields.push({
      name: t(locale, 'replies.recap.nextRound'),
      value: t(locale, 'replies.recap.nextValue', {
        round: next.round,
        place: roundPlace(next, locale),
        date: discordDate(next),
      }),
    });
  const lines: SafeText[] = [
    roundPlace(round, locale),
    t(locale, 'replies.recap.when', {
      date: discordDate(round),
      format: formatLabel(round.format, locale),
      round: round.round,
      count: model.rounds.length,
    }),
    t(locale, 'replies.live.note'),
  ];
  // A round that decides a title says so before anything else.
  const decided = titleDecidedLine(model, round.round, locale);
  if (decided) lines.unshift(decided);
  if (correction) lines.push(t(locale, 'replies.live.corrected', { correction: safe(correction) }));
  return {
    title: t(locale, 'replies.recap.title', {
      round: round.round,
      event: safe(round.event ?? round.short_name),
    }),
    description: joinSafe(lines, '\n'),
    color: COLOURS.recap,
    fields: fields.slice(0, LIMITS.fields),
    footer: sourceFooter(model, locale),
  };
}
