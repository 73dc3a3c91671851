/**
 * The word pools and fixed tables synthetic seasons are drawn from (bench/generate-season.ts): nations,
 * first names and surnames, team words, the circuit rotation and the three classes.
 */
export const NATIONS = [
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

export const FIRST_NAMES = (
  'Maximilian Marco Markus Martin Matteo Mathias Max Manuel Marc Mario Michael Miguel Mikkel Bruno Bernd ' +
  'Jérôme Søren Stéphane Frédéric Lucas Laurens Nicky Niek René Rahel Alex Andrea Andrés Benoît Christopher ' +
  'Darren Davide Edward Enzo Fabio Felipe Filip Gustavo Hiroshi Henrik Ivan Jan Jens Jonas Kévin Klaus Lars ' +
  'Léo Luca Łukasz Mads Mattias Nico Olivier Patrick Pedro Pieter Rafael Raffaele Robin Sébastien Simon ' +
  'Stefan Steve Thomas Tim Tom Ugo Valentin Vincent Wolfgang Yann Zoltán Adam Albert Alessandro Anthony ' +
  'Bas Cesar Chris Daniel Dirk Duncan Gilles Giorgio Greg Hari Jamie Jean-Luc Jeroen Kenneth Laurent Liam ' +
  'Mikhail Miro Nikolaus Oliver Peter Philipp Piers Roald Sam Sergio Tristan Vitantonio Xavier Yelmer'
).split(' ');

/** Common surnames: shared by many people in a big season. Jones and Müller must stay in this list. */
export const COMMON_SURNAMES = (
  'Jones Müller Martin Meyer Moreau Rossi Bianchi Smith Brown Taylor Wilson Schneider Fischer Weber ' +
  'Wagner Becker Hoffmann Dubois Laurent Lefebvre Garcia Fernández López Peeters Janssens Nielsen Hansen ' +
  'Kowalski Nowak Novák Horváth Silva Santos Costa Sato Suzuki Mücke Marino Ricci Conti Bauer Koch Richter ' +
  'Klein Wolf Neumann Schwarz Zimmermann Krüger Hartmann Lange Werner Dupont Lambert Fontaine Rousseau Vincent'
).split(' ');

/** Syllables for generated surnames; none of their joins can spell Buhk, Ortelli or Makowiecki. */
export const SYLLABLES = (
  'ka ro ten ber vas mi lan dor el sen ri co ta ven hal mar sto gu bel nor fa zen wik ler ton mon ga ' +
  'pi dal ser ko ran vel tus ham lo bra ne vi sal der fin gor ut ma bu ort'
).split(' ');

export const TEAM_WORDS = (
  'Kessel Rhino Falcon Boutsen Ginion Saintéloc Barwell Beechdean Ecurie Scuderia Vita4one Emil Triple ' +
  'Nova Vortex Apex Sigma Delta Orion Titan Aurora Nordic Alpine Atlantic Baltic Iberia Celtic Summit ' +
  'Granite Silver Crimson Cobalt Onyx Jade Amber Ivory Scarlet Azure Ember Polar Solar Lunar Astra Vector'
).split(' ');
export const TEAM_SUFFIXES = [
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

export const CIRCUITS = [
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

export const CLASSES = [
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
