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
import { bold, joinSafe, literal, md, type SafeEmbedField, type SafeText, safe } from './safe-text.js';
import { ordinal } from './text.js';

/**
 * Where every point of a person came from, per class computed from the round classifications (classes
 * with a published table keep the published figures and get nothing here): the standing after the latest
 * round with movement, then per round and stage the class position, points table and points; penalties;
 * dropped results.
 */
export function computedStandingFields(model: SeasonModel, personId: string): SafeEmbedField[] {
  const fields: SafeEmbedField[] = [];
  for (const { id: classId } of model.classes) {
    if (model.standings.has(classId)) continue;
    const latest = latestClassifiedRound(model, classId);
    if (latest === null) continue;
    const table = computeStandings(model, classId, latest);
    const row = [...table.rows, ...table.zeroRows].find((r) => r.personIds.includes(personId));
    if (!row) continue;
    const lines = breakdownLines(model, row, personId, latest);
    const value = fitLines(
      lines.length,
      (i) => lines[i] ?? literal(''),
      LIMITS.fieldValue,
      (left) => md`… and ${left} more lines`,
    );
    fields.push({ name: md`${className(model, classId)} standing (computed)`, value });
  }
  return fields;
}

function breakdownLines(
  model: SeasonModel,
  row: ComputedRow,
  personId: string,
  afterRound: number,
): SafeText[] {
  const listed = row.points !== 0;
  const position = row.tied ? md`=${ordinal(row.position)}` : ordinal(row.position);
  const team = row.teamId ? md` · ${safe(teamName(model, row.teamId))}` : literal('');
  const lines: SafeText[] = [
    listed
      ? md`${bold(position)} with ${bold(md`${row.points} points`)} after round ${afterRound}${movementSince(row, afterRound)}${team}`
      : md`${bold(literal('0 points'))} after round ${afterRound}, so not listed in the table${team}`,
  ];
  const mates = row.personIds.filter((id) => id !== personId).map((id) => personWithFlag(model, id));
  if (mates.length > 0) lines.push(md`Shares the row with ${joinSafe(mates, ', ')}`);
  for (const result of row.results) lines.push(stageLine(model, result));
  for (const penalty of row.penalties) {
    const round = model.rounds[penalty.round - 1];
    const car = penalty.car === null ? literal('') : md` (car #${penalty.car})`;
    lines.push(
      md`${round ? roundLabel(round) : md`R${penalty.round}`} penalty ${bold(md`−${penalty.points}`)}${car}: ${safe(penalty.reason)}`,
    );
  }
  if (row.droppedRounds.length > 0)
    lines.push(
      md`Dropped (only the best results count): ${joinSafe(
        row.droppedRounds.map((r) => safe(`R${r}`)),
        ', ',
      )}`,
    );
  return lines;
}

/** " (▲1 since round 2)", " (unchanged since round 2)", " (new since round 2)"; nothing after round 1. */
function movementSince(row: ComputedRow, afterRound: number): SafeText {
  const mark = movementMark(row.position, row.previousPosition, afterRound);
  if (!mark) return literal('');
  return md` (${safe(mark === '–' ? 'unchanged' : mark)} since round ${afterRound - 1})`;
}

/** "R3 Spa-Francorchamps 6h: P2 · Spa 6 h & 12 h table · 12 pts (dropped)" */
function stageLine(model: SeasonModel, result: StageScore): SafeText {
  const round = model.rounds[result.round - 1];
  const stage = round && round.scoring.length > 1 ? md` ${safe(result.stage)}` : literal('');
  const where = round ? roundLabel(round) : md`R${result.round}`;
  const place = result.position === null ? safe(result.status ?? 'unclassified') : md`P${result.position}`;
  const table = safe(model.pointsTables.get(result.tableId)?.title ?? result.tableId);
  const dropped = result.dropped ? literal(' (dropped)') : literal('');
  return md`${where}${stage}: ${place} · #${result.car} · ${table} · ${result.points} pts${dropped}`;
}
