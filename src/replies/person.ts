import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
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
import { describeDriverRounds, roundsPhrase } from './entries.js';
import { memoForModel } from './memo.js';
import { formatRowCells } from './standings.js';
import { countryName, flag, ordinal, quoteInput, safe } from './text.js';

export function buildPersonEmbed(model: SeasonModel, profile: PersonProfile): APIEmbed {
  return memoForModel(model, `person:${profile.person.id}`, () => personEmbed(model, profile));
}

function personEmbed(model: SeasonModel, profile: PersonProfile): APIEmbed {
  const { person } = profile;
  const fields: APIEmbedField[] = [];
  const about = [
    `${countryName(person.nationality.iso)} (printed as ${person.nationality.written.join(', ')})`,
  ];
  if (person.aliases.length > 0) about.push(`Also written: ${person.aliases.map(safe).join(', ')}`);
  if (person.note) about.push(`Note: ${safe(person.note)}`);

  for (const row of profile.standings) {
    const table = model.standings.get(row.classId);
    const mates = row.drivers
      .filter((d) => d.personId !== person.id)
      .map((d) => personWithFlag(model, d.personId));
    const lines = [
      `**${row.tied ? `=${ordinal(row.position)}` : ordinal(row.position)}** with **${row.points} points** (published)` +
        (row.teamId ? ` · ${safe(teamName(model, row.teamId))}` : ''),
    ];
    if (mates.length > 0) lines.push(`Shares the row with ${mates.join(', ')}`);
    if (table && row.cells) {
      lines.push(`Per round (overall positions as published): ${formatRowCells(table.columns, row.cells)}`);
      const derived = derivePoints(model, table, row);
      if (derived?.matchesPublished) {
        const parts = derived.perColumn.filter((p): p is number => p !== null && p > 0);
        lines.push(
          `Derived: ${parts.join(' + ')} = ${derived.total}, reading overall positions as class positions; this matches the published total.`,
        );
      } else if (derived) {
        lines.push(
          'Per-round points were not published, and the overall positions do not reproduce the published total (class positions differ), so no split is shown.',
        );
      }
    } else if (table) {
      lines.push('Only the total was published for this class.');
    }
    fields.push({ name: `${className(model, row.classId)} standing`, value: lines.join('\n') });
  }
  if (profile.standings.length === 0)
    fields.push({ name: 'Standing', value: 'Not in any published standings table.' });

  if (profile.entries.length > 0) {
    const seen = roundsSeenElsewhere(model, person.id);
    const lines = profile.entries.map(({ entry, driver, linkedOnly }) => {
      const head = `${className(model, entry.classId)} · #${entry.car} ${teamWithFlag(model, entry.teamId)}`;
      if (linkedOnly) {
        const rounds = driver.linked?.rounds
          ? roundsPhrase(driver.linked.rounds, model.rounds.length)
          : 'rounds unknown';
        return `${head} — not named in the entry list (a lost cell); results/standings link this car to them, ${rounds}`;
      }
      return `${head} — ${describeDriverRounds(model, driver)}`;
    });
    if (seen.length > 0)
      lines.push(`Results and standings show them racing in ${roundsPhrase(seen, model.rounds.length)}.`);
    fields.push({ name: 'Entries', value: lines.join('\n') });
  } else {
    fields.push({ name: 'Entries', value: 'Not in the entry list.' });
  }

  if (profile.wins.length > 0) {
    const lines = profile.wins.map((win) => {
      const round = model.rounds[win.round - 1];
      return `${round ? roundLabel(round) : `R${win.round}`} — ${className(model, win.classId)}, #${win.car} ${teamWithFlag(model, win.teamId)}`;
    });
    fields.push({ name: `Class wins (${profile.wins.length})`, value: lines.join('\n') });
  } else {
    fields.push({ name: 'Class wins', value: 'None published.' });
  }

  return {
    title: `${flag(person.nationality.iso)} ${safe(person.name)}`,
    description: about.join('\n'),
    color: COLOURS.person,
    fields,
    footer: sourceFooter(model),
  };
}

/** Several people match: a short list to pick from. */
export function buildPickListEmbed(
  model: SeasonModel,
  typed: string,
  matches: readonly NameMatch[],
): APIEmbed {
  const lines = matches.map((m) => {
    const rows = model.index.standingsByPerson.get(m.id) ?? [];
    const standing = rows[0]
      ? ` — ${className(model, rows[0].classId)} ${ordinal(rows[0].position)}, ${rows[0].points} pts`
      : '';
    const via = m.via ? ` (written “${safe(m.via)}”)` : '';
    return `• ${personWithFlag(model, m.id)}${via}${standing}`;
  });
  return {
    title: `${matches.length} people match ${quoteInput(typed, 80)}`,
    description: `${lines.join('\n')}\n\nAsk again with the full name, or pick one from the autocomplete list.`,
    color: COLOURS.person,
    footer: sourceFooter(model),
  };
}
