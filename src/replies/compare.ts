import type { HeadToHead, PublishedHeadToHead, SharedStage } from '../season/head-to-head.js';
import type { SeasonModel } from '../season/model.js';
import type { StageScore } from '../season/standings-engine.js';
import { COLOURS, className, personWithFlag, sourceFooter } from './common.js';
import { fitLines, LIMITS } from './limits.js';
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
import { ordinal, positionLabel } from './text.js';

function stageResult(score: StageScore): SafeText {
  const place = score.position === null ? safe(score.status ?? 'NC') : ordinal(score.position, 'en');
  return md`${place} (${score.points})`;
}

function stageLabel(model: SeasonModel, s: SharedStage): SafeText {
  const round = model.rounds[s.round - 1];
  const name = md`R${s.round} ${safe(round?.short_name ?? '')}`;
  return (round?.scoring.length ?? 1) > 1 ? md`${name} ${safe(s.stage)}` : name;
}

function roundsList(rounds: readonly number[]): SafeText {
  return joinSafe(rounds, ', ');
}

function signed(n: number): SafeText {
  return n > 0 ? md`+${n}` : n < 0 ? md`−${-n}` : literal('level');
}

function pointsGap(nameA: SafeText, nameB: SafeText, gap: number): SafeText {
  if (gap === 0) return literal('level on points');
  return gap > 0 ? md`${nameA} ahead by ${gap}` : md`${nameB} ahead by ${-gap}`;
}

/** Two drivers side by side, from the round classifications. */
export function buildCompareEmbed(model: SeasonModel, a: string, b: string, h2h: HeadToHead): SafeEmbed {
  const nameA = personWithFlag(model, a);
  const nameB = personWithFlag(model, b);
  const title = md`${nameA} vs ${nameB} — ${safe(model.name)}`;
  if (h2h.classId === null)
    return {
      title,
      description: md`They have not raced in the same class in any classified round, so there is nothing to set side by side.`,
      color: COLOURS.person,
      footer: sourceFooter(model, 'en'),
    };
  const rivals = h2h.stages.filter((s) => !s.sameCar);
  const lines: SafeText[] = [
    md`${className(model, h2h.classId)}: ${bold(nameA)} ${h2h.points.a} pts · ${bold(nameB)} ${h2h.points.b} pts (${pointsGap(nameA, nameB, h2h.points.a - h2h.points.b)}).`,
    rivals.length > 0
      ? md`Ahead in class, in the ${rivals.length} stage${rivals.length === 1 ? literal('') : literal('s')} both scored in other cars: ${nameA} ${h2h.aheadCount.a}, ${nameB} ${h2h.aheadCount.b}.`
      : literal('They never finished a stage in different cars.'),
    h2h.sharedCarRounds.length > 0
      ? md`Shared one car in round${h2h.sharedCarRounds.length === 1 ? literal('') : literal('s')} ${roundsList(h2h.sharedCarRounds)}.`
      : literal('Never in the same car.'),
  ];
  const fields: SafeEmbedField[] = [
    {
      name: literal('Stage by stage (class position, points)'),
      value: fitLines(
        h2h.stages.length,
        (i) => {
          const s = h2h.stages[i] as SharedStage;
          if (s.sameCar) return md`${stageLabel(model, s)}: same car #${s.a.car}, ${stageResult(s.a)}`;
          const mark = s.ahead === 'a' ? md` ◀ ${nameA}` : s.ahead === 'b' ? md` ◀ ${nameB}` : literal('');
          return md`${stageLabel(model, s)}: ${stageResult(s.a)} · ${stageResult(s.b)}${mark}`;
        },
        LIMITS.fieldValue,
        (left) => md`… and ${left} more stages`,
      ),
    },
    {
      name: md`Points after each round (${nameA} · ${nameB} · gap)`,
      value: fitLines(
        h2h.gaps.length,
        (i) => {
          const g = h2h.gaps[i] as HeadToHead['gaps'][number];
          return md`after R${g.round}: ${g.a} · ${g.b} · ${signed(g.a - g.b)}`;
        },
        LIMITS.fieldValue,
        (left) => md`… and ${left} more rounds`,
      ),
    },
  ];
  return {
    title,
    description: joinSafe(lines, '\n'),
    fields,
    color: COLOURS.person,
    footer: sourceFooter(model, 'en'),
  };
}

/** Two drivers of a season with published tables only: the published rows, nothing derived. */
export function buildPublishedCompareEmbed(
  model: SeasonModel,
  a: string,
  b: string,
  h2h: PublishedHeadToHead,
): SafeEmbed {
  const side = (personId: string, found: PublishedHeadToHead['a']) =>
    found
      ? md`${bold(personWithFlag(model, personId))}: ${className(model, found.classId)} ${found.row.tied ? positionLabel(found.row.position, true) : md`P${found.row.position}`}, ${found.row.points} points`
      : md`${bold(personWithFlag(model, personId))}: not in a published table`;
  const shared =
    h2h.sharedCarRounds.length > 0
      ? md`The entry list has them in one car in round${h2h.sharedCarRounds.length === 1 ? literal('') : literal('s')} ${roundsList(h2h.sharedCarRounds)}.`
      : literal('The entry list never has them in one car (where it gives the rounds).');
  return {
    title: md`${personWithFlag(model, a)} vs ${personWithFlag(model, b)} — ${safe(model.name)}`,
    description: md`${side(a, h2h.a)}\n${side(b, h2h.b)}\n${shared}\n\nPer-round points cannot be derived from what was published for this season (only final totals, and overall rather than class positions), so there is no stage-by-stage comparison or gap over time.`,
    color: COLOURS.person,
    footer: sourceFooter(model, 'en'),
  };
}
