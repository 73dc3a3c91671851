import { plainText } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { Round, SeasonModel } from '../season/model.js';
import type { NameMatch } from '../season/search.js';
import { type ActionRow, actionRows, button, type SelectChoice, stringSelect } from './builders.js';
import { type ComponentCommand, type ComponentState, dataVersionOf, encodeCustomId } from './custom-id.js';

/**
 * The components of each clickable reply. Every custom_id carries the season's data version and the
 * season option exactly as the asker gave it (none = the default season, whichever it is when pressed).
 */
type Encode = (slot: string, options: ComponentState['options']) => string;

function encoderFor(model: SeasonModel, command: ComponentCommand, season: string | null): Encode {
  const dataVersion = dataVersionOf(model.version);
  return (slot, options) =>
    encodeCustomId({ dataVersion, command, slot, options: { ...(season ? { season } : {}), ...options } });
}

/** A season id too long for a custom_id (ids are free-form kebab-case) leaves the reply without buttons. */
function orNone(build: () => ActionRow[]): ActionRow[] {
  try {
    return build();
  } catch {
    return [];
  }
}

export interface StandingsView {
  classId: string;
  season: string | null;
  /** The round the table is after, when one was asked (live seasons); null for the latest. */
  round?: number | null;
  page: number;
  pages: number;
  text: boolean;
  /** Classes the switcher offers: id and display name. */
  classes: readonly { id: string; name: string }[];
  /** The language of the labels. */
  locale: Locale;
}

/** ◀ ▶ between pages, the picture/text toggle, and the class switcher. */
export function standingsComponents(model: SeasonModel, view: StandingsView): ActionRow[] {
  return orNone(() => {
    const encode = encoderFor(model, 'standings', view.season);
    const label = (key: Parameters<typeof plainText>[1]) => plainText(view.locale, key);
    const here = { class: view.classId, text: view.text, ...(view.round ? { round: view.round } : {}) };
    const pager =
      view.pages > 1
        ? [
            button(
              encode('prev', { ...here, page: Math.max(1, view.page - 1) }),
              label('replies.buttons.previous'),
              {
                disabled: view.page <= 1,
              },
            ),
            button(
              encode('next', { ...here, page: Math.min(view.pages, view.page + 1) }),
              label('replies.buttons.next'),
              {
                disabled: view.page >= view.pages,
              },
            ),
          ]
        : [];
    const toggle = button(
      encode('view', { ...here, page: view.page, text: !view.text }),
      label(view.text ? 'replies.buttons.showPicture' : 'replies.buttons.textOnly'),
    );
    const switcher =
      view.classes.length > 1
        ? [
            stringSelect(
              encode('class', { text: view.text }),
              label('replies.buttons.anotherClass'),
              view.classes.map(
                (c): SelectChoice => ({ label: c.name, value: c.id, selected: c.id === view.classId }),
              ),
            ),
          ]
        : [];
    return actionRows([...pager, toggle], switcher);
  });
}

/** Several people match a name: a menu of them; choosing one shows that driver. */
export function driverPickComponents(
  model: SeasonModel,
  season: string | null,
  matches: readonly NameMatch[],
  locale: Locale,
): ActionRow[] {
  return orNone(() => {
    const encode = encoderFor(model, 'driver', season);
    const choices = matches.map(
      (m): SelectChoice => ({
        label: m.name,
        value: m.id,
        ...(m.via ? { description: plainText(locale, 'replies.buttons.writtenAs', { via: m.via }) } : {}),
      }),
    );
    return actionRows([
      stringSelect(encode('pick', {}), plainText(locale, 'replies.buttons.chooseDriver'), choices),
    ]);
  });
}

/** Previous / next round, labelled with the round it leads to; disabled at the season's ends. */
export function roundComponents(
  model: SeasonModel,
  command: 'results' | 'recap',
  season: string | null,
  round: Round,
  locale: Locale,
): ActionRow[] {
  return orNone(() => {
    const encode = encoderFor(model, command, season);
    const previous = model.rounds[round.round - 2];
    const next = model.rounds[round.round];
    return actionRows([
      button(
        encode('prev', { round: previous?.round ?? round.round }),
        previous
          ? plainText(locale, 'replies.buttons.previousRound', {
              round: previous.round,
              name: previous.short_name,
            })
          : plainText(locale, 'replies.buttons.previous'),
        { disabled: !previous },
      ),
      button(
        encode('next', { round: next?.round ?? round.round }),
        next
          ? plainText(locale, 'replies.buttons.nextRound', { round: next.round, name: next.short_name })
          : plainText(locale, 'replies.buttons.next'),
        { disabled: !next },
      ),
    ]);
  });
}
