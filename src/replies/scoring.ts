import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { SeasonModel } from '../season/model.js';
import { formatRounds } from '../season/rounds-text.js';
import { COLOURS, sourceFooter } from './common.js';
import { memoForModel } from './memo.js';
import { ordinal, safe } from './text.js';

export function buildScoringEmbed(model: SeasonModel): APIEmbed {
  return memoForModel(model, 'scoring', () => scoringEmbed(model));
}

function scoringEmbed(model: SeasonModel): APIEmbed {
  const fields: APIEmbedField[] = [...model.pointsTables.values()].map((table) => {
    const used = model.rounds.filter((r) => r.scoring.some((s) => s.tableId === table.id));
    const stages = used.flatMap((r) =>
      r.scoring
        .filter((s) => s.tableId === table.id)
        .map((s) => `R${r.round}${s.stage === 'race' ? '' : ` ${s.stage}`}`),
    );
    const where = used.length > 0 ? ` — used at ${stages.join(', ')}` : '';
    const points = table.points.map((p, i) => `${ordinal(i + 1)} ${p}`).join(' · ');
    const published =
      table.titleAsPublished !== table.title ? `\nPublished as “${safe(table.titleAsPublished)}”.` : '';
    const note = table.note ? `\n${safe(table.note)}` : '';
    return { name: `${table.title}${where}`, value: `${points}${published}${note}` };
  });
  const rules = model.files.scoring.rules;
  const spa = model.rounds.filter((r) => r.scoring.length > 1).map((r) => r.round);
  return {
    title: `Scoring — ${model.name}`,
    description: [
      `• Points for the first ${rules.points_positions} in each race; no points for pole position${rules.pole_position_points ? ` (${rules.pole_position_points})` : ''}.`,
      `• Classified only after ${rules.classification_distance_percent}% of the winner's distance.`,
      `• A driver scores only after driving at least ${rules.minimum_drive_minutes} minutes.`,
      spa.length > 0
        ? `• Round ${formatRounds(spa, Number.MAX_SAFE_INTEGER)} awards points at several stages (after 6 h, 12 h and at the finish).`
        : null,
      '',
      `> ${safe(rules.text)}`,
    ]
      .filter((l) => l !== null)
      .join('\n'),
    color: COLOURS.scoring,
    fields,
    footer: sourceFooter(model),
  };
}
