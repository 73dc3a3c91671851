import type { Round } from './model.js';

/**
 * When a round is over. Data may give `ends_at`; the seed publishes dates only, so the default is 18:00 UTC
 * on the published date — after the finish of every race format the series runs (3 h races, the 1000 km
 * race and the 24 h race all finish in the afternoon, Central European time, on the published day).
 */
export const DEFAULT_FINISH_UTC_HOUR = 18;

export function roundEndsAt(round: Pick<Round, 'date' | 'ends_at'>): Date {
  if (round.ends_at) return new Date(round.ends_at);
  return new Date(`${round.date}T${String(DEFAULT_FINISH_UTC_HOUR).padStart(2, '0')}:00:00Z`);
}

/** Noon UTC of the published date: shown as a Discord date, it reads as that date from UTC−11 to UTC+11. */
export function roundDateForDisplay(round: Pick<Round, 'date'>): Date {
  return new Date(`${round.date}T12:00:00Z`);
}

export const FORMAT_LABEL: Record<Round['format'], string> = {
  '3h': '3 hours',
  '6h': '6 hours',
  '12h': '12 hours',
  '24h': '24 hours',
  '1000km': '1000 km',
};
