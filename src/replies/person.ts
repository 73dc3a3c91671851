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
  bold,
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

export function buildPersonEmbed(model: SeasonModel, profile: PersonProfile): SafeEmbed {
  return memoForModel(model, `person:${profile.person.id}`, () => personEmbed(model, profile));
}

function standingFields(model: SeasonModel, profile: PersonProfile): SafeEmbedField[] {
  const { person } = profile;
  const fields: SafeEmbedField[] = [];
  for (const row of profile.standings) {
    const table = model.standings.get(row.classId);
    const mates = row.drivers
      .filter((d) => d.personId !== person.id)
      .map((d) => personWithFlag(model, d.personId));
    const position = row.tied ? md`=${ordinal(row.position)}` : ordinal(row.position);
    const team = row.teamId ? md` · ${safe(teamName(model, row.teamId))}` : literal('');
    const lines = [md`${bold(position)} with ${bold(md`${row.points} points`)} (published)${team}`];
    if (mates.length > 0) lines.push(md`Shares the row with ${joinSafe(mates, ', ')}`);
    if (table && row.cells) {
      lines.push(md`Per round (overall positions as published): ${formatRowCells(table.columns, row.cells)}`);
      const derived = derivePoints(model, table, row);
      if (derived?.matchesPublished) {
        const parts = derived.perColumn.filter((p): p is number => p !== null && p > 0);
        lines.push(
          md`Derived: ${joinSafe(parts, ' + ')} = ${derived.total}, reading overall positions as class positions; this matches the published total.`,
        );
      } else if (derived) {
        lines.push(
          literal(
            'Per-round points were not published, and the overall positions do not reproduce the published total (class positions differ), so no split is shown.',
          ),
        );
      }
    } else if (table) {
      lines.push(literal('Only the total was published for this class.'));
    }
    fields.push({ name: md`${className(model, row.classId)} standing`, value: joinSafe(lines, '\n') });
  }
  fields.push(...computedStandingFields(model, person.id));
  if (fields.length === 0)
    fields.push({ name: literal('Standing'), value: literal('Not in any published standings table.') });
  return fields;
}

/**
 * Every entry of the person, then the evidence for links from other tables in the data's own words. Rounds
 * the results or standings show them racing that no published round list explains are folded into the one
 * entry whose rounds are unknown, so "not published" and "seen in round 3" read as one fact.
 */
function entryFields(model: SeasonModel, profile: PersonProfile): SafeEmbedField[] {
  if (profile.entries.length === 0)
    return [{ name: literal('Entries'), value: literal('Not in the entry list.') }];
  const seen = roundsSeenElsewhere(model, profile.person.id);
  const known = new Set(
    profile.entries.flatMap(({ driver }) => driver.rounds ?? driver.linked?.rounds ?? []),
  );
  const unexplained = seen.filter((r) => !known.has(r));
  const unknown = profile.entries.filter(({ driver }) => driver.rounds === null && !driver.linked?.rounds);
  const foldInto = unknown.length === 1 && unexplained.length > 0 ? unknown[0] : undefined;
  const lines = profile.entries.map((item) => {
    const { entry, driver, linkedOnly } = item;
    const head = md`${className(model, entry.classId)} · #${entry.car} ${teamWithFlag(model, entry.teamId)}`;
    const folded = item === foldInto ? unexplained : [];
    if (linkedOnly && driver.linked?.rounds)
      return md`${head} — not named in the entry list (a lost cell); linked to them by other tables for ${roundsPhrase(driver.linked.rounds, model.rounds.length)} (evidence below)`;
    const rounds = describeDriverRounds(model, driver, folded);
    if (linkedOnly)
      return md`${head} — not named in the entry list (a lost cell); linked to them by other tables (evidence below); ${rounds}`;
    return md`${head} — ${rounds}`;
  });
  if (!foldInto && seen.length > 0)
    lines.push(md`Results and standings show them racing in ${roundsPhrase(seen, model.rounds.length)}.`);
  const fields: SafeEmbedField[] = [{ name: literal('Entries'), value: joinSafe(lines, '\n') }];
  const evidence = profile.entries
    .map(({ entry, driver }) => linkedEvidence(entry, driver))
    .filter((e): e is SafeText => e !== null);
  if (evidence.length > 0)
    fields.push({ name: literal('Sources for lost cells'), value: joinSafe(evidence, '\n') });
  return fields;
}

function winFields(model: SeasonModel, profile: PersonProfile): SafeEmbedField[] {
  if (profile.wins.length === 0) return [{ name: literal('Class wins'), value: literal('None published.') }];
  const lines = profile.wins.map((win) => {
    const round = model.rounds[win.round - 1];
    return md`${round ? roundLabel(round) : md`R${win.round}`} — ${className(model, win.classId)}, #${win.car} ${teamWithFlag(model, win.teamId)}`;
  });
  return [{ name: md`Class wins (${profile.wins.length})`, value: joinSafe(lines, '\n') }];
}

function personEmbed(model: SeasonModel, profile: PersonProfile): SafeEmbed {
  const { person } = profile;
  const about = [
    md`${countryName(person.nationality.iso)} (printed as ${safe(person.nationality.written.join(', '))})`,
  ];
  if (person.aliases.length > 0) about.push(md`Also written: ${joinSafe(person.aliases.map(safe), ', ')}`);
  if (person.note) about.push(md`Note: ${safe(person.note)}`);
  return {
    title: md`${flag(person.nationality.iso)} ${safe(person.name)}`,
    description: joinSafe(about, '\n'),
    color: COLOURS.person,
    fields: [...standingFields(model, profile), ...entryFields(model, profile), ...winFields(model, profile)],
    footer: sourceFooter(model),
  };
}

/** Several people match: a short list to pick from. */
export function buildPickListEmbed(
  model: SeasonModel,
  typed: string,
  matches: readonly NameMatch[],
): SafeEmbed {
  const lines = matches.map((m) => {
    const rows = model.index.standingsByPerson.get(m.id) ?? [];
    const standing = rows[0]
      ? md` — ${className(model, rows[0].classId)} ${ordinal(rows[0].position)}, ${rows[0].points} pts`
      : literal('');
    const via = m.via ? md` (written “${safe(m.via)}”)` : literal('');
    return md`• ${personWithFlag(model, m.id)}${via}${standing}`;
  });
  return {
    title: md`${matches.length} people match ${quoteInput(typed, 80)}`,
    description: md`${joinSafe(lines, '\n')}\n\nChoose one in the menu below, or ask again with the full name.`,
    color: COLOURS.person,
    footer: sourceFooter(model),
  };
}
