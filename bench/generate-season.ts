/**
 * Synthetic seasons for the growth benchmarks: a season folder in the same YAML format as
 * data/seasons/2013-blancpain-endurance-series (see src/season/schema.ts), of any size, that passes
 * `loadSeasonFolder` (schema and cross-file checks). Deterministic: the same size and seed give the same
 * bytes. Written to a temporary directory by the benchmark and deleted after it; never committed as data.
 *
 * Shape, chosen so every benchmark case means the same thing as on the bundled season:
 * - Three classes (pro, pro-am, gentlemen) with standings per class; one standings row per car, cells for
 *   every round column (a 24-hour round at Spa has three scoring stages, as in 2013).
 * - Calendar: a fixed circuit rotation starting Monza, Silverstone, Paul Ricard, Spa, Nürburgring, one round
 *   a week in 2019 (so every round is done, as in the bundled season); round ids stay unique on repeats.
 * - Cars numbered 1..cars; car 84 is HTP Motorsport's Pro car with Maximilian Buhk, as in 2013.
 * - People: `people` unique names; each is entered in exactly one car (≈ people / cars per car), so no
 *   driver sits in two cars in a round. Surnames are a mix of a pool of common ones (there are always
 *   several Joneses, for the pick-list case, and Müllers for "mü") and generated ones (so the number of
 *   distinct name words grows with the season, as in real data). Exactly one Buhk, one Ortelli and one
 *   Makowiecki, so the lookups and the typo case resolve as on the bundled season.
 * - Teams: about one per 2.5 cars, "HTP Motorsport" among them, many named "… Racing".
 * - A few entry-list lines lost their name or rounds (`unknown`), as the seed's flattened table does.
 *
 * Usage from a script: `writeSeasonFolder(dataDir, { rounds: 12, cars: 500, people: 2000 })`, then
 * `createAppContext({ dataDir })` or `loadSeasonFolder(folder)`.
 * From the shell: `npx tsx bench/generate-season.ts OUT_DIR ROUNDS CARS PEOPLE [SEED]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SeasonFileName } from '../src/season/schema.js';
import { seededRandom } from './random.js';
import {
  CIRCUITS,
  CLASSES,
  COMMON_SURNAMES,
  FIRST_NAMES,
  NATIONS,
  SYLLABLES,
  TEAM_SUFFIXES,
  TEAM_WORDS,
} from './season-vocabulary.js';
import {
  type CalendarRound,
  type Car,
  type DriverLine,
  type Person,
  seasonFiles,
  type Team,
} from './season-yaml.js';

export interface SeasonSize {
  rounds: number;
  cars: number;
  people: number;
}

export interface GenerateOptions extends SeasonSize {
  seed?: number;
}

export function seasonIdFor({ rounds, cars, people }: SeasonSize): string {
  return `bench-r${rounds}-c${cars}-p${people}`;
}

function kebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Build every file of one season as YAML text, keyed by file name. */
export function generateSeasonFiles(options: GenerateOptions): Record<SeasonFileName, string> {
  const { rounds, cars, people: peopleCount } = options;
  if (rounds < 5) throw new Error('at least 5 rounds (the cases ask for round 4 and 5)');
  if (cars < 100) throw new Error('at least 100 cars (the cases ask for car 84)');
  if (peopleCount < cars) throw new Error('at least one person per car');
  const random = seededRandom(options.seed ?? 2013);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const id = seasonIdFor(options);

  // ---- people -------------------------------------------------------------------------------------------
  const people: Person[] = [];
  const usedNames = new Set<string>();
  const usedIds = new Set<string>();
  const addPerson = (
    name: string,
    nation: readonly [string, string],
    aliases: string[] = [],
  ): Person | null => {
    const pid = kebab(name);
    if (usedNames.has(name) || usedIds.has(pid)) return null;
    if (aliases.some((a) => usedNames.has(a))) aliases = [];
    usedNames.add(name);
    usedIds.add(pid);
    for (const a of aliases) usedNames.add(a);
    const person = { id: pid, name, aliases, iso: nation[0], written: nation[1] };
    people.push(person);
    return person;
  };
  const buhk = addPerson('Maximilian Buhk', ['DE', 'DEU']) as Person;
  addPerson('Stéphane Ortelli', ['MC', 'MCO']);
  addPerson('Frédéric Makowiecki', ['FR', 'FRA']);
  for (const first of ['Ian', 'Owen', 'Rhys', 'Gareth']) addPerson(`${first} Jones`, ['GB', 'GBR']);
  const generatedSurname = () => {
    const parts = 2 + Math.floor(random() * 2);
    let s = '';
    for (let i = 0; i < parts; i++) s += pick(SYLLABLES);
    return capitalise(s);
  };
  const reserved = /buhk|ortell|makowie/i;
  while (people.length < peopleCount) {
    const surname = random() < 0.3 ? pick(COMMON_SURNAMES) : generatedSurname();
    if (reserved.test(surname)) continue;
    const first = pick(FIRST_NAMES);
    const name = `${first} ${surname}`;
    // One person in twenty is printed differently somewhere (an alias), as in the seed.
    const aliases = random() < 0.05 ? [`${first.charAt(0)}. ${surname}`] : [];
    addPerson(name, pick(NATIONS), aliases);
  }

  // ---- teams --------------------------------------------------------------------------------------------
  const teamCount = Math.max(10, Math.round(cars / 2.5));
  const teams: Team[] = [{ id: 'htp-motorsport', name: 'HTP Motorsport', iso: 'DE', written: 'DEU' }];
  const teamNames = new Set(['HTP Motorsport']);
  const teamIds = new Set(['htp-motorsport']);
  while (teams.length < teamCount) {
    const word = random() < 0.5 ? pick(TEAM_WORDS) : generatedSurname();
    const name = `${word} ${pick(TEAM_SUFFIXES)}`;
    const tid = kebab(name);
    if (teamNames.has(name) || teamIds.has(tid)) {
      const numbered = `${name} ${teams.length}`;
      if (teamNames.has(numbered)) continue;
      const nation = pick(NATIONS);
      teams.push({ id: kebab(numbered), name: numbered, iso: nation[0], written: nation[1] });
      teamNames.add(numbered);
      teamIds.add(kebab(numbered));
      continue;
    }
    const nation = pick(NATIONS);
    teams.push({ id: tid, name, iso: nation[0], written: nation[1] });
    teamNames.add(name);
    teamIds.add(tid);
  }

  // ---- calendar -----------------------------------------------------------------------------------------
  const calendar = Array.from({ length: rounds }, (_, i): CalendarRound => {
    const c = CIRCUITS[i % CIRCUITS.length] as (typeof CIRCUITS)[number];
    const lap = Math.floor(i / CIRCUITS.length);
    const date = new Date(Date.UTC(2019, 2, 3) + i * 7 * 86_400_000).toISOString().slice(0, 10);
    const format = 'format' in c ? c.format : '3h';
    const stages: CalendarRound['stages'] =
      format === '24h'
        ? [
            { stage: '6h', table: 'spa-6h-12h', label: c.label, sublabel: '6hrs' },
            { stage: '12h', table: 'spa-6h-12h', label: c.label, sublabel: '12hrs' },
            { stage: 'finish', table: 'spa-finish', label: c.label, sublabel: '24hrs' },
          ]
        : [{ stage: 'race', table: format === '1000km' ? '1000km' : 'standard', label: c.label }];
    return { round: i + 1, id: lap === 0 ? c.id : `${c.id}-${lap + 1}`, c, date, format, stages };
  });
  const roundsText = (): string => {
    const r = random();
    if (r < 0.8) return 'All';
    const from = 1 + Math.floor(random() * rounds);
    const to = Math.min(rounds, from + Math.floor(random() * 4));
    return from === to ? String(from) : `${from}–${to}`;
  };

  // ---- cars and entries ---------------------------------------------------------------------------------
  const classOf = (index: number): string => {
    const x = (index * 0.6180339887) % 1;
    return x < CLASSES[0].share ? 'pro' : x < CLASSES[0].share + CLASSES[1].share ? 'pro-am' : 'gentlemen';
  };
  const carList: Car[] = Array.from({ length: cars }, (_, i) => ({
    number: i + 1,
    classId: classOf(i),
    team: teams[(i * 7 + 3) % teams.length] as Team,
    drivers: [],
  }));
  const car84 = carList[83] as Car;
  car84.classId = 'pro';
  car84.team = teams[0] as Team;
  car84.drivers.push({ person: buhk, rounds: 'All' });
  let nextCar = 0;
  for (const person of people) {
    if (person === buhk) continue;
    const car = carList[nextCar % cars] as Car;
    nextCar = (nextCar + 1) % cars;
    car.drivers.push({ person, rounds: roundsText() });
  }
  // The flattened source lost some names and round lists: keep a few such lines, as the seed does.
  carList.forEach((car, i) => {
    if (i === 83 || car.drivers.length < 2) return;
    if (i % 97 === 5) car.drivers.unshift({ person: null, rounds: null, unknown: 'name-and-rounds' });
    else if (i % 89 === 7) {
      const first = car.drivers[0] as DriverLine;
      car.drivers[0] = { person: first.person, rounds: null, unknown: 'rounds' };
    }
  });
  return seasonFiles({ id, rounds, cars, peopleCount, people, teams, calendar, carList, random });
}

/** Write a generated season as `<dataDir>/<season id>/*.yaml`; returns the folder and its total size. */
export function writeSeasonFolder(
  dataDir: string,
  options: GenerateOptions,
): { folder: string; bytes: number } {
  const folder = join(dataDir, seasonIdFor(options));
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (const [name, text] of Object.entries(generateSeasonFiles(options))) {
    writeFileSync(join(folder, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { folder, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, rounds, cars, people, seed] = process.argv.slice(2);
  if (!out || !rounds || !cars || !people) {
    process.stderr.write('usage: npx tsx bench/generate-season.ts OUT_DIR ROUNDS CARS PEOPLE [SEED]\n');
    process.exit(2);
  }
  const { folder, bytes } = writeSeasonFolder(out, {
    rounds: Number(rounds),
    cars: Number(cars),
    people: Number(people),
    ...(seed ? { seed: Number(seed) } : {}),
  });
  process.stdout.write(`${folder} (${(bytes / 1024).toFixed(0)} KiB)\n`);
}
