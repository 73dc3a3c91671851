/**
 * The "done when": on the example league, `/title <class> --json` after each imported round
 * matches an exhaustive oracle. A copy of the season goes through the admin's real path — as shipped
 * (rounds 1–3), then round 4's and round 5's CSVs imported by the results CLI's main — and after each
 * state every class is asked through the ask CLI's main (what `npm run ask` runs), the reply read back
 * and checked against every finishing order of the remaining stages (test/title/exhaustive-oracle.ts):
 * who can win, the points, the points available, clinched/decided and the round that decided it, and
 * every "needs" sentence (sufficient; necessary where it says "only that way", or one point lower where
 * it says a point less leaves it to the countback; a countback it calls goes that way).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { runResultsCli } from '../../src/cli/results-import.js';
import { runCli } from '../../src/cli/run-cli.js';
import { loadSeasonFolderOrThrow } from '../../src/season/load.js';
import type { SeasonModel } from '../../src/season/model.js';
import { computeStandings, latestClassifiedRound } from '../../src/season/standings-engine.js';
import { EXAMPLE_CSV_DIR, EXAMPLE_DIR, EXAMPLE_ID } from '../live/example-season.js';
import {
  firstPlace,
  type NextRoundOutcome,
  type OracleAnswer,
  type OracleRow,
  type OracleSeason,
  oracleTotal,
  runOracle,
} from './exhaustive-oracle.js';
import { type NeedClaim, readTitleReply, type TitleReply, YET_TO_SCORE_ID } from './title-reply-reader.js';

const CLASSES = ['pro', 'pro-am', 'gentlemen'] as const;
/** Finishing orders one state may play out: a few seconds on a busy machine. */
const MAX_LEAVES = 5_000_000;

const root = mkdtempSync(join(tmpdir(), 'pitboard-title-oracle-'));
const seasonDir = join(root, EXAMPLE_ID);
cpSync(EXAMPLE_DIR, seasonDir, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function importRoundCsvs(round: number) {
  for (const classId of CLASSES) {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) } };
    const csv = join(EXAMPLE_CSV_DIR, `round-0${round}-${classId}.csv`);
    const code = runResultsCli(['import', seasonDir, '--round', `${round}`, '--class', classId, csv], io);
    expect(code, out).toBe(0);
  }
}

