import { z } from 'zod';
import { isIsoAlpha2 } from './countries.js';
import { RESERVED_NAMES } from './yaml-value-limits.js';

/**
 * Strict schemas for the season files. Every object rejects unknown keys; values that the source does not
 * give are written as null (required but nullable), never left out. Ids are stable kebab-case.
 */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id (lowercase letters, digits, single hyphens)')
  // Ids become lookup keys; these would reach an object's prototype instead of the data.
  .refine((id) => !RESERVED_NAMES.has(id), 'cannot be used as an id (a name reserved by JavaScript objects)');
const Text = z.string().trim().min(1, 'must not be empty');
const NullableText = Text.nullable();
const IsoCode = z.string().refine(isIsoAlpha2, 'must be an ISO 3166-1 alpha-2 code such as NL or DE');
const WrittenCode = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter code as printed, e.g. NED');
const IsoDate = z.iso.date('must be a date written YYYY-MM-DD');
/** A round list as printed: "All", "4", "1–3, 5"; checked against the calendar after loading. */
const RoundsText = z.string().regex(/^(All|\d+(\s*[-–]\s*\d+)?(\s*,\s*\d+(\s*[-–]\s*\d+)?)*)$/, {
  message: 'must be "All" or a round list such as "1–3, 5"',
});

export const StageSchema = z.enum(['race', '6h', '12h', 'finish']);
export const CarNumberSchema = z.number().int().nonnegative().max(9999);

/**
 * The schemas of the season files: checked when a season is loaded or reloaded, never while answering.
 * Built on demand and held only while a load uses them (seasonFileSchemas): zod schemas are heavy (each
 * carries its own methods), ≈ 0.9 MB of heap the bot would otherwise keep for its whole life.
 */
