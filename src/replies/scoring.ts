import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { SeasonModel } from '../season/model.js';
import { formatRounds } from '../season/rounds-text.js';
import { COLOURS, sourceFooter } from './common.js';
import { memoForModel } from './memo.js';
import { joinSafe, literal, md, type SafeEmbed, type SafeEmbedField, safe } from './safe-text.js';
import { ordinal } from './text.js';

export function buildScoringEmbed(model: SeasonModel, locale: Locale): SafeEmbed {
  return memoForModel(model, `scoring:${locale}`, () => scoringEmbed(model, locale));
}

function scoringEmbed(model: SeasonModel, locale: Locale): SafeEmbed {
  const fields: SafeEmbedField[] = [...model.pointsTables.values()].map((table) => {
    const used = model.rounds.filter((r) => r.scoring.some((s) => s.tableId === table.id));
    const stages = used.flatMap((r) =>
      r.scoring
        .filter((s) => s.tableId === table.id)
        .map((s) => (s.stage === 'race' ? md`R${r.round}` : md`R${r.round} ${safe(s.stage)}`)),
    );
    const where =
      used.length > 0
        ? md` — ${t(locale, 'replies.scoring.usedAt', { stages: joinSafe(stages, ', ') })}`
        : literal('');
    const points = joinSafe(
      table.points.map((p, i) => md`${ordinal(i + 1, locale)} ${p}`),
      ' · ',
    );
    const published =
      table.titleAsPublished !== table.title
        ? md`\n${t(locale, 'replies.scoring.publishedAs', { title: safe(table.titleAsPublished) })}`
        : literal('');
    const note = table.note ? md`\n${safe(table.note)}` : literal('');
    return { name: md`${safe(table.title)}${where}`, value: md`${points}${published}${note}` };
  });
  const rules = model.files.scoring.rules;
  const spa = model.rounds.filter((r) => r.scoring.length > 1).map((r) => r.round);
  const pole = rules.pole_position_points ? md` (${rules.pole_position_points})` : literal('');
  return {
    title: t(locale, 'replies.scoring.title', { season: safe(model.name) }),
    description: joinSafe(
      [
        t(locale, 'replies.scoring.positions', { count: rules.points_positions, pole }),
        t(locale, 'replies.scoring.distance', { percent: rules.classification_distance_percent }),
        t(locale, 'replies.scoring.minDrive', { minutes: rules.minimum_drive_minutes }),
        spa.length > 0
          ? t(locale, 'replies.scoring.stages', { rounds: safe(formatRounds(spa, Number.MAX_SAFE_INTEGER)) })
          : null,
        literal(''),
        md`> ${safe(rules.text)}`,
      ].filter((l) => l !== null),
      '\n',
    ),
    color: COLOURS.scoring,
    fields,
    footer: sourceFooter(model, locale),
  };
}
