import { t } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { SeasonModel } from '../season/model.js';
import { derivePoints, type PersonProfile, roundsSeenElsewhere } from '../season/queries.js';
import type { NameMatch } from '../season/search.js';
import {
  COLOURS,
  className,
  personWithFlag,
  roundLabel,
  sourceFooter,
  teamName,
  teamWithFlag,
} from './common.js';
import { describeDriverRounds, linkedEvidence, roundsPhrase } from './entries.js';
import { memoForModel } from './memo.js';
import { computedStandingFields } from './points-breakdown.js';
import {
  joinSafe,
  literal,
  md,
  type SafeEmbed,
  type SafeEmbedField,
  type SafeText,
  safe,
} from './safe-text.js';
import { formatRowCells } from './standings.js';
import { countryName, flag, ordinal, quoteInput } from './text.js';

export function buildPersonEmbed(model: SeasonModel, profile: PersonProfile, locale: Locale): SafeEmbed {
  return memoForModel(model, `person:${locale}:${profile.person.id}`, () =>
    personEmbed(model, profile, locale),
  );
}

function standingFields(model: SeasonModel, profile: PersonProfile, locale: Locale): SafeEmbedField[] {
  const { person } = profile;
  const fields: SafeEmbedField[] = [];
  for (const row of profile.standings) {
    const table = model.standings.get(row.classId);
    const mates = row.drivers
      .filter((d) => d.personId !== person.id)
      .map((d) => personWithFlag(model, d.personId));
    const position = row.tied ? md`=${ordinal(row.position, locale)}` : ordinal(row.position, locale);
    const team = row.teamId ? md` · ${safe(teamName(model, row.teamId))}` : literal('');
    const lines = [
      md`${t(locale, 'replies.driver.standingPublished', { position, points: row.points })}${team}`,
    ];
    if (mates.length > 0) lines.push(t(locale, 'replies.common.sharesRow', { names: joinSafe(mates, ', ') }));
    if (table && row.cells) {
      lines.push(t(locale, 'replies.driver.perRound', { cells: formatRowCells(table.columns, row.cells) }));
      const derived = derivePoints(model, table, row);
      if (derived?.matchesPublished) {
        const parts = derived.perColumn.filter((p): p is number => p !== null && p > 0);
        lines.push(
          t(locale, 'replies.driver.derived', { sum: joinSafe(parts, ' + '), total: derived.total }),
        );
      } else if (derived) {
        lines.push(t(locale, 'replies.driver.noSplit'));
      }
    } else if (table) {
      lines.push(t(locale, 'replies.driver.totalOnly'));
    }
    fields.push({
      name: t(locale, 'replies.driver.standingTitle', { class: className(model, row.classId) }),
      value: joinSafe(lines, '\n'),
    });
  }
  fields.push(...computedStandingFields(model, person.id, locale));
  if (fields.length === 0)
    fields.push({
      name: t(locale, 'replies.driver.standing'),
      value: t(locale, 'replies.driver.noStanding'),
    });
  return fields;
}

/**
 * Every entry of the person, then the evidence for links from other tables in the data's own words. Rounds
 * the results or standings show them racing that no published round list explains are folded into the one
 * entry whose rounds are unknown, so "not published" and "seen in round 3" read as one fact.
 */
