import type { APIEmbed } from 'discord-api-types/v10';
import type { ReplyFile } from '../core/command.js';
import { formatDay } from '../i18n/cldr.js';
import type { Locale } from '../i18n/locale.js';
import { plainT } from '../i18n/plain-text.js';
// Not through pictures/index.ts: that would load resvg into the bot's process, which only renders in a child.
import { createPictureCache } from '../pictures/picture-cache.js';
import { renderInChildProcess } from '../pictures/render-process.js';
import { buildStandingsMatrixSvg, buildTotalsTableSvg } from '../pictures/standings-matrix.js';
import type {
  CellKind,
  PictureLabels,
  StandingsMatrix,
  TotalsTable,
  WinnersGrid,
} from '../pictures/types.js';
import { buildWinnersGridSvg } from '../pictures/winners-grid.js';
import type { SeasonModel, StandingsTable } from '../season/model.js';
import { derivePoints } from '../season/queries.js';
import type { Cell } from '../season/schema.js';
import { plainClassName, withoutCode } from './common.js';
import { memoForModel } from './memo.js';

/**
 * Pictures are rendered once per (season, picture, data version) and kept: a repeated /standings costs a
 * map lookup. The key carries the model's content hash, so a data reload renders afresh. Rendering runs in
 * a child process (see pictures/render-process.ts).
 */
const cache = createPictureCache({ maxEntries: 64, render: renderInChildProcess });

/**
 * Colour of a published cell. Pro Cup cells are overall positions, so "scored points" is read from the
 * stage's points table applied to that position — a derivation the legend states. It is only shown where
 * it reproduces the row's published total (`reconciled`, as /driver says "this matches the published
 * total"); in other rows the class positions differ, so a position says nothing about points or podiums.
 */
export function cellKind(
  model: SeasonModel,
  table: StandingsTable,
  columnIndex: number,
  cell: Cell,
  reconciled = true,
): CellKind {
  if (cell === null) return 'blank';
  if (typeof cell !== 'number')
    return cell === 'Ret' || (cell as string) === 'DNF' ? 'retired' : 'classified';
  if (!reconciled) return 'unreconciled';
  if (cell === 1) return 'win';
  if (cell === 2) return 'second';
  if (cell === 3) return 'third';
  const column = table.columns[columnIndex];
  const stage = column
    ? model.rounds[column.round - 1]?.scoring.find((s) => s.stage === column.stage)
    : undefined;
  const points = stage ? (model.pointsTables.get(stage.tableId)?.points[cell - 1] ?? 0) : 0;
  return points > 0 ? 'points' : 'classified';
}

/** The source line under a picture or chart: plain text, as the picture draws it. */
export function pictureSource(model: SeasonModel, locale: Locale): string {
  const { title, kind } = model.files.season.source;
  return plainT(locale, 'replies.pictures.source', { title, kind });
}

/** Every word a picture draws that is not data: headings, legend, empty-table messages. */
export function pictureLabels(locale: Locale): PictureLabels {
  return {
    position: plainT(locale, 'replies.pictures.position'),
    drivers: plainT(locale, 'replies.pictures.drivers'),
    team: plainT(locale, 'replies.pictures.team'),
    points: plainT(locale, 'replies.pictures.points'),
    round: plainT(locale, 'replies.pictures.round'),
    noEntries: plainT(locale, 'replies.pictures.noEntries'),
    noRounds: plainT(locale, 'replies.pictures.noRounds'),
    legend: {
      win: plainT(locale, 'replies.pictures.legend.win'),
      second: plainT(locale, 'replies.pictures.legend.second'),
      third: plainT(locale, 'replies.pictures.legend.third'),
      points: plainT(locale, 'replies.pictures.legend.points'),
      classified: plainT(locale, 'replies.pictures.legend.classified'),
      retired: plainT(locale, 'replies.pictures.legend.retired'),
      unreconciled: plainT(locale, 'replies.pictures.legend.unreconciled'),
      blank: plainT(locale, 'replies.pictures.legend.blank'),
    },
  };
}

/**
 * A picture stays readable and within Discord's upload limit: at most this many rows, the top of the table,
 * with the subtitle saying so. The text embed lists what fits; /driver finds anyone.
 */
export const MAX_PICTURE_ROWS = 40;

function shownRows(table: StandingsTable) {
  return table.rows.slice(0, MAX_PICTURE_ROWS);
}

/** What a subtitle says about rows left out (the values of its `cut` select). */
function cutValues(table: StandingsTable) {
  return {
    cut: table.rows.length > MAX_PICTURE_ROWS ? 'yes' : 'no',
    shown: MAX_PICTURE_ROWS,
    total: table.rows.length,
  };
}

function legendNote(model: SeasonModel, table: StandingsTable, locale: Locale): string {
  if (table.cellsMeaning === 'overall-positions') return plainT(locale, 'replies.pictures.noteOverall');
  return model.standings.get(table.classId) === table
    ? plainT(locale, 'replies.pictures.notePublished')
    : plainT(locale, 'replies.pictures.noteComputed');
}

/**
 * `movement` (computed tables) holds each row's mark since the previous round (▲2, ▼1, –, new), printed
 * after the total as the text table does.
 */
