import type { FocusedOption, OptionValues } from '../src/core/command.js';

/** Which size of a season a case's work should follow (used for the growth fit). */
export type SizeAxis = 'rounds' | 'cars' | 'people' | 'teams';

export interface CommandCase {
  /** How a user would type it; also the row label. */
  label: string;
  command: string;
  /** Exactly what the Discord adapter hands `execute` (toOptionValues of the interaction). */
  options: OptionValues;
  /** The reply attaches a cached PNG: the first call renders it and is reported as "cold". */
  picture?: boolean;
  axis: SizeAxis;
  /** The asker's Discord client language (default English): the reply is written in it. */
  locale?: string;
}

export interface AutocompleteCase {
  label: string;
  command: string;
  focused: FocusedOption;
  /** The other options the adapter passes alongside the focused one. */
  options: OptionValues;
  axis: SizeAxis;
}

const ENGLISH_CASES: readonly CommandCase[] = [
  { label: '/standings pro', command: 'standings', options: { class: 'pro' }, picture: true, axis: 'cars' },
  {
    label: '/standings pro text:true',
    command: 'standings',
    options: { class: 'pro', text: true },
    axis: 'cars',
  },
  { label: '/driver Buhk', command: 'driver', options: { name: 'Buhk' }, axis: 'people' },
  { label: '/driver Jones (pick-list)', command: 'driver', options: { name: 'Jones' }, axis: 'people' },
  { label: '/results 4', command: 'results', options: { round: 4 }, axis: 'rounds' },
  { label: '/lineup car:84', command: 'lineup', options: { car: 84 }, axis: 'cars' },
  {
    label: '/lineup team:htp-motorsport',
    command: 'lineup',
    options: { team: 'htp-motorsport' },
    axis: 'teams',
  },
  { label: '/calendar', command: 'calendar', options: {}, picture: true, axis: 'rounds' },
  { label: '/calendar text:true', command: 'calendar', options: { text: true }, axis: 'rounds' },
  { label: '/scoring', command: 'scoring', options: {}, axis: 'rounds' },
  { label: '/recap 5', command: 'recap', options: { round: 5 }, axis: 'rounds' },
  { label: '/title pro', command: 'title', options: { class: 'pro' }, axis: 'cars' },
  {
    label: '/compare Buhk Ortelli',
    command: 'compare',
    options: { a: 'Buhk', b: 'Ortelli' },
    axis: 'people',
  },
];

/** Every command case: the English ones, then some of them asked in each other language. */
export const COMMAND_CASES: readonly CommandCase[] = [
  ...ENGLISH_CASES,
  // The same work asked from clients in other languages: the catalogue, ICU plurals and ordinals, localised
  // pictures and country names must not cost what the budgets cannot afford.
  ...localised('de', ['/standings pro', '/driver Buhk', '/results 4', '/recap 5']),
  ...localised('fr', ['/standings pro text:true', '/lineup car:84', '/calendar text:true']),
  ...localised('it', ['/title pro', '/scoring']),
  ...localised('nl', ['/compare Buhk Ortelli', '/lineup team:htp-motorsport']),
  ...localised('es-ES', ['/driver Jones (pick-list)', '/calendar']),
];

function localised(locale: string, labels: readonly string[]): CommandCase[] {
  return labels.map((label) => {
    const english = ENGLISH_CASES.find((c) => c.label === label);
    if (!english) throw new Error(`no bench case ${label}`);
    return { ...english, label: `${label} · ${locale}`, locale };
  });
}

const driverName = (value: string): AutocompleteCase => ({
  label: `/driver name "${value}"${value === 'makowieki' ? ' (typo)' : ''}`,
  command: 'driver',
  focused: { name: 'name', value },
  options: { name: value },
  axis: 'people',
});

export const AUTOCOMPLETE_CASES: readonly AutocompleteCase[] = [
  ...['', 'm', 'ma', 'bu', 'mü', 'ortel', 'makowieki'].map(driverName),
  {
    label: '/lineup team "ra"',
    command: 'lineup',
    focused: { name: 'team', value: 'ra' },
    options: { team: 'ra' },
    axis: 'teams',
  },
  {
    label: '/results round "spa"',
    command: 'results',
    focused: { name: 'round', value: 'spa' },
    options: { round: 'spa' },
    axis: 'rounds',
  },
];