function buildSeasonFileSchemas() {
  const NationalitySchema = z.strictObject({ iso: IsoCode, written: z.array(WrittenCode).min(1) });

  const ClassSchema = z.strictObject({ id: IdSchema, name: Text, results_label: Text });

  const SeasonFileSchema = z.strictObject({
    id: IdSchema,
    name: Text,
    series: Text,
    year: z.number().int().min(1900).max(2100),
    edition: z.number().int().positive().nullable(),
    source: z.strictObject({ title: Text, kind: Text, file: NullableText }),
    summary: NullableText,
    calendar_announcement: z.strictObject({ by: Text, when: Text, changes: NullableText }).nullable(),
    entry_list_release: z.strictObject({ by: Text, date: IsoDate, description: Text }).nullable(),
    classes: z.array(ClassSchema).min(1),
  });

  const FormatSchema = z.enum(['3h', '6h', '12h', '24h', '1000km']);

  const RoundSchema = z.strictObject({
    round: z.number().int().positive(),
    id: IdSchema,
    event: NullableText,
    circuit: Text,
    short_name: Text,
    location: NullableText,
    country: z.strictObject({ iso: IsoCode, written: WrittenCode, name: Text }),
    date: IsoDate,
    ends_at: z.iso
      .datetime({ offset: true, message: 'must be an ISO date-time with offset, e.g. 2013-04-14T17:00:00Z' })
      .nullable(),
    format: FormatSchema,
    report: z.boolean(),
    scoring: z.array(z.strictObject({ stage: StageSchema, table: IdSchema })).min(1),
  });
  const CalendarFileSchema = z.strictObject({ rounds: z.array(RoundSchema).min(1) });

  const ScoringFileSchema = z.strictObject({
    rules: z.strictObject({
      points_positions: z.number().int().positive(),
      classification_distance_percent: z.number().min(0).max(100),
      minimum_drive_minutes: z.number().int().nonnegative(),
      pole_position_points: z.number().int().nonnegative(),
      text: Text,
      /** For computed tables: how equal totals are split (countback when absent). */
      tie_break: z.enum(['countback', 'shared']).optional(),
      /** For computed tables: only a driver's best N round scores count (all when absent or null). */
      best_results: z.number().int().positive().nullable().optional(),
    }),
    tables: z
      .array(
        z.strictObject({
          id: IdSchema,
          title: Text,
          title_as_published: Text,
          points: z.array(z.number().int().nonnegative()).min(1),
          note: NullableText,
        }),
      )
      .min(1),
  });

  const PersonSchema = z.strictObject({
    id: IdSchema,
    name: Text,
    aliases: z.array(Text),
    nationality: NationalitySchema,
    note: Text.optional(),
  });
  const PeopleFileSchema = z.strictObject({ people: z.array(PersonSchema) });

  const TeamSchema = z.strictObject({
    id: IdSchema,
    name: Text,
    aliases: z.array(Text),
    nationality: NationalitySchema,
    note: Text.optional(),
  });
  const TeamsFileSchema = z.strictObject({ teams: z.array(TeamSchema) });

  const EntryDriverSchema = z
    .strictObject({
      person: IdSchema.nullable(),
      rounds: RoundsText.nullable(),
      /** What the flattened source lost on this line. */
      unknown: z.enum(['name-and-rounds', 'rounds']).optional(),
      /** The name exactly as the entry list prints it, when it differs from the person's name. */
      as_written: Text.optional(),
      /** Text found in the rounds cell that is not a round list (the seed has a car model in one). */
      rounds_cell: Text.optional(),
      /** Another table of the source that supplies what this line lost, with its evidence. */
      linked: z
        .strictObject({ person: IdSchema.optional(), rounds: RoundsText.optional(), evidence: Text })
        .optional(),
    })
    .superRefine((line, ctx) => {
      if (line.person === null && line.unknown !== 'name-and-rounds')
        ctx.addIssue({
          code: 'custom',
          path: ['unknown'],
          message: 'a null person needs unknown: name-and-rounds',
        });
      if (line.person !== null && line.rounds === null && line.unknown !== 'rounds')
        ctx.addIssue({ code: 'custom', path: ['unknown'], message: 'null rounds need unknown: rounds' });
      if (line.unknown !== undefined && line.rounds !== null)
        ctx.addIssue({
          code: 'custom',
          path: ['unknown'],
          message: 'unknown is only for lines whose rounds are null',
        });
    });

  const EntrySchema = z.strictObject({
    class: IdSchema,
    team: IdSchema,
    car: CarNumberSchema,
    car_model: NullableText,
    drivers: z.array(EntryDriverSchema).min(1),
  });
  const EntriesFileSchema = z.strictObject({ entries: z.array(EntrySchema) });

  const WrittenPersonRef = z.strictObject({ person: IdSchema, as_written: Text });

  const ResultsFileSchema = z.strictObject({
    rounds: z.array(
      z.strictObject({
        round: z.number().int().positive(),
        circuit_as_written: Text,
        winners: z.array(
          z.strictObject({
            class: IdSchema,
            car: CarNumberSchema,
            team: IdSchema,
            as_written: Text,
            crew: z.array(WrittenPersonRef).min(1),
            note: NullableText,
          }),
        ),
      }),
    ),
  });

  /** A standings cell: a finishing position, a status such as Ret, or null when nothing was published. */
  const CellSchema = z
    .union([z.number().int().positive(), z.enum(['Ret', 'DNS', 'DSQ', 'NC', 'EX', 'WD'])])
    .nullable();

  const StandingsFileSchema = z.strictObject({
    classes: z.array(
      z.strictObject({
        class: IdSchema,
        /** What the published cells mean; "none" when the class table has totals only. */
        cells: z.enum(['overall-positions', 'class-positions', 'none']),
        columns: z.array(
          z.strictObject({
            id: IdSchema,
            round: z.number().int().positive(),
            stage: StageSchema,
            label: Text,
            country_as_written: WrittenCode.nullable(),
            sublabel: Text.optional(),
          }),
        ),
        rows: z.array(
          z.strictObject({
            position: z.number().int().positive(),
            drivers: z.array(WrittenPersonRef).min(1),
            team: IdSchema.nullable(),
            team_as_written: NullableText,
            cells: z.record(IdSchema, CellSchema).nullable(),
            points: z.number().nonnegative(),
          }),
        ),
      }),
    ),
  });

  return {
    NationalitySchema,
    ClassSchema,
    SeasonFileSchema,
    FormatSchema,
    RoundSchema,
    CalendarFileSchema,
    ScoringFileSchema,
    PersonSchema,
    PeopleFileSchema,
    TeamSchema,
    TeamsFileSchema,
    EntryDriverSchema,
    EntrySchema,
    EntriesFileSchema,
    ResultsFileSchema,
    CellSchema,
    StandingsFileSchema,
  };
}

