import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { SeasonModel } from '../season/model.js';
import {
  type ComputedRow,
  computeStandings,
  latestClassifiedRound,
  type StageScore,
} from '../season/standings-engine.js';
import { className, personWithFlag, roundLabel, teamName } from './common.js';
import { movementMark } from './computed-standings.js';
import { fitLines, LIMITS } from './limits.js';
import { joinSafe, literal, md, type SafeEmbedField, type SafeText, safe } from './safe-text.js';
import { ordinal } from './text.js';

/**
 * Where every point of a person came from, per class computed from the round classifications (classes
 * with a published table keep the published figures and get nothing here): the standing after the latest
 * round with movement, then per round and stage the class position, points table and points; penalties;
 * dropped results.
 */
export function computedStandingFields(
  model: SeasonModel,
  personId: string,
  locale: Locale,
): SafeEmbedField[] {
  const fields: SafeEmbedField[] = [];
  for (const { id: classId } of model.classes) {
    if (model.standings.has(classId)) continue;
    const latest = latestClassifiedRound(model, classId);
    if (latest === null) continue;
    const table = computeStandings(model, classId, latest);
    const row = [...table.rows, ...table.zeroRows].find((r) => r.personIds.includes(personId));
    if (!row) continue;
    const lines = breakdownLines(model, row, personId, latest, locale);
    const value = fitLines(
      lines.length,
      (i) => lines[i] ?? literal(''),
      LIMITS.fieldValue,
      (left) => t(locale, 'replies.breakdown.moreLines', { left }),
    );
    fields.push({ name: t(locale, 'replies.breakdown.title', { class: className(model, classId) }), value });
  }
  return fields;
}

function breakdownLines(
  model: SeasonModel,
  row: ComputedRow,
  personId: string,
  afterRound: number,
  locale: Locale,
): SafeText[] {
  const listed = row.points !== 0;
  const position = row.tied ? md`=${ordinal(row.position, locale)}` : ordinal(row.position, locale);
  const team = row.teamId ? md` · ${safe(teamName(model, row.teamId))}` : literal('');
  const lines: SafeText[] = [
    listed
      ? md`${t(locale, 'replies.breakdown.listed', { position, points: row.points, round: afterRound })}${movementSince(row, afterRound, locale)}${team}`
      : md`${t(locale, 'replies.breakdown.zero', { round: afterRound })}${team}`,
  ];
  const mates = row.personIds.filter((id) => id !== personId).map((id) => personWithFlag(model, id));
  if (mates.length > 0) lines.push(t(locale, 'replies.common.sharesRow', { names: joinSafe(mates, ', ') }));
  for (const result of row.results) lines.push(stageLine(model, result, locale));
  for (const penalty of row.penalties) {
    const round = model.rounds[penalty.round - 1];
    const car =
      penalty.car === null
        ? literal('')
        : md` ${t(locale, 'replies.breakdown.penaltyCar', { car: safe(String(penalty.car)) })}`;
    lines.push(
      t(locale, 'replies.breakdown.penalty', {
        round: round ? roundLabel(round) : md`R${penalty.round}`,
        points: penalty.points,
        car,
        reason: safe(penalty.reason),
      }),
    );
  }
  if (row.droppedRounds.length > 0)
    lines.push(
      t(locale, 'replies.breakdown.dropped', {
        rounds: joinSafe(
          row.droppedRounds.map((r) => safe(`R${r}`)),
          ', ',
        ),
      }),
    );
  return lines;
}

/** " (▲1 since round 2)", " (unchanged since round 2)", " (new since round 2)"; nothing after round 1. */
function movementSince(row: ComputedRow, afterRound: number, locale: Locale): SafeText {
  const mark = movementMark(row.position, row.previousPosition, afterRound);
  if (!mark) return literal('');
  const round = afterRound - 1;
  if (mark === '–') return md` (${t(locale, 'replies.breakdown.unchanged', { round })})`;
  if (mark === 'new') return md` (${t(locale, 'replies.breakdown.new', { round })})`;
  return md` (${t(locale, 'replies.breakdown.moved', { mark: safe(mark), round })})`;
}

/** "R3 Spa-Francorchamps 6h: P2 · Spa 6 h & 12 h table · 12 pts (dropped)" */
function stageLine(model: SeasonModel, result: StageScore, locale: Locale): SafeText {
  const round = model.rounds[result.round - 1];
  const stage = round && round.scoring.length > 1 ? md` ${safe(result.stage)}` : literal('');
  const where = round ? roundLabel(round) : md`R${result.round}`;
  const place =
    result.position === null
      ? result.status
        ? safe(result.status)
        : t(locale, 'replies.breakdown.unclassified')
      : md`P${result.position}`;
  const table = safe(model.pointsTables.get(result.tableId)?.title ?? result.tableId);
  const dropped = result.dropped ? md` ${t(locale, 'replies.breakdown.droppedMark')}` : literal('');
  const points = t(locale, 'replies.common.points', { points: result.points });
  return md`${where}${stage}: ${place} · #${result.car} · ${table} · ${points}${dropped}`;
}
