/**
 * The one parser for dates and date-times people type (`/setup replay start:`, PITBOARD_NOW):
 * `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.fff]]` and `Z` or `±HH[:]MM`.
 * `new Date()` rolls impossible dates over (2026-02-31 becomes 3 March); this names them instead.
 */
export type DateTimeParse =
  | { ok: true; date: Date }
  /** `shape`: not written as a date at all. `problem` is in English (logs, configuration errors). */
  | { ok: false; reason: 'shape'; problem: string }
  /** Written as a date, but no such day or time; `issue` says which part, for a sentence in any language. */
  | { ok: false; reason: 'impossible'; problem: string; issue: ImpossibleDate };

export type ImpossibleDate =
  | { part: 'month'; month: string }
  | { part: 'day'; day: number; month: number; year: number }
  | { part: 'time'; time: string }
  | { part: 'offset'; zone: string };

export interface DateTimeDefaults {
  /** Time of day for a date written without one, as `HH:MM:SS` UTC. */
  timeOfDay: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Longer input is never a date; checked first so that a huge string costs nothing. */
const MAX_LENGTH = 40;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const impossible = (problem: string, issue: ImpossibleDate): DateTimeParse => ({
  ok: false,
  reason: 'impossible',
  problem,
  issue,
});

export function parseDateTime(text: string, { timeOfDay }: DateTimeDefaults): DateTimeParse {
  const trimmed = text.trim();
  const match = trimmed.length <= MAX_LENGTH ? SHAPE.exec(trimmed) : null;
  if (!match)
    return {
      ok: false,
      reason: 'shape',
      problem: 'not a date: write YYYY-MM-DD, optionally with a time such as T18:00Z',
    };
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12)
    return impossible(`month ${mo} does not exist (01 to 12)`, { part: 'month', month: mo as string });
  if (day < 1 || day > daysInMonth(year, month))
    return impossible(`${day} ${MONTHS[month - 1]} ${year} does not exist`, {
      part: 'day',
      day,
      month,
      year,
    });
  const [dh, dm, ds] = timeOfDay.split(':');
  const hour = Number(h ?? dh);
  const minute = Number(mi ?? dm);
  const second = Number(s ?? ds ?? 0);
  if (hour > 23 || minute > 59 || second > 59) {
    const time = `${h}:${mi}${s === undefined ? '' : `:${s}`}`;
    return impossible(`${time} is not a time of day (00:00 to 23:59:59)`, { part: 'time', time });
  }
  const offsetMinutes = zone ? parseOffset(zone) : 0;
  if (offsetMinutes === null)
    return impossible(`${zone} is not a time zone offset (±00:00 to ±14:00)`, {
      part: 'offset',
      zone: zone as string,
    });
  const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return { ok: true, date: new Date(date.getTime() - offsetMinutes * 60_000) };
}

function parseOffset(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return null;
  return sign * (hours * 60 + minutes);
}
