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

/** mulberry32: a tiny, fast, seedable PRNG (deterministic across platforms). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NATIONS = [
  ['DE', 'DEU'],
  ['GB', 'GBR'],
  ['FR', 'FRA'],
  ['IT', 'ITA'],
  ['BE', 'BEL'],
  ['NL', 'NLD'],
  ['ES', 'ESP'],
  ['CH', 'CHE'],
  ['AT', 'AUT'],
  ['DK', 'DNK'],
  ['US', 'USA'],
  ['BR', 'BRA'],
  ['JP', 'JPN'],
  ['AU', 'AUS'],
  ['PL', 'POL'],
  ['HU', 'HUN'],
  ['PT', 'PRT'],
  ['SE', 'SWE'],
  ['MC', 'MCO'],
  ['RU', 'RUS'],
] as const;

const FIRST_NAMES = (
  'Maximilian Marco Markus Martin Matteo Mathias Max Manuel Marc Mario Michael Miguel Mikkel Bruno Bernd ' +
  'Jérôme Søren Stéphane Frédéric Lucas Laurens Nicky Niek René Rahel Alex Andrea Andrés Benoît Christopher ' +
  'Darren Davide Edward Enzo Fabio Felipe Filip Gustavo Hiroshi Henrik Ivan Jan Jens Jonas Kévin Klaus Lars ' +
  'Léo Luca Łukasz Mads Mattias Nico Olivier Patrick Pedro Pieter Rafael Raffaele Robin Sébastien Simon ' +
  'Stefan Steve Thomas Tim Tom Ugo Valentin Vincent Wolfgang Yann Zoltán Adam Albert Alessandro Anthony ' +
  'Bas Cesar Chris Daniel Dirk Duncan Gilles Giorgio Greg Hari Jamie Jean-Luc Jeroen Kenneth Laurent Liam ' +
  'Mikhail Miro Nikolaus Oliver Peter Philipp Piers Roald Sam Sergio Tristan Vitantonio Xavier Yelmer'
).split(' ');

/** Common surnames: shared by many people in a big season. Jones and Müller must stay in this list. */
const COMMON_SURNAMES = (
  'Jones Müller Martin Meyer Moreau Rossi Bianchi Smith Brown Taylor Wilson Schneider Fischer Weber ' +
  'Wagner Becker Hoffmann Dubois Laurent Lefebvre Garcia Fernández López Peeters Janssens Nielsen Hansen ' +
  'Kowalski Nowak Novák Horváth Silva Santos Costa Sato Suzuki Mücke Marino Ricci Conti Bauer Koch Richter ' +
  'Klein Wolf Neumann Schwarz Zimmermann Krüger Hartmann Lange Werner Dupont Lambert Fontaine Rousseau Vincent'
).split(' ');

/** Syllables for generated surnames; none of their joins can spell Buhk, Ortelli or Makowiecki. */
const SYLLABLES = (
  'ka ro ten ber vas mi lan dor el sen ri co ta ven hal mar sto gu bel nor fa zen wik ler ton mon ga ' +
  'pi dal ser ko ran vel tus ham lo bra ne vi sal der fin gor ut ma bu ort'
).split(' ');

const TEAM_WORDS = (
  'Kessel Rhino Falcon Boutsen Ginion Saintéloc Barwell Beechdean Ecurie Scuderia Vita4one Emil Triple ' +
  'Nova Vortex Apex Sigma Delta Orion Titan Aurora Nordic Alpine Atlantic Baltic Iberia Celtic Summit ' +
  'Granite Silver Crimson Cobalt Onyx Jade Amber Ivory Scarlet Azure Ember Polar Solar Lunar Astra Vector'
).split(' ');
const TEAM_SUFFIXES = [
  'Racing',
  'Motorsport',
  'Racing Team',
  'Competition',
  'Engineering',
  'Performance',
  'Autosport',
  'GT',
  'Team',
  'Racing',
];

