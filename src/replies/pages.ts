import { UserError } from '../core/command.js';
import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { SafeText } from './safe-text.js';

/** Rows per page of a long table: a screenful on a phone, and few enough to read without scrolling. */
export const ROWS_PER_PAGE = 10;

export interface PageSpan {
  /** First row (inclusive) and end (exclusive). */
  start: number;
  end: number;
}

/**
 * Cut `count` lines into pages of at most `perPage` lines and at most `room` characters each (joined by
 * newlines), in order, none empty. A single line longer than `room` gets a page of its own (the embed clamp
 * shortens it): nothing is left out, every row is on exactly one page.
 */
export function splitIntoPages(
  count: number,
  lineAt: (index: number) => SafeText,
  room: number,
  perPage = ROWS_PER_PAGE,
): PageSpan[] {
  return splitByLengths(count, (i) => lineAt(i).length, room, perPage);
}

/**
 * The same cut as splitIntoPages from the lines' lengths alone: a long table's pages are known without
 * formatting its lines, and only the page shown is formatted.
 */
export function splitByLengths(
  count: number,
  lengthAt: (index: number) => number,
  room: number,
  perPage = ROWS_PER_PAGE,
): PageSpan[] {
  const pages: PageSpan[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < count; i++) {
    const own = lengthAt(i);
    const length = own + (i > start ? 1 : 0);
    if (i > start && (i - start >= perPage || used + length > room)) {
      pages.push({ start, end: i });
      start = i;
      used = own;
    } else {
      used += length;
    }
  }
  if (count > 0) pages.push({ start, end: count });
  return pages;
}

/** The page a reply shows: 1 when none was asked for; a page that does not exist is the asker's mistake. */
export function choosePage(asked: number | null, pages: number): number {
  if (asked === null) return 1;
  if (Number.isInteger(asked) && asked >= 1 && asked <= Math.max(1, pages)) return asked;
  const count = Math.max(1, pages);
  throw new UserError((locale) => t(locale, 'replies.errors.noPage', { page: asked, pages: count }));
}

export function pageLine(page: number, pages: number, locale: Locale): SafeText {
  return t(locale, 'replies.standings.page', { page, pages });
}