export function standingsMatrixInput(
  model: SeasonModel,
  table: StandingsTable,
  locale: Locale,
  movement: readonly string[] = [],
): StandingsMatrix {
  return {
    title: plainT(locale, 'replies.pictures.standingsTitle', { class: plainClassName(model, table.classId) }),
    subtitle: plainT(locale, 'replies.pictures.subtitle', { season: model.name, ...cutValues(table) }),
    labels: pictureLabels(locale),
    columns: table.columns.map((c) => ({
      label: c.label,
      ...(c.sublabel ? { sublabel: c.sublabel } : {}),
      group: c.label,
    })),
    rows: shownRows(table).map((row, index) => {
      const mark = movement[index];
      const reconciled = derivePoints(model, table, row)?.matchesPublished ?? true;
      return {
        position: row.tied ? `=${row.position}` : String(row.position),
        names: row.drivers.map((d) => withoutCode(d.asWritten)),
        team: row.teamAsWritten ? withoutCode(row.teamAsWritten) : null,
        cells: (row.cells ?? []).map((cell, i) => ({
          text: cell === null ? '' : String(cell),
          kind: cellKind(model, table, i, cell, reconciled),
        })),
        total: mark ? `${row.points} ${mark}` : String(row.points),
      };
    }),
    legendNote: legendNote(model, table, locale),
    footer: pictureSource(model, locale),
  };
}

export function totalsTableInput(model: SeasonModel, table: StandingsTable, locale: Locale): TotalsTable {
  return {
    title: plainT(locale, 'replies.pictures.standingsTitle', { class: plainClassName(model, table.classId) }),
    subtitle: plainT(locale, 'replies.pictures.totalsSubtitle', { season: model.name, ...cutValues(table) }),
    labels: pictureLabels(locale),
    rows: shownRows(table).map((row) => ({
      position: row.tied ? `=${row.position}` : String(row.position),
      names: row.drivers.map((d) => withoutCode(d.asWritten)),
      team: row.teamAsWritten ? withoutCode(row.teamAsWritten) : null,
      total: String(row.points),
    })),
    footer: pictureSource(model, locale),
  };
}

/**
 * A round's date (a calendar day, no time) in the reader's language: formatted in UTC, so 28 July never
 * becomes 27 July west of Greenwich. English is British, as the series is European ("28 Jul 2013").
 */
export function roundDay(date: string, locale: Locale): string {
  return formatDay(locale, Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Winners of rounds 1..upToRound (inclusive): a replay must not show winners of rounds still ahead. */
export function winnersGridInput(model: SeasonModel, upToRound: number, locale: Locale): WinnersGrid {
  return {
    title: plainT(locale, 'replies.pictures.winnersTitle'),
    subtitle:
      upToRound >= model.rounds.length
        ? model.name
        : plainT(locale, 'replies.pictures.winnersAfter', { season: model.name, round: upToRound }),
    labels: pictureLabels(locale),
    classes: model.classes.map((c) => c.name),
    rounds: model.rounds.slice(0, upToRound).map((round) => ({
      label: `R${round.round} ${round.short_name}`,
      sublabel: roundDay(round.date, locale),
      cells: model.classes.map((c) => {
        const winner = model.results.get(round.round)?.winners.find((w) => w.classId === c.id);
        return winner
          ? {
              car: `#${winner.car}`,
              team: withoutCode(winner.asWritten.replace(/No\. \d+ /, '')),
              crew: winner.crew.map((p) => withoutCode(p.asWritten)),
            }
          : null;
      }),
    })),
    footer: pictureSource(model, locale),
  };
}

function attach(
  name: string,
  description: string,
  png: Uint8Array,
): { file: ReplyFile; image: APIEmbed['image'] } {
  return {
    file: { name, contentType: 'image/png', data: png, description },
    image: { url: `attachment://${name}` },
  };
}

/**
 * The standings picture for one class, from the cache when this data version was drawn before. A computed
 * table passes the round it is after (part of the cache key) and its rows' movement marks.
 */
export async function standingsPicture(
  model: SeasonModel,
  table: StandingsTable,
  locale: Locale,
  computed?: { afterRound: number; movement: readonly string[] },
) {
  const after = computed ? `:after-${computed.afterRound}` : '';
  const key = `${model.id}:standings:${locale}:${table.classId}${after}:${model.version}`;
  const hasCells = table.columns.length > 0;
  const picture = await cache.getOrRender(key, () =>
    hasCells
      ? buildStandingsMatrixSvg(standingsMatrixInput(model, table, locale, computed?.movement))
      : buildTotalsTableSvg(totalsTableInput(model, table, locale)),
  );
  return {
    ...attach(
      `standings-${table.classId}.png`,
      // Asked on every /standings, also when the reply itself is a memo hit: formatted once per language.
      memoForModel(model, `alt:standings:${locale}:${table.classId}`, () =>
        plainT(locale, 'replies.pictures.standingsAlt', { class: plainClassName(model, table.classId) }),
      ),
      picture.png,
    ),
    fromCache: picture.fromCache,
  };
}

export async function winnersGridPicture(model: SeasonModel, upToRound: number, locale: Locale) {
  const key = `${model.id}:winners:${locale}:${upToRound}:${model.version}`;
  const picture = await cache.getOrRender(key, () =>
    buildWinnersGridSvg(winnersGridInput(model, upToRound, locale)),
  );
  return {
    ...attach(
      `winners-r${upToRound}.png`,
      plainT(locale, 'replies.pictures.winnersAlt', { round: upToRound }),
      picture.png,
    ),
    fromCache: picture.fromCache,
  };
}

/**
 * A picture that could not be drawn leaves the text answer (commands fall back to it); the failure is
 * reported as a process warning — on the bot's stderr next to its logs — so an operator sees it.
 */
export function pictureFailed(error: unknown): null {
  const detail = error instanceof Error ? error.message : String(error);
  process.emitWarning(`picture not drawn, answered with text only: ${detail}`, 'PitboardPictureWarning');
  return null;
}