type Schemas = ReturnType<typeof buildSeasonFileSchemas>;

export type SeasonFile = z.infer<Schemas['SeasonFileSchema']>;
export type RoundData = z.infer<Schemas['RoundSchema']>;
export type CalendarFile = z.infer<Schemas['CalendarFileSchema']>;
export type ScoringFile = z.infer<Schemas['ScoringFileSchema']>;
export type PersonData = z.infer<Schemas['PersonSchema']>;
export type TeamData = z.infer<Schemas['TeamSchema']>;
export type EntryData = z.infer<Schemas['EntrySchema']>;
export type EntryDriverData = z.infer<Schemas['EntryDriverSchema']>;
export type ResultsFile = z.infer<Schemas['ResultsFileSchema']>;
export type StandingsFile = z.infer<Schemas['StandingsFileSchema']>;
export type Cell = z.infer<Schemas['CellSchema']>;
export type Stage = z.infer<typeof StageSchema>;

/** The files of one season folder, in the order they are checked. */
export const SEASON_FILE_NAMES = [
  'season.yaml',
  'calendar.yaml',
  'scoring.yaml',
  'people.yaml',
  'teams.yaml',
  'entries.yaml',
  'results.yaml',
  'standings.yaml',
] as const;

let built: WeakRef<ReturnType<typeof fileSchemasOf>> | null = null;

function fileSchemasOf(schemas: Schemas) {
  return {
    'season.yaml': schemas.SeasonFileSchema,
    'calendar.yaml': schemas.CalendarFileSchema,
    'scoring.yaml': schemas.ScoringFileSchema,
    'people.yaml': schemas.PeopleFileSchema,
    'teams.yaml': schemas.TeamsFileSchema,
    'entries.yaml': schemas.EntriesFileSchema,
    'results.yaml': schemas.ResultsFileSchema,
    'standings.yaml': schemas.StandingsFileSchema,
  } as const satisfies Record<SeasonFileName, z.ZodType>;
}

/**
 * Each season file's schema. The same object while anything still holds it (loads in a row share one
 * build); once no load holds it, the garbage collector may take it and the next call builds it again.
 */
export function seasonFileSchemas(): ReturnType<typeof fileSchemasOf> {
  const held = built?.deref();
  if (held) return held;
  const fresh = fileSchemasOf(buildSeasonFileSchemas());
  built = new WeakRef(fresh);
  return fresh;
}

/** The schemas if they are still in memory (tests: they must not outlive the loads that used them). */
export function heldSeasonFileSchemas(): ReturnType<typeof fileSchemasOf> | undefined {
  return built?.deref();
}
export type SeasonFileName = (typeof SEASON_FILE_NAMES)[number];

export interface SeasonFiles {
  season: SeasonFile;
  calendar: CalendarFile;
  scoring: ScoringFile;
  people: z.infer<Schemas['PeopleFileSchema']>;
  teams: z.infer<Schemas['TeamsFileSchema']>;
  entries: z.infer<Schemas['EntriesFileSchema']>;
  results: ResultsFile;
  standings: StandingsFile;
}

/** Where each file lands in SeasonFiles. */
export const SEASON_FILE_KEYS: Record<SeasonFileName, keyof SeasonFiles> = {
  'season.yaml': 'season',
  'calendar.yaml': 'calendar',
  'scoring.yaml': 'scoring',
  'people.yaml': 'people',
  'teams.yaml': 'teams',
  'entries.yaml': 'entries',
  'results.yaml': 'results',
  'standings.yaml': 'standings',
};
