import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { plainT } from '../i18n/plain-text.js';
import type { ComputedStandings } from '../season/computed-table.js';
import type { SeasonModel, StandingsRow } from '../season/model.js';
import type { ComputedTable } from '../season/standings-engine.js';
import { COLOURS, className, sourceFooter } from './common.js';
import { LIMITS } from './limits.js';
import { memoForModel } from './memo.js';
import { literal, md, type SafeEmbed, type SafeText, safe } from './safe-text.js';
import { pagedRows, rowLineLength, type StandingsPage, standingsRowLine } from './standings.js';

/** ▲2 / ▼1 / – since the previous round; `new` for a row not in the previous table; '' after round 1. */
export function movementMark(current: number, previous: number | null, afterRound: number): string {
  if (afterRound <= 1) return '';
  if (previous === null) return 'new';
  if (previous === current) return '–';
  return previous > current ? `▲${previous - current}` : `▼${current - previous}`;
}

/** The movement mark as it follows a row's total in text: a space, then the mark. */
export function movementText(
  current: number,
  previous: number | null,
  afterRound: number,
  locale: Locale,
): SafeText {
  const mark = movementMark(current, previous, afterRound);
  if (!mark) return literal('');
  return md` ${mark === 'new' ? t(locale, 'replies.standings.newMark') : safe(mark)}`;
}

/** Each row's movement mark, in table order (the picture prints them next to the totals). */
export function movementMarks(computed: ComputedTable, locale: Locale): string[] {
  const fresh = plainT(locale, 'replies.standings.newMark');
  return computed.rows.map((row) => {
    const mark = movementMark(row.position, row.previousPosition, computed.afterRound);
    return mark === 'new' ? fresh : mark;
  });
}

/**
 * A class table computed from the round classifications (no table is published for the class), labelled
 * as computed, with each row's movement since the previous round.
 */
export function buildComputedStandingsEmbed(
  model: SeasonModel,
  standings: ComputedStandings,
  locale: Locale,
): SafeEmbed {
  return buildComputedStandingsPage(model, standings, null, locale).embed;
}

export function buildComputedStandingsPage(
  model: SeasonModel,
  standings: ComputedStandings,
  asked: number | null,
  locale: Locale,
): StandingsPage {
  const { table, computed } = standings;
  return memoForModel(
    model,
    `computed-standings:${locale}:${table.classId}:${computed.afterRound}:${asked ?? 1}`,
    () => {
      const round = model.rounds[computed.afterRound - 1];
      const note = t(locale, 'replies.standings.computedNote', {
        round: computed.afterRound,
        where: round ? md` (${safe(round.short_name)})` : literal(''),
      });
      const rows = table.rows;
      const move = (i: number) =>
        movementText(
          (rows[i] as StandingsRow).position,
          computed.rows[i]?.previousPosition ?? null,
          computed.afterRound,
          locale,
        );
      const line = (i: number) => standingsRowLine(model, table, rows[i] as StandingsRow, move(i));
      let measure: ((row: StandingsRow) => number) | undefined;
      const length = (i: number) => {
        measure ??= rowLineLength(model, table);
        return measure(rows[i] as StandingsRow) + move(i).length;
      };
      const paged =
        rows.length === 0
          ? { body: t(locale, 'replies.standings.noneScored'), page: 1, pages: 1 }
          : pagedRows(
              model,
              `computed-standings:${table.classId}`,
              rows.length,
              line,
              length,
              LIMITS.description - note.length - 2,
              asked,
              locale,
            );
      const embed: SafeEmbed = {
        title: t(locale, 'replies.standings.computedTitle', {
          class: className(model, table.classId),
          season: safe(model.name),
        }),
        description: md`${paged.body}\n\n${note}`,
        color: COLOURS.standings,
        footer: sourceFooter(model, locale),
      };
      return { embed, page: paged.page, pages: paged.pages };
    },
  );
}
