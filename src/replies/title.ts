import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { SeasonModel, StandingsTable } from '../season/model.js';
import type { MarginTerm, NeedStatement } from '../season/title-maths.js';
import { type TitleRace, titleRace, YET_TO_SCORE } from '../season/title-race.js';
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
import { listText } from './text.js';

/** A contender's name as shown: the crew's drivers with flags, or "any driver yet to score" (as a rival). */
export function contenderName(model: SeasonModel, race: TitleRace, id: string, locale: Locale): SafeText {
  if (id === YET_TO_SCORE) return t(locale, 'replies.title.yetToScore');
  const row = race.rows.get(id);
  if (!row) return safe(id);
  return joinSafe(
    row.personIds.map((p) => personWithFlag(model, p)),
    ' / ',
  );
}

/** "round 4 (Nürburgring)" */
function roundName(model: SeasonModel, round: number, locale: Locale): SafeText {
  return t(locale, 'replies.title.roundName', {
    round,
    name: safe(model.rounds[round - 1]?.short_name ?? ''),
  });
}

function atRound(model: SeasonModel, round: number): SafeText {
  const r = model.rounds[round - 1];
  return r ? safe(r.short_name) : md`R${round}`;
}

/** Margins joined with "and"; rivals with the same margin share one: "outscoring A and B by 18 or more". */
function marginsText(
  model: SeasonModel,
  race: TitleRace,
  terms: readonly MarginTerm[],
  locale: Locale,
): SafeText {
  const byMargin = new Map<number, SafeText[]>();
  for (const term of terms)
    byMargin.set(term.atLeast, [
      ...(byMargin.get(term.atLeast) ?? []),
      contenderName(model, race, term.rivalId, locale),
    ]);
  return listText(
    [...byMargin].map(([atLeast, names]) =>
      t(locale, 'replies.title.margin', {
        kind: atLeast > 0 ? literal('ahead') : atLeast === 0 ? literal('level') : literal('behind'),
        names: listText(names, locale),
        points: Math.abs(atLeast),
      }),
    ),
    locale,
  );
}

/** The sentence for one statement of the title maths; the condition is about points scored at that round. */
export function needSentence(
  model: SeasonModel,
  race: TitleRace,
  need: NeedStatement,
  locale: Locale,
): SafeText {
  const who = bold(contenderName(model, race, need.contenderId, locale));
  const where = atRound(model, need.round);
  if (need.kind === 'open')
    return t(locale, 'replies.title.needOpen', { who, behind: need.behind, available: need.available });
  if (need.kind === 'safe') return t(locale, 'replies.title.needSafe', { who, where });
  const last = race.remaining.length === 1;
  // At the last round "still in contention" means ending first, alone or level with the tie-break unsettled.
  const goal =
    need.goal === 'clinch'
      ? last
        ? literal('win')
        : literal('clinch')
      : last
        ? literal('share')
        : literal('stay');
  if (need.terms.length === 0) return t(locale, 'replies.title.needAnyway', { goal, who, where });
  const exact =
    need.onlyIf.length === need.terms.length &&
    need.onlyIf.every((o, i) => o.rivalId === need.terms[i]?.rivalId && o.atLeast === need.terms[i]?.atLeast);
  const how = marginsText(model, race, need.terms, locale);
  // A tie the countback would settle is called, saying so.
  const ties = need.terms
    .filter((term) => term.level !== undefined)
    .map((term) => {
      const rival = contenderName(model, race, term.rivalId, locale);
      return md` ${t(locale, 'replies.title.tie', { rival, winner: term.level === 'contender' ? who : rival })}`;
    });
  const sentence = t(locale, exact ? 'replies.title.needOnly' : 'replies.title.needCountback', {
    goal,
    who,
    where,
    how,
  });
  return md`${sentence}${joinSafe(ties, '')}`;
}

/** How the champions are named: a shared title, a crew, or one driver. */
function championShape(champions: number, crew: number): SafeText {
  return champions > 1 ? literal('shared') : crew > 1 ? literal('crew') : literal('one');
}

function decidedValues(model: SeasonModel, race: TitleRace, locale: Locale) {
  return race.decidedAt === null
    ? { decided: literal('no'), where: literal('') }
    : { decided: literal('yes'), where: roundName(model, race.decidedAt, locale) };
}

function statusLine(model: SeasonModel, race: TitleRace, locale: Locale): SafeText {
  const { analysis } = race;
  const name = (id: string) => contenderName(model, race, id, locale);
  const left = race.remaining.length;
  if (analysis.champions) {
    const crew = race.rows.get(analysis.champions[0] ?? '')?.personIds.length ?? 1;
    return t(locale, 'replies.title.decided', {
      names: listText(analysis.champions.map(name), locale),
      shape: championShape(analysis.champions.length, crew),
      points: analysis.standings[0]?.points ?? 0,
      ...decidedValues(model, race, locale),
    });
  }
  if (analysis.clinchedBy !== null)
    return t(locale, 'replies.title.clinched', {
      name: name(analysis.clinchedBy),
      left,
      ...decidedValues(model, race, locale),
    });
  // Counted as listed below; a driver yet to score who could still win gets a line of their own.
  const alive = analysis.standings.filter((s) => s.inContention && s.id !== YET_TO_SCORE).length;
  const available = race.remaining.reduce((a, r) => a + r.maxPoints, 0);
  return t(locale, 'replies.title.open', { alive, available, left });
}

