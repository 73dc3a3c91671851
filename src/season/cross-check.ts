import type { DataProblem } from './problems.js';
import { fieldPath } from './problems.js';
import { parseRoundsText } from './rounds-text.js';
import type { SeasonFileName, SeasonFiles } from './schema.js';

type LineLookup = (file: SeasonFileName, path: readonly PropertyKey[]) => number | null;

/**
 * Checks across files: every referenced id exists, rounds fall inside the calendar, names printed in the
 * tables match the person or team they link to, and no driver sits in two cars in one round.
 * Returns every problem found.
 */
export function crossCheckSeason(files: SeasonFiles, folderName: string, lineOf: LineLookup): DataProblem[] {
  const problems: DataProblem[] = [];
  const report = (file: SeasonFileName, path: readonly PropertyKey[], message: string) =>
    problems.push({ file, line: lineOf(file, path), field: fieldPath(path), message });

  const { season, calendar, scoring, people, teams, entries, results, standings } = files;
  if (season.id !== folderName) report('season.yaml', ['id'], `must equal the folder name "${folderName}"`);

  const classIds = uniqueIds('season.yaml', ['classes'], season.classes, report);
  const roundCount = calendar.rounds.length;
  calendar.rounds.forEach((round, index) => {
    if (round.round !== index + 1)
      report(
        'calendar.yaml',
        ['rounds', index, 'round'],
        `rounds must be numbered 1, 2, 3… in order; expected ${index + 1}`,
      );
  });
  uniqueIds('calendar.yaml', ['rounds'], calendar.rounds, report);
  const tableIds = uniqueIds('scoring.yaml', ['tables'], scoring.tables, report);
  calendar.rounds.forEach((round, r) => {
    round.scoring.forEach((stage, s) => {
      if (!tableIds.has(stage.table))
        report(
          'calendar.yaml',
          ['rounds', r, 'scoring', s, 'table'],
          unknownId('points table', stage.table, tableIds),
        );
    });
  });

  const personIds = uniqueIds('people.yaml', ['people'], people.people, report);
  const teamIds = uniqueIds('teams.yaml', ['teams'], teams.teams, report);
  uniqueNames('people.yaml', 'people', people.people, report);
  uniqueNames('teams.yaml', 'teams', teams.teams, report);
  const personById = new Map(people.people.map((p) => [p.id, p]));
  const teamById = new Map(teams.teams.map((t) => [t.id, t]));

  const checkRounds = (file: SeasonFileName, path: PropertyKey[], text: string): number[] => {
    const parsed = parseRoundsText(text, roundCount);
    if (typeof parsed === 'string') {
      report(file, path, parsed);
      return [];
    }
    return parsed;
  };

  // Who drove what, per round, from published round lists only (linked evidence is not a published list).
  const seats = new Map<string, { round: number; car: number; entry: number }[]>();
  const entryKeys = new Set<string>();
  entries.entries.forEach((entry, e) => {
    const at = (...rest: PropertyKey[]) => ['entries', e, ...rest];
    if (!classIds.has(entry.class))
      report('entries.yaml', at('class'), unknownId('class', entry.class, classIds));
    if (!teamIds.has(entry.team)) report('entries.yaml', at('team'), unknownId('team', entry.team, teamIds));
    const key = `${entry.class}/${entry.car}/${entry.team}`;
    if (entryKeys.has(key))
      report(
        'entries.yaml',
        at('car'),
        `car ${entry.car} of ${entry.team} is listed twice in ${entry.class}`,
      );
    entryKeys.add(key);
    entry.drivers.forEach((line, d) => {
      if (line.person !== null && !personIds.has(line.person))
        report('entries.yaml', at('drivers', d, 'person'), unknownId('person', line.person, personIds));
      if (line.as_written !== undefined && line.person !== null) {
        const person = personById.get(line.person);
        if (person && person.name !== line.as_written && !person.aliases.includes(line.as_written))
          report(
            'entries.yaml',
            at('drivers', d, 'as_written'),
            `"${line.as_written}" is not a name or alias of ${line.person}`,
          );
      }
      if (line.linked?.person !== undefined && !personIds.has(line.linked.person))
        report(
          'entries.yaml',
          at('drivers', d, 'linked', 'person'),
          unknownId('person', line.linked.person, personIds),
        );
      if (line.linked?.rounds !== undefined)
        checkRounds('entries.yaml', at('drivers', d, 'linked', 'rounds'), line.linked.rounds);
      if (line.rounds === null || line.person === null) return;
      for (const round of checkRounds('entries.yaml', at('drivers', d, 'rounds'), line.rounds)) {
        const list = seats.get(line.person) ?? [];
        list.push({ round, car: entry.car, entry: e });
        seats.set(line.person, list);
      }
    });
  });
  for (const [person, list] of seats) {
    const byRound = new Map<number, { car: number; entry: number }>();
    for (const seat of list) {
      const other = byRound.get(seat.round);
      if (other && other.entry !== seat.entry)
        report(
          'entries.yaml',
          ['entries', seat.entry, 'drivers'],
          `${person} is entered in car ${other.car} and car ${seat.car} in round ${seat.round}`,
        );
      byRound.set(seat.round, seat);
    }
  }

  const checkWrittenPerson = (
    file: SeasonFileName,
    path: PropertyKey[],
    ref: { person: string; as_written: string },
  ) => {
    const person = personById.get(ref.person);
    if (!person) {
      report(file, [...path, 'person'], unknownId('person', ref.person, personIds));
      return;
    }
    const [code, ...nameParts] = ref.as_written.split(' ');
    const name = nameParts.join(' ');
    if (!code || !person.nationality.written.includes(code))
      report(file, [...path, 'as_written'], `code "${code}" is not in ${ref.person}'s nationality.written`);
    if (name !== person.name && !person.aliases.includes(name))
      report(file, [...path, 'as_written'], `"${name}" is not the name or an alias of ${ref.person}`);
  };
  const checkWrittenTeam = (file: SeasonFileName, path: PropertyKey[], teamId: string, written: string) => {
    const team = teamById.get(teamId);
    if (!team) {
      report(file, [...path.slice(0, -1), 'team'], unknownId('team', teamId, teamIds));
      return;
    }
    const [code, ...rest] = written.split(' ');
    const name = rest.join(' ').replace(/^No\. \d+ /, '');
    if (!code || !team.nationality.written.includes(code))
      report(file, [...path], `code "${code}" is not in ${teamId}'s nationality.written`);
    if (name !== team.name && !team.aliases.includes(name))
      report(file, [...path], `"${name}" is not the name or an alias of ${teamId}`);
  };

  const resultRounds = new Set<number>();
  results.rounds.forEach((round, r) => {
    if (round.round < 1 || round.round > roundCount)
      report(
        'results.yaml',
        ['rounds', r, 'round'],
        `round ${round.round} is not in the calendar (1–${roundCount})`,
      );
    if (resultRounds.has(round.round))
      report('results.yaml', ['rounds', r, 'round'], `round ${round.round} appears twice`);
    resultRounds.add(round.round);
    const classesSeen = new Set<string>();
    round.winners.forEach((winner, w) => {
      const at = ['rounds', r, 'winners', w];
      if (!classIds.has(winner.class))
        report('results.yaml', [...at, 'class'], unknownId('class', winner.class, classIds));
      if (classesSeen.has(winner.class))
        report('results.yaml', [...at, 'class'], `two winners for ${winner.class}`);
      classesSeen.add(winner.class);
      if (!winner.as_written.includes(`No. ${winner.car} `))
        report('results.yaml', [...at, 'as_written'], `does not show car No. ${winner.car}`);
      checkWrittenTeam('results.yaml', [...at, 'as_written'], winner.team, winner.as_written);
      winner.crew.forEach((ref, c) => {
        checkWrittenPerson('results.yaml', [...at, 'crew', c], ref);
      });
    });
  });

  const standingClasses = new Set<string>();
  standings.classes.forEach((table, t) => {
    const at = (...rest: PropertyKey[]) => ['classes', t, ...rest];
    if (!classIds.has(table.class))
      report('standings.yaml', at('class'), unknownId('class', table.class, classIds));
    if (standingClasses.has(table.class))
      report('standings.yaml', at('class'), `${table.class} has two tables`);
    standingClasses.add(table.class);
    const columnIds = uniqueIds('standings.yaml', at('columns'), table.columns, report);
    table.columns.forEach((column, c) => {
      const round = calendar.rounds[column.round - 1];
      if (!round)
        report('standings.yaml', at('columns', c, 'round'), `round ${column.round} is not in the calendar`);
      else if (!round.scoring.some((s) => s.stage === column.stage))
        report(
          'standings.yaml',
          at('columns', c, 'stage'),
          `round ${column.round} has no "${column.stage}" scoring stage`,
        );
    });
    let previous = 0;
    table.rows.forEach((row, r) => {
      if (row.position < previous)
        report('standings.yaml', at('rows', r, 'position'), `positions must not go down (after ${previous})`);
      previous = row.position;
      row.drivers.forEach((ref, d) => {
        checkWrittenPerson('standings.yaml', at('rows', r, 'drivers', d), ref);
      });
      if (row.team !== null) {
        if (row.team_as_written === null)
          report('standings.yaml', at('rows', r, 'team_as_written'), 'missing for a row with a team');
        else
          checkWrittenTeam('standings.yaml', at('rows', r, 'team_as_written'), row.team, row.team_as_written);
      }
      const hasColumns = table.columns.length > 0;
      if (!hasColumns && row.cells !== null)
        report('standings.yaml', at('rows', r, 'cells'), 'this table has no columns: write null');
      if (hasColumns) {
        if (row.cells === null)
          report('standings.yaml', at('rows', r, 'cells'), 'missing cells for the table columns');
        else {
          for (const id of columnIds)
            if (!Object.hasOwn(row.cells, id))
              report('standings.yaml', at('rows', r, 'cells'), `missing cell "${id}" (write null)`);
          for (const id of Object.keys(row.cells))
            if (!columnIds.has(id)) report('standings.yaml', at('rows', r, 'cells', id), `no column "${id}"`);
        }
      }
    });
  });
  return problems;
}

