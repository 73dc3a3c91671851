/**
 * Title maths for one class, on plain numbers (no model): who can still be champion, whether the title is
 * clinched, and what each contender needs at the next round.
 *
 * The future is modelled as freely as the rules allow: in every remaining stage any driver may finish
 * anywhere or not be classified, independently of the others (crews of future rounds are not known), and
 * no further penalties. "Champion" means position 1 of the final table, shared positions included. Because
 * drivers are independent, the best case for X is X winning every remaining stage while everyone else is
 * unclassified: X can still be champion exactly when X's best case ranks first against everyone's points
 * today. That makes contention and "clinched" exact, best-N and countback included.
 */

export type TieBreak = 'countback' | 'shared';

export interface ContenderState {
  id: string;
  /** Points per round taken part in (all stages of the round summed, before best-N). */
  roundScores: readonly number[];
  /** Penalty points deducted so far (never dropped). */
  penalties: number;
  /** Countback vector: how many 1sts, 2nds, … in the rounds' final stages so far. */
  countback: readonly number[];
}

export interface RemainingRound {
  round: number;
  /** The most one driver can score in the round: every stage's table at its maximum. */
  maxPoints: number;
}

export interface TitleInput {
  contenders: readonly ContenderState[];
  /** Rounds still to run, in order. */
  remaining: readonly RemainingRound[];
  bestResults: number | null;
  tieBreak: TieBreak;
}

/** What a contender must achieve at the next round, as points scored there relative to rivals. */
export interface MarginTerm {
  rivalId: string;
  /** The contender's points at the round minus the rival's must be at least this. */
  atLeast: number;
  /**
   * At the last round, when the two can end level on points and the countback between them is already
   * settled whatever the finishing order: who it goes to. Absent otherwise.
   */
  level?: 'contender' | 'rival';
}

export type NeedStatement =
  | {
      kind: 'margins';
      contenderId: string;
      round: number;
      /** clinch: champion whatever follows (the last round: champion); stay: still able to win after it. */
      goal: 'clinch' | 'stay';
      /** Sufficient: when every term holds, the goal is reached. */
      terms: MarginTerm[];
      /** Necessary: if any of these fails, the goal is missed. Equal to terms except where a tie is open. */
      onlyIf: MarginTerm[];
    }
  | { kind: 'safe'; contenderId: string; round: number }
  | { kind: 'open'; contenderId: string; round: number; behind: number; available: number };

/** More rivals than this in one condition is not a sentence a fan reads: "N behind, M available" instead. */
const MAX_TERMS = 2;

/** Statements for the first contenders in table order only: a reply shows a few, and each costs O(rivals). */
export const MAX_NEEDS = 10;

export interface ContenderStanding {
  id: string;
  points: number;
  /** Most points this driver can still add (best-N respected). */
  available: number;
  inContention: boolean;
}

export interface TitleAnalysis {
  /** Contenders in table order (points, then the tie-break). */
  standings: ContenderStanding[];
  /** Ids at position 1 today. */
  leaders: string[];
  /** The one possible champion, when no one else can reach position 1 (or the season is over). */
  clinchedBy: string | null;
  /** Season over: the champions (shared position 1 gives several). */
  champions: string[] | null;
  /** What the first MAX_NEEDS contenders in contention need at the next round; empty when the season is over. */
  needs: NeedStatement[];
}

/** Best-N total: the N best round scores minus penalties. */
export function totalPoints(
  roundScores: readonly number[],
  penalties: number,
  bestResults: number | null,
): number {
  const counted =
    bestResults === null || roundScores.length <= bestResults
      ? roundScores
      : [...roundScores].sort((a, b) => b - a).slice(0, bestResults);
  return counted.reduce((a, b) => a + b, 0) - penalties;
}

