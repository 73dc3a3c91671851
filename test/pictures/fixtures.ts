import type { CellKind, MatrixColumn, StandingsMatrix, WinnersGrid } from '../../src/pictures/index.js';
import { pictureLabels } from '../../src/replies/pictures.js';

/** The words the pictures draw around the data, in English. */
export const LABELS = pictureLabels('en');

/** The bundled season's Pro Cup table as published; '-' = did not take part. */
const PRO_CUP_TABLE = `
1  | Maximilian Buhk | HTP Motorsport | -,-,5,4,3,1,1 | 81
2  | Maximilian Götz; Bernd Schneider | HTP Motorsport | -,-,-,4,3,1,1 | 71
2  | Maxime Martin; Bas Leinders; Yelmer Buurman | Marc VDS Racing Team | 7,Ret,1,3,2,Ret,2 | 71
3  | Davide Rigon; Daniel Zampieri; César Ramos | Kessel Racing | 1,6,4,18,7,Ret,20 | 50
4  | Frank Stippler; Christopher Mies | Belgian Audi Club WRT | 4,3,27,10,6,3,Ret | 48
5  | Andy Soucek; Mike Parisy; Antoine Leclerc | ART Grand Prix | 2,Ret,8,Ret,Ret,Ret,3 | 41
6  | Marc Lieb; Richard Lietz; Patrick Pilet | Manthey Racing | -,-,-,2,1,2,- | 39
6  | Peter Dumbreck; Steven Kane | JR Motorsports | 22,4,3,40,39,Ret,6 | 39
7  | Markus Palttala; Henri Moser; Nicky Catsburg | Marc VDS Racing Team | 36,5,21,1,Ret,Ret,7 | 31
8  | Lucas Luhr | JR Motorsports | 22,4,3,40,39,Ret,- | 27
9  | Darren Turner; Frederick Makowiecki; Stefan Mücke | Aston Martin Racing | -,1,-,-,-,-,- | 25
9  | Adam Carroll; Rob Bell; Nico Verdonck | Gulf Racing UK | 3,11,10,15,8,14,Ret | 25
9  | Alessandro Pier Guidi; Alexander Skryabin | SMP Racing | 9,24,6,-,-,-,4 | 25
10 | Stef Dusseldorp; Alexander Sims; Álvaro Parente | Hexis Racing | 25,7,2,44,Ret,Ret,Ret | 24
10 | Stéphane Ortelli; Laurens Vanthoor | Belgian Audi Club WRT | 8,2,9,Ret,Ret,Ret,16 | 24
10 | René Rast | Belgian Audi Club WRT | 8,2,9,Ret,Ret,Ret,Ret | 24
10 | Oliver Jarvis; Christopher Haase; Harold Primat | Phoenix Racing | 6,12,17,9,9,4,11 | 24
`;

export const PRO_CUP_COLUMNS: MatrixColumn[] = [
  { label: 'MNZ', group: 'MNZ' },
  { label: 'SIL', group: 'SIL' },
  { label: 'LEC', group: 'LEC' },
  { label: 'SPA', sublabel: '6h', group: 'SPA' },
  { label: 'SPA', sublabel: '12h', group: 'SPA' },
  { label: 'SPA', sublabel: '24h', group: 'SPA' },
  { label: 'NÜR', group: 'NÜR' },
];

/** The test's stand-in for the lead's mapping: 1–3 podium, 4–10 points, >10 classified. */
export function kindOf(result: string): CellKind {
  if (result === '-') return 'blank';
  if (result === 'Ret') return 'retired';
  const position = Number(result);
  if (position === 1) return 'win';
  if (position === 2) return 'second';
  if (position === 3) return 'third';
  return position <= 10 ? 'points' : 'classified';
}

export interface PublishedRow {
  position: string;
  names: string[];
  team: string;
  results: string[];
  total: string;
}

export const PRO_CUP_ROWS: PublishedRow[] = PRO_CUP_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [position = '', names = '', team = '', results = '', total = ''] = line
      .split('|')
      .map((f) => f.trim());
    return {
      position,
      names: names.split(';').map((n) => n.trim()),
      team,
      results: results.split(','),
      total,
    };
  });

export function proCupMatrix(): StandingsMatrix {
  return {
    title: '2013 Blancpain Endurance Series — Pro Cup',
    subtitle: 'Drivers’ championship after 5 of 5 rounds',
    labels: LABELS,
    columns: PRO_CUP_COLUMNS,
    rows: PRO_CUP_ROWS.map((row) => ({
      position: row.position,
      names: row.names,
      team: row.team,
      cells: row.results.map((result) => ({ text: result === '-' ? '' : result, kind: kindOf(result) })),
      total: row.total,
    })),
    legendNote: 'Cells are overall finishing positions, as published.',
    footer: 'Source: Blancpain Endurance Series 2013 season article (Wikipedia), CC BY-SA 4.0',
  };
}

export function sampleWinnersGrid(): WinnersGrid {
  const rounds: [string, string][] = [
    ['Monza', '14 Apr'],
    ['Silverstone', '26 May'],
    ['Paul Ricard', '30 Jun'],
    ['Spa 24 Hours', '28 Jul'],
    ['Nürburgring', '22 Sep'],
  ];
  const winners = [
    { car: '11', team: 'Kessel Racing', crew: ['Davide Rigon', 'Daniel Zampieri', 'César Ramos'] },
    { car: '97', team: 'Aston Martin Racing', crew: ['Darren Turner', 'Stefan Mücke'] },
    { car: '1', team: 'Marc VDS Racing Team', crew: ['Maxime Martin', 'Bas Leinders', 'Yelmer Buurman'] },
  ];
  return {
    title: '2013 Blancpain Endurance Series — class winners',
    subtitle: 'Winning car per round and class',
    labels: LABELS,
    classes: ['Pro Cup', 'Pro-Am Cup', 'Gentlemen Trophy'],
    rounds: rounds.map(([label, sublabel], roundIndex) => ({
      label,
      sublabel,
      cells: [0, 1, 2].map((classIndex) =>
        roundIndex === 2 && classIndex === 2 ? null : (winners[(roundIndex + classIndex) % 3] ?? null),
      ),
    })),
    footer: 'Source: Blancpain Endurance Series 2013 season article (Wikipedia), CC BY-SA 4.0',
  };
}