function uniqueIds(
  file: SeasonFileName,
  path: PropertyKey[],
  items: readonly { id: string }[],
  report: (file: SeasonFileName, path: readonly PropertyKey[], message: string) => void,
): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) report(file, [...path, i, 'id'], `duplicate id "${item.id}"`);
    ids.add(item.id);
  });
  return ids;
}

/** A name or alias may belong to one person (or team) only; otherwise a lookup would be ambiguous. */
function uniqueNames(
  file: SeasonFileName,
  key: string,
  items: readonly { id: string; name: string; aliases: string[] }[],
  report: (file: SeasonFileName, path: readonly PropertyKey[], message: string) => void,
) {
  const owner = new Map<string, string>();
  items.forEach((item, i) => {
    [item.name, ...item.aliases].forEach((name, n) => {
      const other = owner.get(name);
      if (other !== undefined && other !== item.id)
        report(file, [key, i, n === 0 ? 'name' : 'aliases'], `"${name}" is also used by ${other}`);
      owner.set(name, item.id);
    });
  });
}

function unknownId(kind: string, id: string, known: ReadonlySet<string>): string {
  const close = [...known].filter((k) => k.startsWith(id.slice(0, 4))).slice(0, 3);
  return `unknown ${kind} "${id}"${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(', ')}?)` : ''}`;
}
