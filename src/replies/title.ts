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

/** A contender's name as shown: the crew's drivers with flags, or "any driver yet to score" (as a rival). */
export function contenderName(model: SeasonModel, race: TitleRace, id: string): SafeText {
  if (id === YET_TO_SCORE) return literal('any driver yet to score');
  const row = race.rows.get(id);
  if (!row) return safe(id);
  return joinSafe(
    row.personIds.map((p) => personWithFlag(model, p)),
    ' / ',
  );
}

function roundName(model: SeasonModel, round: number): SafeText {
  const r = model.rounds[round - 1];
  return r ? md`round ${round} (${safe(r.short_name)})` : md`round ${round}`;
}

function atRound(model: SeasonModel, round: number): SafeText {
  const r = model.rounds[round - 1];
  return r ? safe(r.short_name) : md`round ${round}`;
}

function points(n: number): SafeText {
  return Math.abs(n) === 1 ? md`${n} point` : md`${n} points`;
}

/** One margin at the next round, in words: "outscoring A by 11 or more", "losing no more than 4 points to A". */
function marginText(name: SafeText, atLeast: number): SafeText {
  if (atLeast > 0) return md`outscoring ${name} by ${atLeast} or more`;
  if (atLeast === 0) return md`scoring at least as many points as ${name}`;
  return md`losing no more than ${points(-atLeast)} to ${name}`;
}

/** Margins joined with "and"; rivals with the same margin share one: "outscoring A and B by 18 or more". */
function marginsText(model: SeasonModel, race: TitleRace, terms: readonly MarginTerm[]): SafeText {
  const byMargin = new Map<number, SafeText[]>();
  for (const t of terms)
    byMargin.set(t.atLeast, [...(byMargin.get(t.atLeast) ?? []), contenderName(model, race, t.rivalId)]);
  return joinSafe(
    [...byMargin].map(([atLeast, names]) => marginText(joinSafe(names, ' and '), atLeast)),
    ' and ',
  );
}

/** The sentence for one statement of the title maths; the condition is about points scored at that round. */
export function needSentence(model: SeasonModel, race: TitleRace, need: NeedStatement): SafeText {
  const who = bold(contenderName(model, race, need.contenderId));
  const where = atRound(model, need.round);
  if (need.kind === 'open')
    return md`${who}: still in contention, ${points(need.behind)} behind with ${need.available} available.`;
  if (need.kind === 'safe') return md`${who} stays in contention whatever happens at ${where}.`;
  const last = race.remaining.length === 1;
  // At the last round "still in contention" means ending first, alone or level with the tie-break unsettled.
  const goal =
    need.goal === 'clinch'
      ? last
        ? md`${who} wins the title at ${where}`
        : md`${who} clinches the title at ${where}`
      : last
        ? md`${who} wins or shares the title at ${where}`
        : md`${who} stays in contention at ${where}`;
  if (need.terms.length === 0) return md`${goal} whatever happens there.`;
  const exact =
    need.onlyIf.length === need.terms.length &&
    need.onlyIf.every((t, i) => t.rivalId === need.terms[i]?.rivalId && t.atLeast === need.terms[i]?.atLeast);
  const how = marginsText(model, race, need.terms);
  // A tie the countback would settle is called, saying so.
  const ties = need.terms
    .filter((t) => t.level !== undefined)
    .map(
      (t) =>
        md` Level on points with ${contenderName(model, race, t.rivalId)}, the countback goes to ${t.level === 'contender' ? who : contenderName(model, race, t.rivalId)}.`,
    );
  const tieText = joinSafe(ties, '');
  if (exact) return md`${goal} by ${how} there, and only that way.${tieText}`;
  return md`${goal} by ${how} there; a point less on a margin leaves it to the countback.${tieText}`;
}