/** Positive when a ranks ahead of b on countback (more wins, then more 2nds, …). */
export function compareCountback(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

interface Tally {
  points: number;
  countback: readonly number[];
}

/** Positive when a ranks ahead of b in the final table; 0 when they share the position. */
function compareTally(a: Tally, b: Tally, tieBreak: TieBreak): number {
  return a.points - b.points || (tieBreak === 'countback' ? compareCountback(a.countback, b.countback) : 0);
}

function withWins(countback: readonly number[], wins: number): number[] {
  const out = [...countback];
  out[0] = (out[0] ?? 0) + wins;
  return out;
}

function currentTally(c: ContenderState, input: TitleInput): Tally {
  return { points: totalPoints(c.roundScores, c.penalties, input.bestResults), countback: c.countback };
}

/** X's best case: every remaining stage won. */
function bestTally(c: ContenderState, input: TitleInput, remaining: readonly RemainingRound[]): Tally {
  return {
    points: totalPoints(
      [...c.roundScores, ...remaining.map((r) => r.maxPoints)],
      c.penalties,
      input.bestResults,
    ),
    countback: withWins(c.countback, remaining.length),
  };
}

/**
 * X can still be champion when X's best case ranks at or above everyone else's points today. Only the
 * strongest other tally matters, so with the table sorted that is the leader, or the runner-up for the
 * leader itself: linear in the number of contenders.
 */
function canStillWin(
  x: ContenderState,
  input: TitleInput,
  ordered: readonly ContenderState[],
  tallies: ReadonlyMap<string, Tally>,
): boolean {
  const strongest = ordered[0]?.id === x.id ? ordered[1] : ordered[0];
  if (!strongest) return true;
  const best = bestTally(x, input, input.remaining);
  return compareTally(best, tallies.get(strongest.id) as Tally, input.tieBreak) >= 0;
}

export function analyseTitle(input: TitleInput): TitleAnalysis {
  const tallies = new Map(input.contenders.map((c) => [c.id, currentTally(c, input)]));
  const ordered = [...input.contenders].sort((a, b) =>
    compareTally(tallies.get(b.id) as Tally, tallies.get(a.id) as Tally, input.tieBreak),
  );
  const first = ordered[0];
  const leaders = first
    ? ordered
        .filter(
          (c) =>
            compareTally(tallies.get(c.id) as Tally, tallies.get(first.id) as Tally, input.tieBreak) === 0,
        )
        .map((c) => c.id)
    : [];
  const standings = ordered.map((c) => {
    const points = (tallies.get(c.id) as Tally).points;
    return {
      id: c.id,
      points,
      available: bestTally(c, input, input.remaining).points - points,
      inContention: canStillWin(c, input, ordered, tallies),
    };
  });
  const alive = standings.filter((s) => s.inContention);
  const over = input.remaining.length === 0;
  const next = input.remaining[0];
  return {
    standings,
    leaders,
    clinchedBy: alive.length === 1 ? (alive[0]?.id ?? null) : null,
    champions: over ? leaders : null,
    needs:
      !over && next && alive.length > 1
        ? alive
            .slice(0, MAX_NEEDS)
            .map((s) => needAtNextRound(input, s, standings[0]?.points ?? 0, leaders.includes(s.id)))
        : [],
  };
}

/**
 * The simplest exact statement of what a contender needs at the next round R. Without best-N, a driver's
 * total after R is today's plus what R pays, so every condition is a points margin over each rival at R:
 * - clinch (X champion whatever follows): every rival Y's best case stays below X, i.e.
 *   s_X − s_Y ≥ g_Y + A − g_X + 1, where A is what the rounds after R pay; one point less ties, and the
 *   tie-break decides: where the wins each can have settle it, the condition is exact ("and only that
 *   way"); otherwise the sentence says a point less leaves it to the countback (sufficient and necessary
 *   conditions one point apart).
 * - stay in contention: X's best case reaches every rival, s_X − s_Y ≥ g_Y − g_X − A (same tie rule).
 * With best-N a total is not today's plus R's points, so the statement falls back to "N behind, M available".
 */
function needAtNextRound(
  input: TitleInput,
  x: ContenderStanding,
  leaderPoints: number,
  leading: boolean,
): NeedStatement {
  const [next, ...after] = input.remaining as [RemainingRound, ...RemainingRound[]];
  const open: NeedStatement = {
    kind: 'open',
    contenderId: x.id,
    round: next.round,
    behind: leaderPoints - x.points,
    available: x.available,
  };
  const bestNBites =
    input.bestResults !== null &&
    input.contenders.some((c) => c.roundScores.length + input.remaining.length > (input.bestResults ?? 0));
  if (bestNBites) return open;
  const self = input.contenders.find((c) => c.id === x.id) as ContenderState;
  const afterPoints = after.reduce((a, r) => a + r.maxPoints, 0);
  const laterRounds = after.length;
  const maxR = next.maxPoints;
  const wins = (c: ContenderState) => c.countback[0] ?? 0;
  const points = (c: ContenderState) => totalPoints(c.roundScores, c.penalties, null);
  // A rival who cannot reach the leader's points today even winning everything left never decides
  // anything: the margin over the leader already keeps X ahead of him. Naming him only lengthens the
  // sentence (or pushes it past MAX_TERMS into "N behind, M available").
  const rivals = input.contenders.filter(
    (c) => c.id !== x.id && points(c) + maxR + afterPoints >= leaderPoints,
  );

  // At the threshold the two end level on points and the tie-break decides. With countback, the wins
  // each can have after R are known within one (a win at R or not): call it only when the ranges settle it.
  const tie = (
    want: [min: number, max: number],
    other: [min: number, max: number],
    strict: boolean,
  ): 'yes' | 'no' | 'unknown' => {
    if (input.tieBreak === 'shared') return strict ? 'no' : 'yes';
    if (want[0] > other[1]) return 'yes';
    if (want[1] < other[0]) return 'no';
    return 'unknown';
  };

  const build = (goal: 'clinch' | 'stay'): NeedStatement | null => {
    const terms: MarginTerm[] = [];
    const onlyIf: MarginTerm[] = [];
    for (const y of rivals) {
      const wx = wins(self);
      const wy = wins(y);
      // level: the margin at R at which X and Y end level on points in the case that decides.
      // clinch: Y wins everything after R while X scores nothing, and Y must stay strictly behind X;
      // stay: X wins everything after R while Y scores nothing, and X must at least reach Y.
      const level =
        goal === 'clinch' ? points(y) + afterPoints - points(self) : points(y) - points(self) - afterPoints;
      const tied =
        goal === 'clinch'
          ? tie([wx, wx + 1], [wy + laterRounds, wy + 1 + laterRounds], true)
          : tie([wx + laterRounds, wx + 1 + laterRounds], [wy, wy + 1], false);
      const sufficient = tied === 'yes' ? level : level + 1;
      const necessary = tied === 'no' ? level + 1 : level;
      if (sufficient > maxR) return null; // no result at this round is enough
      const settled =
        laterRounds === 0 &&
        input.tieBreak === 'countback' &&
        tied !== 'unknown' &&
        level >= -maxR &&
        level <= maxR;
      if (sufficient > -maxR)
        terms.push({
          rivalId: y.id,
          atLeast: sufficient,
          ...(settled ? { level: tied === 'yes' ? 'contender' : 'rival' } : {}),
        });
      if (necessary > -maxR) onlyIf.push({ rivalId: y.id, atLeast: necessary });
    }
    return { kind: 'margins', contenderId: x.id, round: next.round, goal, terms, onlyIf };
  };

  // A leader is asked "can he settle it here?"; a chaser first "can he be knocked out here?".
  const clinch = build('clinch');
  const stay = build('stay');
  const canClinch = clinch?.kind === 'margins' && clinch.terms.length <= MAX_TERMS;
  // No condition at all: safe whatever happens. No statable condition (null): only the tie-break could
  // keep X in, which a margin cannot say.
  const safe = stay?.kind === 'margins' && stay.terms.length === 0;
  if (canClinch && (leading || safe)) return clinch;
  if (safe) return { kind: 'safe', contenderId: x.id, round: next.round };
  if (stay?.kind === 'margins' && stay.terms.length <= MAX_TERMS) return stay;
  return open;
}
