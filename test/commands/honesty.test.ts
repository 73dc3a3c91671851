/**
 * Replies say no more than the data: a link another table suggests is shown with its evidence, a name keeps
 * the spelling its line printed, "not published" and "seen in round 3" read as one fact, and a loose match
 * is offered as "did you mean", never answered with a confident profile.
 */
import { describe, expect, test } from 'vitest';
import { ask, expectValidReply, isEphemeral } from './discord-limits.js';

async function text(command: string, options: Record<string, string | number>): Promise<string> {
  const answer = await ask(command, options);
  expectValidReply(answer);
  return answer.text;
}

describe('links from other tables are as strong as their evidence', () => {
  test.each([
    ['Skryabin', '#90 🇷🇺 Esta Motorsport', '#90: Pro Cup standings row'],
    ['Christodoulou', '#18 🇩🇪 Black Falcon', '#18: Pro-Am Cup standings'],
  ])(
    '/driver %s shows the evidence in the data’s own words, "suggestive, not proof"',
    async (name, car, note) => {
      const reply = await text('driver', { name });
      expect(reply).toContain(
        `${car} — not named in the entry list (a lost cell); linked to them by other tables`,
      );
      expect(reply).toContain(note);
      expect(reply).toContain('Suggestive, not proof.');
      expect(reply).not.toContain('link this car to them');
    },
  );

  test('/lineup and /driver take the evidence from the same place, word for word', async () => {
    const lineup = await text('lineup', { car: 90 });
    const driver = await text('driver', { name: 'Skryabin' });
    const evidence = /#90: [^\n]*Suggestive, not proof\./.exec(lineup)?.[0];
    expect(evidence).toBeDefined();
    expect(driver).toContain(evidence);
  });
});

test('/lineup car:33 prints the name as the entry line printed it, and says it was merged', async () => {
  const reply = await text('lineup', { car: 33 });
  expect(reply).toContain(
    'Cédric Mezart (as printed here; merged with Cédric Mézard by the alias list) — round 3',
  );
  expect(reply).not.toMatch(/• 🇫🇷 Cédric Mézard —/);
});

test('/driver Wauters: rounds not published and round 3 seen in the results, said as one fact', async () => {
  const reply = await text('driver', { name: 'Wauters' });
  expect(reply).toContain('rounds not published; the results or standings show round 3');
  expect(reply).not.toContain('rounds unknown');
  expect(reply).not.toContain('Results and standings show them racing');
});

describe('a loose match is a suggestion, not a profile', () => {
  test.each([
    ['x', 'Xavier Maassen'],
    ['**x**', 'Xavier Maassen'],
    ['code', 'Côme Ledogar'],
  ])('/driver %s answers "did you mean %s"', async (name, suggestion) => {
    const answer = await ask('driver', { name });
    expectValidReply(answer);
    expect(isEphemeral(answer.reply)).toBe(true);
    expect(answer.reply.data.embeds ?? []).toEqual([]);
    expect(answer.text).toContain(`Did you mean: ${suggestion}`);
  });

  test.each([
    ['xa', 'Xavier Maassen'],
    ['come', 'Côme Ledogar'],
    ['Skryab', 'Alexander Skryabin'],
  ])('/driver %s (a real prefix) still shows the profile of %s', async (name, person) => {
    const answer = await ask('driver', { name });
    expectValidReply(answer);
    expect(answer.reply.data.embeds?.[0]?.title).toContain(person);
  });
});