function entryFields(model: SeasonModel, profile: PersonProfile, locale: Locale): SafeEmbedField[] {
  const title = t(locale, 'replies.driver.entries');
  if (profile.entries.length === 0) return [{ name: title, value: t(locale, 'replies.driver.notEntered') }];
  const seen = roundsSeenElsewhere(model, profile.person.id);
  const known = new Set(
    profile.entries.flatMap(({ driver }) => driver.rounds ?? driver.linked?.rounds ?? []),
  );
  const unexplained = seen.filter((r) => !known.has(r));
  const unknown = profile.entries.filter(({ driver }) => driver.rounds === null && !driver.linked?.rounds);
  const foldInto = unknown.length === 1 && unexplained.length > 0 ? unknown[0] : undefined;
  const count = model.rounds.length;
  const lines = profile.entries.map((item) => {
    const { entry, driver, linkedOnly } = item;
    const head = md`${className(model, entry.classId)} · #${entry.car} ${teamWithFlag(model, entry.teamId)}`;
    const folded = item === foldInto ? unexplained : [];
    if (linkedOnly && driver.linked?.rounds)
      return t(locale, 'replies.driver.linkedOnlyFor', {
        head,
        rounds: roundsPhrase(driver.linked.rounds, count, locale),
      });
    const rounds = describeDriverRounds(model, driver, locale, folded);
    if (linkedOnly) return t(locale, 'replies.driver.linkedOnly', { head, rounds });
    return md`${head} — ${rounds}`;
  });
  if (!foldInto && seen.length > 0)
    lines.push(t(locale, 'replies.driver.seenRacing', { rounds: roundsPhrase(seen, count, locale) }));
  const fields: SafeEmbedField[] = [{ name: title, value: joinSafe(lines, '\n') }];
  const evidence = profile.entries
    .map(({ entry, driver }) => linkedEvidence(entry, driver))
    .filter((e): e is SafeText => e !== null);
  if (evidence.length > 0)
    fields.push({ name: t(locale, 'replies.driver.sources'), value: joinSafe(evidence, '\n') });
  return fields;
}

function winFields(model: SeasonModel, profile: PersonProfile, locale: Locale): SafeEmbedField[] {
  if (profile.wins.length === 0)
    return [{ name: t(locale, 'replies.driver.classWinsNone'), value: t(locale, 'replies.driver.noneWon') }];
  const lines = profile.wins.map((win) => {
    const round = model.rounds[win.round - 1];
    return md`${round ? roundLabel(round) : md`R${win.round}`} — ${className(model, win.classId)}, #${win.car} ${teamWithFlag(model, win.teamId)}`;
  });
  return [
    {
      name: t(locale, 'replies.driver.classWins', { count: profile.wins.length }),
      value: joinSafe(lines, '\n'),
    },
  ];
}

function personEmbed(model: SeasonModel, profile: PersonProfile, locale: Locale): SafeEmbed {
  const { person } = profile;
  const about = [
    t(locale, 'replies.driver.nationality', {
      country: countryName(person.nationality.iso, locale),
      written: safe(person.nationality.written.join(', ')),
    }),
  ];
  if (person.aliases.length > 0)
    about.push(t(locale, 'replies.driver.aliases', { names: joinSafe(person.aliases.map(safe), ', ') }));
  if (person.note) about.push(t(locale, 'replies.driver.note', { note: safe(person.note) }));
  return {
    title: md`${flag(person.nationality.iso)} ${safe(person.name)}`,
    description: joinSafe(about, '\n'),
    color: COLOURS.person,
    fields: [
      ...standingFields(model, profile, locale),
      ...entryFields(model, profile, locale),
      ...winFields(model, profile, locale),
    ],
    footer: sourceFooter(model, locale),
  };
}

/** Several people match: a short list to pick from. */
export function buildPickListEmbed(
  model: SeasonModel,
  typed: string,
  matches: readonly NameMatch[],
  locale: Locale,
): SafeEmbed {
  const lines = matches.map((m) => {
    const rows = model.index.standingsByPerson.get(m.id) ?? [];
    const standing = rows[0]
      ? md` — ${t(locale, 'replies.driver.pickStanding', {
          class: className(model, rows[0].classId),
          position: ordinal(rows[0].position, locale),
          points: rows[0].points,
        })}`
      : literal('');
    const via = m.via ? md` ${t(locale, 'replies.driver.pickVia', { via: safe(m.via) })}` : literal('');
    return md`• ${personWithFlag(model, m.id)}${via}${standing}`;
  });
  return {
    title: t(locale, 'replies.driver.pickTitle', { count: matches.length, typed: quoteInput(typed, 80) }),
    description: md`${joinSafe(lines, '\n')}\n\n${t(locale, 'replies.driver.pickChoose')}`,
    color: COLOURS.person,
    footer: sourceFooter(model, locale),
  };
}
