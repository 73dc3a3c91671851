/**
 * Round ranges as the seed writes them: "All", "4", "1–3, 5", "1-4", "1, 3-5" (en dash or hyphen).
 * Returns the sorted round numbers, or an error message; "All" needs the season's round count.
 */
export function parseRoundsText(text: string, roundCount: number): number[] | string {
  const trimmed = text.trim();
  if (trimmed === 'All') return Array.from({ length: roundCount }, (_, i) => i + 1);
  const rounds = new Set<number>();
  for (const part of trimmed.split(',')) {
    const match = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(part);
    if (!match) return `"${text}" is not a round list (use "All", "3", "1–3, 5")`;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) return `"${part.trim()}" runs backwards`;
    for (let round = from; round <= to; round++) {
      if (round < 1 || round > roundCount) return `round ${round} is outside the calendar (1–${roundCount})`;
      rounds.add(round);
    }
  }
  return [...rounds].sort((a, b) => a - b);
}

/** The compact text for a sorted list of rounds: [1,2,3,5] -> "1–3, 5"; every round -> "All". */
export function formatRounds(rounds: readonly number[], roundCount: number): string {
  if (rounds.length === roundCount && roundCount > 0) return 'All';
  const parts: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  for (const round of rounds) {
    if (start !== undefined && previous !== undefined && round === previous + 1) {
      previous = round;
      continue;
    }
    if (start !== undefined && previous !== undefined)
      parts.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = round;
    previous = round;
  }
  if (start !== undefined && previous !== undefined)
    parts.push(start === previous ? `${start}` : `${start}–${previous}`);
  return parts.join(', ');
}