function marginLine(model: SeasonModel, race: TitleRace, locale: Locale): SafeText {
  const { analysis } = race;
  const leader = analysis.standings[0];
  const second = analysis.standings[1];
  if (!leader || !second) return literal('');
  const a = contenderName(model, race, leader.id, locale);
  const b = contenderName(model, race, second.id, locale);
  return leader.points === second.points
    ? t(locale, 'replies.title.level', {
        a,
        b,
        points: leader.points,
        countback: analysis.leaders.length === 1 ? literal('yes') : literal('no'),
      })
    : t(locale, 'replies.title.leader', { a, b, points: leader.points, gap: leader.points - second.points });
}

function contenderFields(model: SeasonModel, race: TitleRace, locale: Locale): SafeEmbedField[] {
  const { analysis } = race;
  const name = (id: string) => contenderName(model, race, id, locale);
  const leader = analysis.standings[0];
  const more = (left: number) => t(locale, 'replies.title.more', { left });
  const fields: SafeEmbedField[] = [];
  const contenders = analysis.standings.filter((s) => s.inContention && s.id !== YET_TO_SCORE);
  fields.push({
    name: t(locale, 'replies.title.canStillWin'),
    value: fitLines(
      contenders.length,
      (i) => {
        const s = contenders[i] as (typeof contenders)[number];
        return t(locale, 'replies.title.contender', {
          name: name(s.id),
          points: s.points,
          behind: (leader?.points ?? 0) - s.points,
          available: s.available,
        });
      },
      LIMITS.fieldValue,
      more,
    ),
  });
  if (analysis.standings.some((s) => s.id === YET_TO_SCORE && s.inContention))
    fields.push({
      name: t(locale, 'replies.title.anyoneElse'),
      value: t(locale, 'replies.title.anyoneElseText'),
    });
  const needs = analysis.needs.filter((n) => n.contenderId !== YET_TO_SCORE);
  const next = race.remaining[0];
  if (next && needs.length > 0)
    fields.push({
      name: t(locale, 'replies.title.needsHeading', { where: atRound(model, next.round), round: next.round }),
      value: fitLines(
        needs.length,
        (i) => needSentence(model, race, needs[i] as NeedStatement, locale),
        LIMITS.fieldValue,
        more,
      ),
    });
  return fields;
}

/** The title fight of a class computed from its round classifications. */
export function buildTitleEmbed(model: SeasonModel, race: TitleRace, locale: Locale): SafeEmbed {
  const { analysis } = race;
  const decided = analysis.champions !== null || analysis.clinchedBy !== null;
  const out = decided ? 0 : analysis.standings.filter((s) => !s.inContention && s.id !== YET_TO_SCORE).length;
  const after = t(locale, 'replies.title.after', { round: roundName(model, race.afterRound, locale) });
  const outLine = out > 0 ? md`\n${t(locale, 'replies.title.outRows', { count: out })}` : literal('');
  return {
    title: t(locale, 'replies.title.title', {
      class: className(model, race.classId),
      season: safe(model.name),
    }),
    description: md`${statusLine(model, race, locale)}\n${marginLine(model, race, locale)}${outLine}\n-# ${after} ${t(locale, 'replies.title.note')}`,
    fields: decided ? [] : contenderFields(model, race, locale),
    color: COLOURS.standings,
    footer: sourceFooter(model, locale),
  };
}

/**
 * A class with a published table (2013): the final title is known from the published totals, but the
 * points after each round are not, so nothing about how it unfolded is guessed.
 */
export function buildPublishedTitleEmbed(
  model: SeasonModel,
  table: StandingsTable,
  askedRound: number | null,
  locale: Locale,
): SafeEmbed {
  const first = table.rows.filter((r) => r.position === 1);
  const names = listText(
    first.map((r) =>
      joinSafe(
        r.drivers.map((d) => personWithFlag(model, d.personId)),
        ' / ',
      ),
    ),
    locale,
  );
  const decided = t(locale, 'replies.title.published', {
    names,
    shape: championShape(first.length, first[0]?.drivers.length ?? 1),
    points: first[0]?.points ?? 0,
  });
  const asked =
    askedRound !== null
      ? md`${t(locale, 'replies.title.publishedUnknownRound', { round: roundName(model, askedRound, locale) })} `
      : literal('');
  const why = t(locale, 'replies.title.publishedWhy', {
    cells: table.cellsMeaning === 'overall-positions' ? literal('overall') : literal('totals'),
  });
  return {
    title: t(locale, 'replies.title.title', {
      class: className(model, table.classId),
      season: safe(model.name),
    }),
    description: md`${decided}\n\n${asked}${why}`,
    color: COLOURS.standings,
    footer: sourceFooter(model, locale),
  };
}

/**
 * For a round's recap: one line per class whose title that round decided ("🏆 … clinched the Pro-Am Cup
 * title at Nürburgring."), or null when it decided none. Only computed classes: a published table (2013)
 * has no per-round points, so it never says which round decided it.
 */
export function titleDecidedLine(model: SeasonModel, round: number, locale: Locale): SafeText | null {
  const lines: SafeText[] = [];
  for (const c of model.classes) {
    if (
      model.standings.has(c.id) ||
      !model.classifications.get(round)?.data.classifications.some((k) => k.class === c.id)
    )
      continue;
    const race = titleRace(model, c.id, round);
    if (race.decidedAt !== round || race.analysis.clinchedBy === null) continue;
    lines.push(
      t(locale, 'replies.title.decidedLine', {
        who: contenderName(model, race, race.analysis.clinchedBy, locale),
        final: race.remaining.length === 0 ? literal('yes') : literal('no'),
        class: className(model, c.id),
        where: atRound(model, round),
      }),
    );
  }
  return lines.length > 0 ? joinSafe(lines, '\n') : null;
}
