import type { SeasonModel } from '../season/model.js';
import { formatRounds } from '../season/rounds-text.js';
import { COLOURS, sourceFooter } from './common.js';
import { memoForModel } from './memo.js';
import { joinSafe, literal, md, type SafeEmbed, type SafeEmbedField, safe } from './safe-text.js';
import { ordinal } from './text.js';

export function buildScoringEmbed(model: SeasonModel): SafeEmbed {
  return memoForModel(model, 'scoring', () => scoringEmbed(model));
}

function scoringEmbed(model: SeasonModel): SafeEmbed {
  const fields: SafeEmbedField[] = [...model.pointsTables.values()].map((table) => {
    const used = model.rounds.filter((r) => r.scoring.some((s) => s.tableId === table.id));
    const stages = used.flatMap((r) =>
      r.scoring
        .filter((s) => s.tableId === table.id)
        .map((s) => (s.stage === 'race' ? md`R${r.round}` : md`R${r.round} ${safe(s.stage)}`)),
    );
    const where = used.length > 0 ? md` — used at ${joinSafe(stages, ', ')}` : literal('');
    const points = joinSafe(
      table.points.map((p, i) => md`${ordinal(i + 1, 'en')} ${p}`),
      ' · ',
    );
    const published =
      table.titleAsPublished !== table.title
        ? md`\nPublished as “${safe(table.titleAsPublished)}”.`
        : literal('');
    const note = table.note ? md`\n${safe(table.note)}` : literal('');
    return { name: md`${safe(table.title)}${where}`, value: md`${points}${published}${note}` };
  });
  const rules = model.files.scoring.rules;
  const spa = model.rounds.filter((r) => r.scoring.length > 1).map((r) => r.round);
  const pole = rules.pole_position_points ? md` (${rules.pole_position_points})` : literal('');
  return {
    title: md`Scoring — ${safe(model.name)}`,
    description: joinSafe(
      [
        md`• Points for the first ${rules.points_positions} in each race; no points for pole position${pole}.`,
        md`• Classified only after ${rules.classification_distance_percent}% of the winner's distance.`,
        md`• A driver scores only after driving at least ${rules.minimum_drive_minutes} minutes.`,
        spa.length > 0
          ? md`• Round ${safe(formatRounds(spa, Number.MAX_SAFE_INTEGER))} awards points at several stages (after 6 h, 12 h and at the finish).`
          : null,
        literal(''),
        md`> ${safe(rules.text)}`,
      ].filter((l) => l !== null),
      '\n',
    ),
    color: COLOURS.scoring,
    fields,
    footer: sourceFooter(model, 'en'),
  };
}
