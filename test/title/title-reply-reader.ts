/**
 * Reads a `/title` reply (the JSON body the CLI prints) back into facts a test can check: the status, the
 * "Can still win" lines and each "needs" sentence, with contenders named by their row ids (person ids
 * joined by "+", "yet-to-score" for any driver yet to score).
 */
import type { SeasonModel } from '../../src/season/model.js';

export const YET_TO_SCORE_ID = 'yet-to-score';

export interface ContenderLine {
  id: string;
  points: number;
  behind: number;
  available: number;
}

export interface MarginClaim {
  rival: string;
  atLeast: number;
}

export type NeedClaim =
  | { kind: 'open'; who: string; behind: number; available: number }
  | { kind: 'safe'; who: string }
  | {
      kind: 'margins';
      who: string;
      /** alone: the only champion (after the last round, or whatever follows); first: position 1 still possible. */
      goal: 'alone' | 'first';
      /** The sentence speaks of the last round ("wins the title", "wins or shares"). */
      last: boolean;
      terms: MarginClaim[];
      /** "and only that way": the terms are also necessary. */
      exact: boolean;
      /** "a point less on a margin leaves it to the countback": each term one point lower is necessary. */
      pointLess: boolean;
      /** "Level on points with A, the countback goes to B." */
      ties: { rival: string; to: string }[];
    };

export interface TitleReply {
  status: 'open' | 'decided';
  /** Open: how many can still win, and the points one driver can still take. */
  canWinCount: number | null;
  availableToOne: number | null;
  /** Decided: the champions (or the one who clinched it) and the round that decided it. */
  decidedBy: string[];
  decidedAt: number | null;
  outOfContention: number;
  contenders: ContenderLine[];
  anyoneElse: boolean;
  needs: NeedClaim[];
}

interface Embed {
  description: string;
  fields?: { name: string; value: string }[];
}

/** A rendered contender name ("🇬🇧 Alice Archer / 🇬🇧 Ben Brooks") as its row id. */
export function contenderId(model: SeasonModel, text: string): string {
  if (text === 'any driver yet to score') return YET_TO_SCORE_ID;
  const byName = new Map([...model.people.values()].map((p) => [p.name, p.id]));
  return text
    .split(' / ')
    .map((piece) => {
      const name = piece.replace(/^\S+ /, '');
      const id = byName.get(name);
      if (!id) throw new Error(`no person called "${name}" (from "${text}")`);
      return id;
    })
    .join('+');
}

function namesOf(model: SeasonModel, text: string): string[] {
  return text.split(' and ').map((name) => contenderId(model, name));
}

const MARGIN =
  /(?:outscoring (.+?) by (\d+) or more|scoring at least as many points as (.+?)|losing no more than (\d+) points? to (.+?))(?= and (?:outscoring|scoring at least|losing no more)|$)/g;

function marginClaims(model: SeasonModel, how: string): MarginClaim[] {
  const claims: MarginClaim[] = [];
  for (const m of how.matchAll(MARGIN)) {
    const [, aheadOf, by, levelWith, lose, loseTo] = m;
    const atLeast = by !== undefined ? Number(by) : lose !== undefined ? -Number(lose) : 0;
    for (const rival of namesOf(model, (aheadOf ?? levelWith ?? loseTo) as string))
      claims.push({ rival, atLeast });
  }
  // Nothing but margins joined by " and ".
  if (!/^#( and #)*$/.test(how.replace(MARGIN, '#'))) throw new Error(`unreadable margins: "${how}"`);
  return claims;
}

const GOALS: Record<string, { goal: 'alone' | 'first'; last: boolean }> = {
  'wins or shares the title': { goal: 'first', last: true },
  'wins the title': { goal: 'alone', last: true },
  'clinches the title': { goal: 'alone', last: false },
  'stays in contention': { goal: 'first', last: false },
};

export function readNeed(model: SeasonModel, sentence: string): NeedClaim {
  const open = /^\*\*(.+)\*\*: still in contention, (-?\d+) points? behind with (\d+) available\.$/.exec(
    sentence,
  );
  if (open)
    return {
      kind: 'open',
      who: contenderId(model, open[1] as string),
      behind: Number(open[2]),
      available: Number(open[3]),
    };
  const safe = /^\*\*(.+)\*\* stays in contention whatever happens at .+\.$/.exec(sentence);
  if (safe) return { kind: 'safe', who: contenderId(model, safe[1] as string) };
  const margins =
    /^\*\*(.+)\*\* (wins or shares the title|wins the title|clinches the title|stays in contention) at (?:.+?) (?:whatever happens there\.|by (.+) there(, and only that way|; a point less on a margin leaves it to the countback)\.(.*))$/.exec(
      sentence,
    );
  if (!margins) throw new Error(`unreadable "needs" sentence: ${sentence}`);
  const [, who, verb, how, qualifier, tieText] = margins;
  const ties = [
    ...(tieText ?? '').matchAll(/ Level on points with (.+?), the countback goes to (.+?)\./g),
  ].map((t) => ({
    rival: contenderId(model, t[1] as string),
    to: contenderId(model, (t[2] as string).replace(/^\*\*|\*\*$/g, '')),
  }));
  return {
    kind: 'margins',
    who: contenderId(model, who as string),
    ...(GOALS[verb as string] as { goal: 'alone' | 'first'; last: boolean }),
    terms: how === undefined ? [] : marginClaims(model, how),
    exact: qualifier === ', and only that way',
    pointLess: qualifier !== undefined && qualifier !== ', and only that way',
    ties,
  };
}

/** The first embed of a `{"type":4,"data":{…}}` body, read back. */
export function readTitleReply(model: SeasonModel, body: string): TitleReply {
  const embed = (JSON.parse(body) as { data: { embeds: Embed[] } }).data.embeds[0] as Embed;
  const fields = embed.fields ?? [];
  const field = (prefix: string) => fields.find((f) => f.name.startsWith(prefix))?.value;
  const open = /\*\*Open\*\*: (\d+) can still win\. Up to (\d+) points? available/.exec(embed.description);
  const decided = /\*\*Decided\*\*: (.+?) (?:has clinched the title|share the title|champions?)\b/.exec(
    embed.description,
  );
  if (!open && !decided) throw new Error(`neither open nor decided: ${embed.description}`);
  const contenders = (field('Can still win') ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const m = /^(.+) — (-?\d+) pts(?:, (\d+) behind)?; (\d+) available$/.exec(line);
      if (!m) throw new Error(`unreadable contender line: ${line}`);
      return {
        id: contenderId(model, m[1] as string),
        points: Number(m[2]),
        behind: Number(m[3] ?? 0),
        available: Number(m[4]),
      };
    });
  return {
    status: open ? 'open' : 'decided',
    canWinCount: open ? Number(open[1]) : null,
    availableToOne: open ? Number(open[2]) : null,
    decidedBy: decided ? namesOf(model, decided[1] as string) : [],
    decidedAt: Number(/decided at round (\d+)/.exec(embed.description)?.[1] ?? Number.NaN) || null,
    outOfContention: Number(/(\d+) rows? (?:is|are) out of contention/.exec(embed.description)?.[1] ?? 0),
    contenders,
    anyoneElse: field('Anyone else') !== undefined,
    needs: (field('What each needs') ?? '')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => readNeed(model, line)),
  };
}