/** The title fight of a class computed from its round classifications. */
export function buildTitleEmbed(model: SeasonModel, race: TitleRace): SafeEmbed {
  const { analysis } = race;
  const name = (id: string) => contenderName(model, race, id);
  const after = md`After ${roundName(model, race.afterRound)}, computed from the round classifications.`;
  const leader = analysis.standings[0];
  const second = analysis.standings[1];
  const fields: SafeEmbedField[] = [];
  let status: SafeText;
  if (analysis.champions) {
    status = md`🏆 **Decided**: ${joinSafe(analysis.champions.map(name), ' and ')} ${analysis.champions.length > 1 ? literal('share the title') : championWord(race.rows.get(analysis.champions[0] ?? '')?.personIds.length ?? 1)} with ${points(leader?.points ?? 0)}${decidedText(model, race)}.`;
  } else if (analysis.clinchedBy !== null) {
    status = md`🏆 **Decided**: ${name(analysis.clinchedBy)} has clinched the title${decidedText(model, race)}; no one can catch up in the ${race.remaining.length} round${race.remaining.length === 1 ? literal('') : literal('s')} left.`;
  } else {
    // Counted as listed below; a driver yet to score who could still win gets a line of their own.
    const alive = analysis.standings.filter((s) => s.inContention && s.id !== YET_TO_SCORE).length;
    const available = race.remaining.reduce((a, r) => a + r.maxPoints, 0);
    status = md`**Open**: ${alive} can still win. Up to ${points(available)} available to one driver in the ${race.remaining.length} round${race.remaining.length === 1 ? literal('') : literal('s')} left.`;
  }
  const margin =
    leader && second
      ? leader.points === second.points
        ? md`${name(leader.id)} and ${name(second.id)} are level on ${points(leader.points)}${analysis.leaders.length === 1 ? literal(' (the countback puts the first ahead)') : literal('')}.`
        : md`Leader ${name(leader.id)} on ${points(leader.points)}, ${points(leader.points - second.points)} clear of ${name(second.id)}.`
      : literal('');

  const contenders = analysis.standings.filter((s) => s.inContention && s.id !== YET_TO_SCORE);
  if (!analysis.champions && analysis.clinchedBy === null) {
    fields.push({
      name: literal('Can still win'),
      value: fitLines(
        contenders.length,
        (i) => {
          const s = contenders[i] as (typeof contenders)[number];
          const behind = (leader?.points ?? 0) - s.points;
          return md`${name(s.id)} — ${s.points} pts${behind > 0 ? md`, ${behind} behind` : literal('')}; ${s.available} available`;
        },
        LIMITS.fieldValue,
        (left) => md`… and ${left} more`,
      ),
    });
    if (analysis.standings.some((s) => s.id === YET_TO_SCORE && s.inContention))
      fields.push({
        name: literal('Anyone else'),
        value: literal(
          'A driver yet to score in this class could still win everything left and take the title.',
        ),
      });
    const needs = analysis.needs.filter((n) => n.contenderId !== YET_TO_SCORE);
    const next = race.remaining[0];
    if (next && needs.length > 0)
      fields.push({
        name: md`What each needs at ${atRound(model, next.round)} (round ${next.round})`,
        value: fitLines(
          needs.length,
          (i) => needSentence(model, race, needs[i] as NeedStatement),
          LIMITS.fieldValue,
          (left) => md`… and ${left} more`,
        ),
      });
  }
  const decided = analysis.champions !== null || analysis.clinchedBy !== null;
  const out = decided ? 0 : analysis.standings.filter((s) => !s.inContention && s.id !== YET_TO_SCORE).length;
  const note = literal(
    '"Outscoring" means more points at that round, all its stages together. Assumes any finishing order in the stages left and no further penalties; level totals go to the countback (most wins, then 2nds, … in each final stage).',
  );
  return {
    title: md`${className(model, race.classId)} title — ${safe(model.name)}`,
    description: md`${status}\n${margin}${out > 0 ? md`\n${out} ${out === 1 ? literal('row is') : literal('rows are')} out of contention.` : literal('')}\n-# ${after} ${note}`,
    fields,
    color: COLOURS.standings,
    footer: sourceFooter(model, 'en'),
  };
}

/** A crew that scored together is champion together. */
function championWord(drivers: number): SafeText {
  return drivers > 1 ? literal('champions') : literal('champion');
}

function decidedText(model: SeasonModel, race: TitleRace): SafeText {
  return race.decidedAt === null ? literal('') : md`, decided at ${roundName(model, race.decidedAt)}`;
}

/**
 * A class with a published table (2013): the final title is known from the published totals, but the
 * points after each round are not, so nothing about how it unfolded is guessed.
 */
export function buildPublishedTitleEmbed(
  model: SeasonModel,
  table: StandingsTable,
  askedRound: number | null,
): SafeEmbed {
  const first = table.rows.filter((r) => r.position === 1);
  const crew = first[0]?.drivers.length ?? 1;
  const names = joinSafe(
    first.map((r) =>
      joinSafe(
        r.drivers.map((d) => personWithFlag(model, d.personId)),
        ' / ',
      ),
    ),
    ' and ',
  );
  const why =
    table.cellsMeaning === 'overall-positions'
      ? literal('its per-round cells are overall finishing positions, not class points')
      : literal('it gives only the final totals');
  const asked =
    askedRound !== null ? md`The table after ${roundName(model, askedRound)} is not known. ` : literal('');
  return {
    title: md`${className(model, table.classId)} title — ${safe(model.name)}`,
    description: md`🏆 **Decided**: ${names} ${first.length > 1 ? literal('share the title') : championWord(crew)} with ${points(first[0]?.points ?? 0)} (published final table).\n\n${asked}Per-round points cannot be derived from what was published for this class (${why}), so Pitboard does not say which round decided it or what anyone needed along the way.`,
    color: COLOURS.standings,
    footer: sourceFooter(model, 'en'),
  };
}

/**
 * For a round's recap: one line per class whose title that round decided ("🏆 … clinched the Pro-Am Cup
 * title at Nürburgring."), or null when it decided none. Only computed classes: a published table (2013)
 * has no per-round points, so it never says which round decided it.
 */
export function titleDecidedLine(model: SeasonModel, round: number): SafeText | null {
  const lines: SafeText[] = [];
  for (const c of model.classes) {
    if (
      model.standings.has(c.id) ||
      !model.classifications.get(round)?.data.classifications.some((k) => k.class === c.id)
    )
      continue;
    const race = titleRace(model, c.id, round);
    if (race.decidedAt !== round || race.analysis.clinchedBy === null) continue;
    const who = contenderName(model, race, race.analysis.clinchedBy);
    const verb = race.remaining.length === 0 ? literal('won') : literal('clinched');
    lines.push(md`🏆 ${who} ${verb} the ${className(model, c.id)} title at ${atRound(model, round)}.`);
  }
  return lines.length > 0 ? joinSafe(lines, '\n') : null;
}