const CIRCUITS = [
  {
    id: 'monza',
    circuit: 'Autodromo Nazionale Monza',
    short: 'Monza',
    location: 'Monza',
    iso: 'IT',
    written: 'ITA',
    country: 'Italy',
    label: 'MNZ',
  },
  {
    id: 'silverstone',
    circuit: 'Silverstone Circuit',
    short: 'Silverstone',
    location: 'Silverstone',
    iso: 'GB',
    written: 'GBR',
    country: 'Great Britain',
    label: 'SIL',
  },
  {
    id: 'paul-ricard',
    circuit: 'Circuit Paul Ricard',
    short: 'Paul Ricard',
    location: 'Le Castellet',
    iso: 'FR',
    written: 'FRA',
    country: 'France',
    label: 'LEC',
  },
  {
    id: 'spa',
    circuit: 'Circuit de Spa-Francorchamps',
    short: 'Spa-Francorchamps',
    location: null,
    iso: 'BE',
    written: 'BEL',
    country: 'Belgium',
    label: 'SPA',
    event: 'Total 24 Hours of Spa',
    format: '24h',
  },
  {
    id: 'nurburgring',
    circuit: 'Nürburgring',
    short: 'Nürburgring',
    location: 'Nürburg',
    iso: 'DE',
    written: 'DEU',
    country: 'Germany',
    label: 'NÜR',
    event: '1000 km Nürburgring',
    format: '1000km',
  },
  {
    id: 'barcelona',
    circuit: 'Circuit de Barcelona-Catalunya',
    short: 'Barcelona',
    location: 'Montmeló',
    iso: 'ES',
    written: 'ESP',
    country: 'Spain',
    label: 'CAT',
  },
  {
    id: 'zandvoort',
    circuit: 'Circuit Zandvoort',
    short: 'Zandvoort',
    location: 'Zandvoort',
    iso: 'NL',
    written: 'NLD',
    country: 'Netherlands',
    label: 'ZAN',
  },
  {
    id: 'hungaroring',
    circuit: 'Hungaroring',
    short: 'Hungaroring',
    location: 'Mogyoród',
    iso: 'HU',
    written: 'HUN',
    country: 'Hungary',
    label: 'HUN',
  },
  {
    id: 'brands-hatch',
    circuit: 'Brands Hatch',
    short: 'Brands Hatch',
    location: 'West Kingsdown',
    iso: 'GB',
    written: 'GBR',
    country: 'Great Britain',
    label: 'BRH',
  },
  {
    id: 'misano',
    circuit: 'Misano World Circuit',
    short: 'Misano',
    location: 'Misano Adriatico',
    iso: 'IT',
    written: 'ITA',
    country: 'Italy',
    label: 'MIS',
  },
  {
    id: 'zolder',
    circuit: 'Circuit Zolder',
    short: 'Zolder',
    location: 'Heusden-Zolder',
    iso: 'BE',
    written: 'BEL',
    country: 'Belgium',
    label: 'ZOL',
  },
  {
    id: 'magny-cours',
    circuit: 'Circuit de Nevers Magny-Cours',
    short: 'Magny-Cours',
    location: 'Magny-Cours',
    iso: 'FR',
    written: 'FRA',
    country: 'France',
    label: 'MAG',
  },
  {
    id: 'hockenheim',
    circuit: 'Hockenheimring',
    short: 'Hockenheim',
    location: 'Hockenheim',
    iso: 'DE',
    written: 'DEU',
    country: 'Germany',
    label: 'HOC',
  },
  {
    id: 'red-bull-ring',
    circuit: 'Red Bull Ring',
    short: 'Red Bull Ring',
    location: 'Spielberg',
    iso: 'AT',
    written: 'AUT',
    country: 'Austria',
    label: 'RBR',
  },
  {
    id: 'imola',
    circuit: 'Autodromo Enzo e Dino Ferrari',
    short: 'Imola',
    location: 'Imola',
    iso: 'IT',
    written: 'ITA',
    country: 'Italy',
    label: 'IMO',
  },
  {
    id: 'portimao',
    circuit: 'Autódromo Internacional do Algarve',
    short: 'Portimão',
    location: 'Portimão',
    iso: 'PT',
    written: 'PRT',
    country: 'Portugal',
    label: 'POR',
  },
  {
    id: 'valencia',
    circuit: 'Circuit Ricardo Tormo',
    short: 'Valencia',
    location: 'Cheste',
    iso: 'ES',
    written: 'ESP',
    country: 'Spain',
    label: 'VAL',
  },
  {
    id: 'jarama',
    circuit: 'Circuito del Jarama',
    short: 'Jarama',
    location: 'San Sebastián de los Reyes',
    iso: 'ES',
    written: 'ESP',
    country: 'Spain',
    label: 'JAR',
  },
] as const;

