import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { OrderLine } from '../season/classification-schema.js';
import { defaultCrew, entryForRound } from '../season/crews.js';
import type { Round, SeasonModel } from '../season/model.js';
import { className, personWithFlag, teamName } from './common.js';
import { fitLines, LIMITS } from './limits.js';
import { bold, joinSafe, literal, md, type SafeEmbedField, type SafeText, safe } from './safe-text.js';

/**
 * The round's class classifications as fields, one per class and scoring stage, in calendar order: every
 * car by class position, then the unclassified with their status, then the round's penalties. Empty when
 * the round has no classification (as every 2013 round).
 */
export function classificationFields(model: SeasonModel, round: Round, locale: Locale): SafeEmbedField[] {
  const data = model.classifications.get(round.round)?.data;
  if (!data) return [];
  const fields: SafeEmbedField[] = [];
  for (const { id: classId } of model.classes)
    for (const { stage } of round.scoring) {
      const found = data.classifications.find((c) => c.class === classId && c.stage === stage);
      if (!found) continue;
      const lines = found.order.map((line) => orderLine(model, classId, round.round, line));
      const stageName = round.scoring.length > 1 ? md` · ${safe(stage)}` : literal('');
      fields.push({
        name: t(locale, 'replies.classification.title', {
          class: className(model, classId),
          stage: stageName,
        }),
        value: fitLines(
          lines.length,
          (i) => lines[i] ?? literal(''),
          LIMITS.fieldValue,
          (left) => t(locale, 'replies.classification.moreCars', { left }),
        ),
      });
    }
  if (data.penalties.length > 0) {
    const lines = data.penalties.map((p) => {
      const who =
        p.person !== null
          ? personWithFlag(model, p.person)
          : p.car !== null
            ? t(locale, 'replies.classification.car', { car: safe(String(p.car)) })
            : literal('?');
      return t(locale, 'replies.classification.penalty', {
        class: className(model, p.class),
        who,
        points: p.points,
        reason: safe(p.reason),
      });
    });
    fields.push({
      name: t(locale, 'replies.classification.penalties'),
      value: fitLines(
        lines.length,
        (i) => lines[i] ?? literal(''),
        LIMITS.fieldValue,
        (left) => t(locale, 'replies.classification.more', { left }),
      ),
    });
  }
  return fields;
}

/** "`1.` #22 Meridian GT — Gia Greco, Hugo Hale" or "`DNF` #7 Kestrel Racing — …". */
export function orderLine(model: SeasonModel, classId: string, round: number, line: OrderLine): SafeText {
  const found = entryForRound(model, classId, line.car, round);
  const team = found.ok ? md` ${safe(teamName(model, found.entry.teamId))}` : literal('');
  const scorers = line.drivers ?? (found.ok ? defaultCrew(found.entry, round) : []);
  const crew =
    scorers.length > 0
      ? md` — ${joinSafe(
          scorers.map((id) => personWithFlag(model, id)),
          ', ',
        )}`
      : literal('');
  const place = line.position === null ? safe(line.status ?? '–') : safe(`${line.position}.`);
  return md`\`${place}\` ${bold(md`#${line.car}`)}${team}${crew}`;
}
