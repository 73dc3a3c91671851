import { type OrderLine, UNCLASSIFIED_STATUSES, type UnclassifiedStatus } from './classification-schema.js';
import type { SeasonModel } from './model.js';
import type { DataProblem } from './problems.js';
import { closestNames } from './search.js';

/**
 * The results CSV (a contract: outside checks write it). Header `position,car,status,drivers`;
 * `position` an integer or empty when unclassified; `status` empty or Ret, DNF, DSQ, NC, DNS; `drivers`
 * empty (the car's crew) or `;`-separated names as written in people.yaml or an alias. UTF-8, a BOM and
 * CRLF accepted, fields may be quoted ("…", with "" for a quote).
 */
export const CSV_COLUMNS = ['position', 'car', 'status', 'drivers'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface CsvRow {
  /** 1-based line of the file the row starts on. */
  line: number;
  order: OrderLine;
}

export function columnLabel(column: CsvColumn): string {
  return `column ${CSV_COLUMNS.indexOf(column) + 1} (${column})`;
}

/** Split CSV text into records of fields, each with the line it starts on. */
export function splitCsv(text: string): {
  records: { line: number; fields: string[] }[];
  error: string | null;
} {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      blank = false;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      blank = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      fields.push(field);
      if (!(blank && fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
      fields = [];
      field = '';
      blank = true;
      line++;
      start = line;
    } else {
      field += c;
      if (c.trim() !== '') blank = false;
    }
  }
  if (quoted) return { records, error: `line ${start}: a quoted field is never closed` };
  fields.push(field);
  if (!(blank && fields.length === 1 && fields[0]?.trim() === '')) records.push({ line: start, fields });
  return { records, error: null };
}

/**
 * Parse and check the CSV's own content against the season (names resolved to person ids). Checks that
 * need the round (crews, positions, winners) are classification-check.ts's, run on the result.
 */
export function parseResultsCsv(
  model: SeasonModel,
  file: string,
  text: string,
): { rows: CsvRow[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const report = (line: number | null, column: CsvColumn | null, message: string) =>
    problems.push({ file, line, field: column ? columnLabel(column) : line === null ? '' : 'row', message });
  const { records, error } = splitCsv(text);
  if (error) {
    report(null, null, error);
    return { rows: [], problems };
  }
  const [header, ...data] = records;
  const headerText = header?.fields.map((f) => f.trim()).join(',');
  if (headerText !== CSV_COLUMNS.join(',')) {
    report(
      header?.line ?? 1,
      null,
      `the first line must be the header ${CSV_COLUMNS.join(',')}${header ? ` (found "${header.fields.join(',')}")` : ' (the file is empty)'}`,
    );
    return { rows: [], problems };
  }
  if (data.length === 0) report(null, null, 'no cars: the file has a header and no rows');
  const names = nameLookup(model);
  const rows: CsvRow[] = [];
  for (const { line, fields } of data) {
    if (fields.length !== CSV_COLUMNS.length) {
      report(
        line,
        null,
        `expected ${CSV_COLUMNS.length} columns (${CSV_COLUMNS.join(',')}), found ${fields.length}`,
      );
      continue;
    }
    const [positionText, carText, statusText, driversText] = fields.map((f) => f.trim()) as [
      string,
      string,
      string,
      string,
    ];
    let position: number | null = null;
    if (positionText !== '') {
      if (/^\d+$/.test(positionText) && Number(positionText) >= 1) position = Number(positionText);
      else report(line, 'position', `"${positionText}" is not a position (a whole number from 1, or empty)`);
    }
    let car: number | null = null;
    if (carText === '') report(line, 'car', 'the car number is missing');
    else if (/^\d{1,4}$/.test(carText)) car = Number(carText);
    else report(line, 'car', `"${carText}" is not a car number (0 to 9999)`);
    let status: UnclassifiedStatus | null = null;
    if (statusText !== '') {
      if ((UNCLASSIFIED_STATUSES as readonly string[]).includes(statusText))
        status = statusText as UnclassifiedStatus;
      else
        report(
          line,
          'status',
          `"${statusText}" is not a status (one of ${UNCLASSIFIED_STATUSES.join(', ')}, or empty)`,
        );
    }
    if (positionText !== '' && statusText !== '')
      report(line, 'status', 'give a position or a status, not both (a classified car has no status)');
    if (positionText === '' && statusText === '')
      report(line, 'status', `an unclassified car needs a status (${UNCLASSIFIED_STATUSES.join(', ')})`);
    let drivers: string[] | null = null;
    if (driversText !== '') {
      drivers = [];
      for (const name of driversText.split(';').map((n) => n.trim())) {
        if (name === '') continue;
        const id = names.get(name.normalize('NFC')) ?? names.get(name.normalize('NFC').toLowerCase());
        if (id) drivers.push(id);
        else {
          const close = closestNames(model.index.names, name, 'person', 3);
          report(
            line,
            'drivers',
            `"${name}" is not a name or alias in people.yaml${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`,
          );
        }
      }
    }
    // A row with a bad name or status still takes part in the round's checks, so a gap is not reported
    // for it; a row without a car cannot.
    if (car !== null) rows.push({ line, order: { position, car, status, drivers } });
  }
  return { rows, problems };
}

/** Exact names and aliases, then their lower-case forms where only one person has them. */
function nameLookup(model: SeasonModel): Map<string, string> {
  const exact = new Map<string, string>();
  const folded = new Map<string, string | null>();
  for (const person of model.people.values())
    for (const name of [person.name, ...person.aliases]) {
      exact.set(name.normalize('NFC'), person.id);
      const key = name.normalize('NFC').toLowerCase();
      folded.set(key, folded.has(key) && folded.get(key) !== person.id ? null : person.id);
    }
  for (const [key, id] of folded) if (id !== null && !exact.has(key)) exact.set(key, id);
  return exact;
}