const CLASSES = [
  { id: 'pro', name: 'Pro Cup', results_label: 'PRO Winners', share: 0.4, cells: 'overall-positions' },
  {
    id: 'pro-am',
    name: 'Pro-Am Cup',
    results_label: 'PRO-AM Winners',
    share: 0.35,
    cells: 'class-positions',
  },
  {
    id: 'gentlemen',
    name: 'Gentlemen Trophy',
    results_label: 'Gentlemen Winners',
    share: 0.25,
    cells: 'class-positions',
  },
] as const;

interface Person {
  id: string;
  name: string;
  aliases: string[];
  iso: string;
  written: string;
}
interface Team {
  id: string;
  name: string;
  iso: string;
  written: string;
}
interface DriverLine {
  person: Person | null;
  rounds: string | null;
  unknown?: 'name-and-rounds' | 'rounds';
}
interface Car {
  number: number;
  classId: string;
  team: Team;
  drivers: DriverLine[];
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (text: string) => JSON.stringify(text);

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
  const random = prng(options.seed ?? 2013);
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
  const calendar = Array.from({ length: rounds }, (_, i) => {
    const c = CIRCUITS[i % CIRCUITS.length] as (typeof CIRCUITS)[number];
    const lap = Math.floor(i / CIRCUITS.length);
    const date = new Date(Date.UTC(2019, 2, 3) + i * 7 * 86_400_000).toISOString().slice(0, 10);
    const format = 'format' in c ? c.format : '3h';
    const stages: { stage: string; table: string; label: string; sublabel?: string }[] =
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
  const known = (car: Car) => car.drivers.flatMap((d) => (d.person ? [d.person] : []));

  // ---- files --------------------------------------------------------------------------------------------
  const nat = (iso: string, written: string) => `{iso: ${iso}, written: [${written}]}`;
  const out: string[] = [];

  const season = [
    '# Generated by bench/generate-season.ts for benchmarks; not real data.',
    `id: ${id}`,
    `name: ${q(`Bench Series ${rounds} rounds ${cars} cars ${peopleCount} people`)}`,
    'series: Bench Series',
    'year: 2019',
    'edition: null',
    'source:',
    '  title: Generated benchmark season',
    '  kind: synthetic data',
    '  file: null',
    'summary: null',
    'calendar_announcement: null',
    'entry_list_release: null',
    'classes:',
    ...CLASSES.flatMap((c) => [
      `  - id: ${c.id}`,
      `    name: ${c.name}`,
      `    results_label: ${c.results_label}`,
    ]),
    '',
  ].join('\n');

  out.length = 0;
  out.push('rounds:');
  for (const r of calendar) {
    out.push(
      `  - round: ${r.round}`,
      `    id: ${r.id}`,
      `    event: ${'event' in r.c ? q(r.c.event) : 'null'}`,
      `    circuit: ${q(r.c.circuit)}`,
      `    short_name: ${q(r.c.short)}`,
      `    location: ${r.c.location === null ? 'null' : q(r.c.location)}`,
      `    country: {iso: ${r.c.iso}, written: ${r.c.written}, name: ${q(r.c.country)}}`,
      `    date: ${r.date}`,
      '    ends_at: null',
      `    format: ${r.format}`,
      '    report: true',
      '    scoring:',
      ...r.stages.map((s) => `      - {stage: ${s.stage}, table: ${s.table}}`),
    );
  }
  const calendarYaml = `${out.join('\n')}\n`;

  const scoring = `rules:
  points_positions: 10
  classification_distance_percent: 75
  minimum_drive_minutes: 25
  pole_position_points: 0
  text: >-
    Championship points were awarded for the first ten positions in each Championship Race. Entries were
    required to complete 75% of the winning car's race distance in order to be classified and earn points.
tables:
  - id: standard
    title: Championship Race points
    title_as_published: Championship Race points
    points: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]
    note: null
  - id: 1000km
    title: 1000 km points
    title_as_published: 1000 km points
    points: [33, 24, 19, 15, 12, 9, 6, 4, 2, 1]
    note: null
  - id: spa-6h-12h
    title: 24 Hours points after 6 and 12 hours
    title_as_published: Points after 6hrs/12hrs
    points: [12, 9, 7, 6, 5, 4, 3, 2, 1, 0]
    note: null
  - id: spa-finish
    title: 24 Hours points at the finish
    title_as_published: Points at the finish
    points: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]
    note: null
`;

  out.length = 0;
  out.push('people:');
  for (const p of people)
    out.push(
      `  - id: ${p.id}`,
      `    name: ${q(p.name)}`,
      `    aliases: [${p.aliases.map(q).join(', ')}]`,
      `    nationality: ${nat(p.iso, p.written)}`,
    );
  const peopleYaml = `${out.join('\n')}\n`;

  out.length = 0;
  out.push('teams:');
  for (const t of teams)
    out.push(
      `  - id: ${t.id}`,
      `    name: ${q(t.name)}`,
      '    aliases: []',
      `    nationality: ${nat(t.iso, t.written)}`,
    );
  const teamsYaml = `${out.join('\n')}\n`;

  out.length = 0;
  out.push('entries:');
  for (const car of carList) {
    out.push(
      `  - class: ${car.classId}`,
      `    team: ${car.team.id}`,
      `    car: ${car.number}`,
      '    car_model: null',
      '    drivers:',
    );
    for (const d of car.drivers) {
      const person = d.person ? d.person.id : 'null';
      const roundsValue = d.rounds === null ? 'null' : q(d.rounds);
      out.push(
        `      - {person: ${person}, rounds: ${roundsValue}${d.unknown ? `, unknown: ${d.unknown}` : ''}}`,
      );
    }
  }
  const entriesYaml = `${out.join('\n')}\n`;

  const byClass = new Map<string, Car[]>(CLASSES.map((c) => [c.id, []]));
  for (const car of carList) if (known(car).length > 0) byClass.get(car.classId)?.push(car);
  const personWritten = (p: Person) => `{person: ${p.id}, as_written: ${q(`${p.written} ${p.name}`)}}`;

  out.length = 0;
  out.push('rounds:');
  for (const r of calendar) {
    out.push(`  - round: ${r.round}`, `    circuit_as_written: ${q(r.c.short)}`, '    winners:');
    for (const c of CLASSES) {
      const candidates = byClass.get(c.id) ?? [];
      if (candidates.length === 0) continue;
      const winner = pick(candidates);
      out.push(
        `      - class: ${c.id}`,
        `        car: ${winner.number}`,
        `        team: ${winner.team.id}`,
        `        as_written: ${q(`${winner.team.written} No. ${winner.number} ${winner.team.name}`)}`,
        '        crew:',
        ...known(winner).map((p) => `          - ${personWritten(p)}`),
        '        note: null',
      );
    }
  }
  const resultsYaml = `${out.join('\n')}\n`;

  out.length = 0;
  out.push('classes:');
  const columns = calendar.flatMap((r) =>
    r.stages.map((s) => ({
      id: s.sublabel ? `r${r.round}-${s.stage}` : `r${r.round}`,
      round: r.round,
      stage: s.stage,
      label: s.label,
      written: r.c.written,
      sublabel: s.sublabel,
    })),
  );
  for (const c of CLASSES) {
    out.push(`  - class: ${c.id}`, `    cells: ${c.cells}`, '    columns:');
    for (const col of columns)
      out.push(
        `      - {id: ${col.id}, round: ${col.round}, stage: ${col.stage}, label: ${q(col.label)}, country_as_written: ${col.written}${col.sublabel ? `, sublabel: ${col.sublabel}` : ''}}`,
      );
    out.push('    rows:');
    const rows = (byClass.get(c.id) ?? []).map((car) => ({
      car,
      points: Math.floor(random() * 40 * rounds) / 2,
    }));
    rows.sort((a, b) => b.points - a.points || a.car.number - b.car.number);
    let position = 0;
    let previous = Number.NaN;
    for (const [i, row] of rows.entries()) {
      if (row.points !== previous) position = i + 1;
      previous = row.points;
      const cells = columns.map((col) => {
        const r = random();
        const value = r < 0.3 ? 'null' : r < 0.4 ? 'Ret' : String(1 + Math.floor(random() * 40));
        return `${col.id}: ${value}`;
      });
      out.push(
        `      - position: ${position}`,
        '        drivers:',
        ...known(row.car).map((p) => `          - ${personWritten(p)}`),
        `        team: ${row.car.team.id}`,
        `        team_as_written: ${q(`${row.car.team.written} ${row.car.team.name}`)}`,
        `        cells: {${cells.join(', ')}}`,
        `        points: ${row.points}`,
      );
    }
  }
  const standingsYaml = `${out.join('\n')}\n`;

  return {
    'season.yaml': season,
    'calendar.yaml': calendarYaml,
    'scoring.yaml': scoring,
    'people.yaml': peopleYaml,
    'teams.yaml': teamsYaml,
    'entries.yaml': entriesYaml,
    'results.yaml': resultsYaml,
    'standings.yaml': standingsYaml,
  };
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