/** `npm run --silent ask -- --json` with one `/title <class>` per line on stdin, in this process. */
async function askTitles(): Promise<string[]> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (t: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli('ask', ['--json'], {
    stdin: Readable.from([CLASSES.map((c) => `/title ${c}`).join('\n')]),
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
    env: { PITBOARD_DATA_DIR: root },
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return stdout.trimEnd().split('\n');
}

/** The oracle's view of the class after a round, read from the computed table's rows and the calendar. */
function oracleSeason(model: SeasonModel, classId: string, after: number): OracleSeason {
  const table = computeStandings(model, classId, after);
  const finalStage = new Map(model.rounds.map((r) => [r.round, r.scoring.at(-1)?.stage]));
  const rows: OracleRow[] = [...table.rows, ...table.zeroRows].map((row) => {
    const byRound = new Map<number, number>();
    const countback: number[] = [];
    for (const r of row.results) {
      const points =
        r.position === null ? 0 : (model.pointsTables.get(r.tableId)?.points[r.position - 1] ?? 0);
      byRound.set(r.round, (byRound.get(r.round) ?? 0) + points);
      if (r.position !== null && finalStage.get(r.round) === r.stage)
        countback[r.position - 1] = (countback[r.position - 1] ?? 0) + 1;
    }
    return {
      id: row.personIds.join('+'),
      roundPoints: [...byRound.values()],
      penalties: row.penalties.reduce((a, p) => a + p.points, 0),
      countback,
    };
  });
  const later = model.rounds.filter((r) => r.round > after);
  // Any driver yet to score could enter and win everything left.
  if (later.length > 0) rows.push({ id: YET_TO_SCORE_ID, roundPoints: [], penalties: 0, countback: [] });
  const rules = model.files.scoring.rules;
  return {
    rows,
    stages: later.flatMap((r) =>
      r.scoring.map((s, i) => ({
        round: r.round,
        table: model.pointsTables.get(s.tableId)?.points ?? [],
        final: i === r.scoring.length - 1,
      })),
    ),
    bestResults: rules.best_results ?? null,
    tieBreak: rules.tie_break ?? 'countback',
  };
}

/** A contender's index in the oracle's answer (its bit in the champion masks). */
function indexOf(answer: OracleAnswer, id: string): number {
  const k = answer.contenders.findIndex((c) => c.id === id);
  if (k < 0) throw new Error(`the reply names ${id}, whom the oracle pruned (cannot reach the leader)`);
  return k;
}

interface Tally {
  sufficient: number;
  necessary: number;
  ties: number;
}

/** One "needs" sentence against every result of the next round. */
function checkNeed(season: OracleSeason, answer: OracleAnswer, need: NeedClaim, tally: Tally) {
  // A rival the oracle pruned cannot reach the leader's points today: a condition about him is implied
  // by the one about the leader, and only lengthens the sentence.
  const named =
    need.kind === 'margins' ? [...need.terms.map((t) => t.rival), ...need.ties.map((t) => t.rival)] : [];
  const pruned = answer.pruned.map((r) => r.id);
  expect(
    named.filter((id) => pruned.includes(id)),
    `${need.who}: rivals who cannot reach the leader`,
  ).toEqual([]);
  const x = indexOf(answer, need.who);
  expect(answer.possibleChampions.has(need.who), `${need.who} has a sentence`).toBe(true);
  if (need.kind === 'open') {
    const points = answer.points.get(need.who) as number;
    expect(need.behind).toBe(Math.max(...answer.points.values()) - points);
    expect(need.available).toBe((answer.maxFinal.get(need.who) as number) - points);
    return;
  }
  const first = (o: NextRoundOutcome) => (o.champions & (1 << x)) !== 0;
  if (need.kind === 'safe') {
    for (const o of answer.nextRound) expect(first(o), `${need.who} safe`).toBe(true);
    return;
  }
  const remainingRounds = new Set(season.stages.map((s) => s.round)).size;
  expect(need.last, 'the sentence speaks of the last round exactly when it is').toBe(remainingRounds === 1);
  const reached = (o: NextRoundOutcome) => (need.goal === 'alone' ? o.champions === 1 << x : first(o));
  const margin = (o: NextRoundOutcome, rival: string) =>
    (o.points[x] as number) - (o.points[indexOf(answer, rival)] as number);
  for (const o of answer.nextRound) {
    const why = () => `${need.who} ${need.goal} with next-round points ${o.points.join(',')}`;
    if (need.terms.every((t) => margin(o, t.rival) >= t.atLeast)) {
      expect(reached(o), why()).toBe(true);
      tally.sufficient++;
    }
    if (need.exact && need.terms.some((t) => margin(o, t.rival) < t.atLeast)) {
      expect(reached(o), why()).toBe(false);
      tally.necessary++;
    }
    if (need.pointLess && need.terms.some((t) => margin(o, t.rival) < t.atLeast - 1)) {
      expect(reached(o), why()).toBe(false);
      tally.necessary++;
    }
    for (const tie of need.ties) {
      const y = indexOf(answer, tie.rival);
      const final = (k: number) => {
        const row = answer.contenders[k] as OracleRow;
        const countback = [...row.countback];
        const p = o.finalPositions[k] as number;
        if (p > 0) countback[p - 1] = (countback[p - 1] ?? 0) + 1;
        return { points: oracleTotal(row, [o.points[k] as number], season.bestResults), countback };
      };
      const [a, b] = [final(x), final(y)];
      if (a.points !== b.points) continue;
      const winner = firstPlace([0, 0], (i) => (i === 0 ? a.countback : b.countback), 'countback');
      expect(winner, `countback between ${need.who} and ${tie.rival}`).toEqual([tie.to === need.who ? 0 : 1]);
      tally.ties++;
    }
  }
}

/** The reply of one class against the oracle (which it returns). */
function checkReply(
  model: SeasonModel,
  classId: string,
  reply: TitleReply,
  tally: Tally,
  decided: Map<string, number>,
  seenOpen: Set<string>,
) {
  const after = latestClassifiedRound(model, classId) as number;
  const season = oracleSeason(model, classId, after);
  const answer = runOracle(season, MAX_LEAVES);
  const drivers = (ids: Iterable<string>) => [...ids].filter((id) => id !== YET_TO_SCORE_ID).sort();
  const possible = drivers(answer.possibleChampions);
  const over = season.stages.length === 0;
  if (possible.length === 1 || over) {
    // Decided at the first round after which the oracle sees one possible champion; the round before
    // must have been checked open here, or that claim would be assumed rather than checked.
    if (!decided.has(classId)) {
      expect(seenOpen.has(`${classId}@${after - 1}`), `${classId} open after round ${after - 1}`).toBe(true);
      decided.set(classId, after);
    }
    expect(reply.status).toBe('decided');
    expect(reply.decidedBy.sort()).toEqual(possible);
    expect(reply.decidedAt).toBe(decided.get(classId));
    return answer;
  }
  seenOpen.add(`${classId}@${after}`);
  expect(reply.status).toBe('open');
  expect(reply.canWinCount).toBe(possible.length);
  const tops = new Map<number, number>();
  for (const s of season.stages) tops.set(s.round, (tops.get(s.round) ?? 0) + Math.max(0, ...s.table));
  expect(reply.availableToOne).toBe([...tops.values()].reduce((a, b) => a + b, 0));
  expect(reply.anyoneElse).toBe(answer.possibleChampions.has(YET_TO_SCORE_ID));
  const rows = season.rows.filter((r) => r.id !== YET_TO_SCORE_ID);
  expect(reply.outOfContention).toBe(rows.length - possible.length);
  const leader = Math.max(...answer.points.values());
  expect(reply.contenders.map((c) => c.id).sort()).toEqual(possible);
  for (const line of reply.contenders) {
    const points = answer.points.get(line.id) as number;
    expect({ id: line.id, points: line.points, behind: line.behind, available: line.available }).toEqual({
      id: line.id,
      points,
      behind: leader - points,
      available: (answer.maxFinal.get(line.id) as number) - points,
    });
  }
  expect(reply.needs.map((n) => n.who).sort()).toEqual(possible);
  for (const need of reply.needs) checkNeed(season, answer, need, tally);
  return answer;
}

describe('/title on the example league against every finishing order', () => {
  const tally: Tally = { sufficient: 0, necessary: 0, ties: 0 };
  const decided = new Map<string, number>();
  const seenOpen = new Set<string>();
  const spaces: string[] = [];

  test.each([
    ['as shipped (after round 3)', null],
    ['after importing round 4', 4],
    ['after importing round 5 (season over)', 5],
  ])(
    '%s: every class matches the oracle',
    async (_state, round) => {
      if (round !== null) importRoundCsvs(round);
      const bodies = await askTitles();
      const model = loadSeasonFolderOrThrow(seasonDir);
      CLASSES.forEach((classId, i) => {
        const reply = readTitleReply(model, bodies[i] as string);
        const answer = checkReply(model, classId, reply, tally, decided, seenOpen);
        spaces.push(`${classId}@${latestClassifiedRound(model, classId)}:${answer.space}`);
      });
    },
    60_000,
  );

  test('the checks bit, and only Pro after round 3 ran on packed orders', () => {
    expect(tally.sufficient).toBeGreaterThan(1000);
    expect(tally.necessary).toBeGreaterThan(1000);
    // Pro after round 3: six contenders, gapped would be 9.6 million results per stage; packed is 1,957.
    expect(spaces.filter((s) => s.endsWith(':packed'))).toEqual(['pro@3:packed']);
    expect(spaces).toHaveLength(9);
  });
});
