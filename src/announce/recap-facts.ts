import { createHash } from 'node:crypto';
import { memoForModel } from '../replies/memo.js';
import { defaultCrew, entryForRound } from '../season/crews.js';
import type { Round, SeasonModel } from '../season/model.js';
import { computeStandings, positionText } from '../season/standings-engine.js';

/** How many rows of each class table a live recap shows. */
export const RECAP_TABLE_ROWS = 5;

export interface PodiumPlace {
  position: number;
  car: number;
  teamId: string | null;
  crew: string[];
}

export interface RecapTableRow {
  position: string;
  personIds: string[];
  points: number;
  previousPosition: number | null;
  positionNumber: number;
}

export interface LiveRecapClass {
  classId: string;
  /** The scoring stage the podium is from: the round's last stage classified in this class. */
  stage: string;
  podium: PodiumPlace[];
  /** Null where the class has a published table (published tables stay what users see). */
  table: { rows: RecapTableRow[]; more: number } | null;
}

export interface LiveRecap {
  round: number;
  classes: LiveRecapClass[];
  penalties: {
    classId: string;
    personId: string | null;
    car: number | null;
    points: number;
    reason: string;
  }[];
}

/**
 * What a live round's recap says, as plain data: each classified class's podium (the round's final
 * classified stage) and the top of its table after the round with movement, and the round's penalties.
 * Null when the round has no classification (then the recap is the published-results card).
 */
export function liveRecapOf(model: SeasonModel, round: Round): LiveRecap | null {
  const data = model.classifications.get(round.round)?.data;
  if (!data) return null;
  const classes: LiveRecapClass[] = [];
  for (const { id: classId } of model.classes) {
    const stages = round.scoring.filter((s) =>
      data.classifications.some((c) => c.class === classId && c.stage === s.stage),
    );
    const last = stages.at(-1);
    const classification = data.classifications.find((c) => c.class === classId && c.stage === last?.stage);
    if (!last || !classification) continue;
    const podium = classification.order
      .filter((line) => line.position !== null && line.position <= 3)
      .map((line) => {
        const found = entryForRound(model, classId, line.car, round.round);
        return {
          position: line.position as number,
          car: line.car,
          teamId: found.ok ? found.entry.teamId : null,
          crew: line.drivers ?? (found.ok ? defaultCrew(found.entry, round.round) : []),
        };
      });
    let table: LiveRecapClass['table'] = null;
    if (!model.standings.has(classId)) {
      const computed = computeStandings(model, classId, round.round);
      table = {
        rows: computed.rows.slice(0, RECAP_TABLE_ROWS).map((row) => ({
          position: positionText(row),
          positionNumber: row.position,
          personIds: row.personIds,
          points: row.points,
          previousPosition: row.previousPosition,
        })),
        more: Math.max(0, computed.rows.length - RECAP_TABLE_ROWS),
      };
    }
    classes.push({ classId, stage: last.stage, podium, table });
  }
  return {
    round: round.round,
    classes,
    penalties: data.penalties.map((p) => ({
      classId: p.class,
      personId: p.person,
      car: p.car,
      points: p.points,
      reason: p.reason,
    })),
  };
}

/** The recap's facts as `label → value` pairs in reading order: what a correction is described against. */
export type RecapFacts = [string, string][];

export function recapFacts(model: SeasonModel, recap: LiveRecap): RecapFacts {
  const name = (id: string) => model.people.get(id)?.name ?? id;
  const className = (id: string) => model.classes.find((c) => c.id === id)?.name ?? id;
  const teamName = (id: string | null) => (id ? (model.teams.get(id)?.name ?? id) : '');
  const facts: RecapFacts = [];
  for (const c of recap.classes) {
    for (const p of c.podium)
      facts.push([
        `${className(c.classId)} P${p.position}`,
        `#${p.car} ${teamName(p.teamId)} (${p.crew.map(name).join(', ')})`.replace(' ()', ''),
      ]);
    for (const row of c.table?.rows ?? [])
      facts.push([
        `${className(c.classId)} ${row.personIds.map(name).join(' / ')}`,
        `${row.points} pts, P${row.position}`,
      ]);
  }
  for (const p of recap.penalties) {
    const who = p.personId !== null ? name(p.personId) : `car #${p.car}`;
    facts.push([`${className(p.classId)} penalty ${who}`, `−${p.points} (${p.reason})`]);
  }
  // Within what the ledger stores (a fact it refused would leave a posted recap unrecorded).
  return facts
    .slice(0, MAX_FACTS)
    .map(([label, value]) => [clip(label, MAX_LABEL), clip(value, MAX_VALUE)] as [string, string]);
}

/** The ledger's limits for the facts it keeps (src/store/ledger.ts). */
export const MAX_FACTS = 500;
const MAX_LABEL = 300;
const MAX_VALUE = 600;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface LiveRecapContent {
  recap: LiveRecap;
  facts: RecapFacts;
  hash: string;
}

/** The live recap of a round with its facts and their hash, built once per model and round. */
export function liveRecapContent(model: SeasonModel, round: Round): LiveRecapContent | null {
  return memoForModel(model, `live-recap-content:${round.round}`, () => {
    const recap = liveRecapOf(model, round);
    if (!recap) return null;
    const facts = recapFacts(model, recap);
    return { recap, facts, hash: factsHash(facts) };
  });
}

/** A short, stable hash of the facts: equal facts, equal hash; the ledger keeps the posted one. */
export function factsHash(facts: RecapFacts): string {
  return createHash('sha256').update(JSON.stringify(facts)).digest('base64url').slice(0, 22);
}

/**
 * One line saying what changed between the posted facts and the current ones: `Pro Cup P2: #7 Kestrel
 * Racing → #22 Meridian GT; Pro Cup Dana Duval / Erik Engel: 35 pts, P2 → 30 pts, P3`. Cut at `max`.
 */
export function describeFactChanges(before: RecapFacts, after: RecapFacts, max = 400): string {
  const old = new Map(before);
  const now = new Map(after);
  const parts: string[] = [];
  for (const [label, value] of after) {
    const was = old.get(label);
    if (was === undefined) parts.push(`${label}: ${value} (new)`);
    else if (was !== value) parts.push(`${label}: ${was} → ${value}`);
  }
  for (const [label, was] of before) if (!now.has(label)) parts.push(`${label}: ${was} (gone)`);
  const text = parts.length > 0 ? parts.join('; ') : 'the results were corrected';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
