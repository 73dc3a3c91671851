import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { plainText } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { SeasonModel } from '../season/model.js';
import { compareNames, type NameKind, type NameMatch, normaliseName, searchNames } from '../season/search.js';
import { plainClassName, teamName } from './common.js';
import { LIMITS, truncate } from './limits.js';
import { memoForModel } from './memo.js';
import { flag } from './text.js';

function personChoiceName(model: SeasonModel, id: string, via: string | null, locale: Locale): string {
  const person = model.people.get(id);
  if (!person) return id;
  const row = model.index.standingsByPerson.get(id)?.[0];
  // Choices are plain text, not markdown: names as written, never escaped.
  const standing = row
    ? ` · ${plainText(locale, 'replies.choices.standing', { class: plainClassName(model, row.classId), n: row.position })}`
    : '';
  const alias = via ? ` (${via})` : '';
  return `${person.name}${alias} ${flag(person.nationality.iso)}${standing}`;
}

/**
 * Autocomplete choices for people or teams: ranked search, ≤25 choices, names ≤100 characters, value = the
 * stable id (≤100 characters by the id schema's use; cut defensively). With nothing typed, people in
 * standings order, teams alphabetically.
 */
export function nameChoices(
  model: SeasonModel,
  kind: NameKind,
  typed: string,
  locale: Locale,
): APIApplicationCommandOptionChoice[] {
  // The same prefixes are typed over and over; the answer depends only on the model, the text and the language.
  return memoForModel(model, `choices:${locale}:${kind}:${normaliseName(typed)}`, () =>
    computeNameChoices(model, kind, typed, locale),
  );
}

function computeNameChoices(
  model: SeasonModel,
  kind: NameKind,
  typed: string,
  locale: Locale,
): APIApplicationCommandOptionChoice[] {
  let matches: Pick<NameMatch, 'id' | 'via'>[];
  if (typed.trim() === '') {
    matches =
      kind === 'person'
        ? [...model.standings.values()]
            .flatMap((t) => t.rows.slice(0, LIMITS.choices))
            .flatMap((r) => r.drivers.map((d) => ({ id: d.personId, via: null })))
        : [...model.teams.values()]
            .sort((a, b) => compareNames(a.name, b.name))
            .map((t) => ({ id: t.id, via: null }));
  } else {
    matches = searchNames(model.index.names, typed, { kinds: [kind], limit: LIMITS.choices });
  }
  const seen = new Set<string>();
  const choices: APIApplicationCommandOptionChoice[] = [];
  for (const m of matches) {
    if (seen.has(m.id) || m.id.length > LIMITS.choiceValue) continue;
    seen.add(m.id);
    const name = kind === 'person' ? personChoiceName(model, m.id, m.via, locale) : teamName(model, m.id);
    choices.push({ name: truncate(name, LIMITS.choiceName), value: m.id });
    if (choices.length === LIMITS.choices) break;
  }
  return choices;
}
