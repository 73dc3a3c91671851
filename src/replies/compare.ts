import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
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

function stageResult(score: StageScore, locale: Locale): SafeText {
  const place = score.position === null ? safe(score.status ?? 'NC') : ordinal(score.position, locale);
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

function signed(n: number, locale: Locale): SafeText {
  return n > 0 ? md`+${n}` : n < 0 ? md`−${-n}` : t(locale, 'replies.compare.level');
}

function summaryLine(
  model: SeasonModel,
  classId: string,
  names: { a: SafeText; b: SafeText },
  h2h: HeadToHead,
  locale: Locale,
): SafeText {
  const gap = h2h.points.a - h2h.points.b;
  return t(locale, 'replies.compare.summary', {
    class: className(model, classId),
    a: bold(names.a),
    b: bold(names.b),
    pointsA: h2h.points.a,
    pointsB: h2h.points.b,
    side: gap === 0 ? literal('level') : gap > 0 ? literal('a') : literal('b'),
    leader: gap >= 0 ? names.a : names.b,
    by: Math.abs(gap),
  });
}

/** Two drivers side by side, from the round classifications. */
export function buildCompareEmbed(
  model: SeasonModel,
  a: string,
  b: string,
  h2h: HeadToHead,
  locale: Locale,
): SafeEmbed {
  const nameA = personWithFlag(model, a);
  const nameB = personWithFlag(model, b);
  const title = t(locale, 'replies.compare.title', { a: nameA, b: nameB, season: safe(model.name) });
  if (h2h.classId === null)
    return {
      title,
      description: t(locale, 'replies.compare.noCommonClass'),
      color: COLOURS.person,
      footer: sourceFooter(model, locale),
    };
  const rivals = h2h.stages.filter((s) => !s.sameCar);
  const lines: SafeText[] = [
    summaryLine(model, h2h.classId, { a: nameA, b: nameB }, h2h, locale),
    rivals.length > 0
      ? t(locale, 'replies.compare.aheadInClass', {
          stages: rivals.length,
          a: nameA,
          b: nameB,
          countA: h2h.aheadCount.a,
          countB: h2h.aheadCount.b,
        })
      : t(locale, 'replies.compare.neverRivals'),
    h2h.sharedCarRounds.length > 0
      ? t(locale, 'replies.compare.sharedCar', {
          count: h2h.sharedCarRounds.length,
          rounds: roundsList(h2h.sharedCarRounds),
        })
      : t(locale, 'replies.compare.neverShared'),
  ];
  const fields: SafeEmbedField[] = [
    {
      name: t(locale, 'replies.compare.stagesHeading'),
      value: fitLines(
        h2h.stages.length,
        (i) => {
          const s = h2h.stages[i] as SharedStage;
          if (s.sameCar)
            return t(locale, 'replies.compare.sameCar', {
              stage: stageLabel(model, s),
              car: s.a.car,
              result: stageResult(s.a, locale),
            });
          const mark = s.ahead === 'a' ? md` ◀ ${nameA}` : s.ahead === 'b' ? md` ◀ ${nameB}` : literal('');
          return t(locale, 'replies.compare.stageLine', {
            stage: stageLabel(model, s),
            a: stageResult(s.a, locale),
            b: stageResult(s.b, locale),
            mark,
          });
        },
        LIMITS.fieldValue,
        (left) => t(locale, 'replies.compare.moreStages', { left }),
      ),
    },
    {
      name: t(locale, 'replies.compare.gapsHeading', { a: nameA, b: nameB }),
      value: fitLines(
        h2h.gaps.length,
        (i) => {
          const g = h2h.gaps[i] as HeadToHead['gaps'][number];
          return t(locale, 'replies.compare.gapLine', {
            round: g.round,
            a: g.a,
            b: g.b,
            gap: signed(g.a - g.b, locale),
          });
        },
        LIMITS.fieldValue,
        (left) => t(locale, 'replies.compare.moreRounds', { left }),
      ),
    },
  ];
  return {
    title,
    description: joinSafe(lines, '\n'),
    fields,
    color: COLOURS.person,
    footer: sourceFooter(model, locale),
  };
}

/** Two drivers of a season with published tables only: the published rows, nothing derived. */
export function buildPublishedCompareEmbed(
  model: SeasonModel,
  a: string,
  b: string,
  h2h: PublishedHeadToHead,
  locale: Locale,
): SafeEmbed {
  const side = (personId: string, found: PublishedHeadToHead['a']) => {
    const name = bold(personWithFlag(model, personId));
    return found
      ? t(locale, 'replies.compare.publishedSide', {
          name,
          class: className(model, found.classId),
          position: found.row.tied ? positionLabel(found.row.position, true) : md`P${found.row.position}`,
          points: found.row.points,
        })
      : t(locale, 'replies.compare.notInTable', { name });
  };
  const shared =
    h2h.sharedCarRounds.length > 0
      ? t(locale, 'replies.compare.publishedShared', {
          count: h2h.sharedCarRounds.length,
          rounds: roundsList(h2h.sharedCarRounds),
        })
      : t(locale, 'replies.compare.publishedNeverShared');
  return {
    title: t(locale, 'replies.compare.title', {
      a: personWithFlag(model, a),
      b: personWithFlag(model, b),
      season: safe(model.name),
    }),
    description: md`${side(a, h2h.a)}\n${side(b, h2h.b)}\n${shared}\n\n${t(locale, 'replies.compare.publishedNote')}`,
    color: COLOURS.person,
    footer: sourceFooter(model, locale),
  };
}
