import { z } from 'zod';
import { CarNumberSchema, IdSchema, StageSchema } from './schema.js';

/**
 * One round's classification file, `classifications/round-NN.yaml`: per class and scoring stage the
 * finishing order by car number, plus the round's penalties. Each order line mirrors one row of the
 * results CSV (`position,car,status,drivers`), so an import and a hand edit say the same thing.
 */
export const UNCLASSIFIED_STATUSES = ['Ret', 'DNF', 'DSQ', 'NC', 'DNS'] as const;
export const UnclassifiedStatusSchema = z.enum(UNCLASSIFIED_STATUSES);
export type UnclassifiedStatus = z.infer<typeof UnclassifiedStatusSchema>;

const Text = z.string().trim().min(1, 'must not be empty');

export const OrderLineSchema = z
  .strictObject({
    /** Class position; null when the car was not classified. */
    position: z.number().int().positive().nullable(),
    car: CarNumberSchema,
    /** Why an unclassified car has no position; null for a classified car. */
    status: UnclassifiedStatusSchema.nullable(),
    /** Person ids of the drivers who score; null = the car's crew for the round from entries.yaml. */
    drivers: z.array(IdSchema).min(1, 'list at least one driver, or write null for the car crew').nullable(),
  })
  .superRefine((line, ctx) => {
    if (line.position === null && line.status === null)
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: `an unclassified car needs a status (${UNCLASSIFIED_STATUSES.join(', ')})`,
      });
    if (line.position !== null && line.status !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'a classified car has no status (write null, or position: null)',
      });
  });

export const StageClassificationSchema = z.strictObject({
  class: IdSchema,
  stage: StageSchema,
  order: z.array(OrderLineSchema).min(1),
});

export const PenaltySchema = z
  .strictObject({
    class: IdSchema,
    /** Exactly one of person and car: a driver's penalty, or one for every driver of the car that round. */
    person: IdSchema.nullable(),
    car: CarNumberSchema.nullable(),
    points: z.number().int().positive('the points deducted, as a positive number'),
    reason: Text,
  })
  .superRefine((penalty, ctx) => {
    if ((penalty.person === null) === (penalty.car === null))
      ctx.addIssue({
        code: 'custom',
        path: ['person'],
        message: 'name either a person or a car (the other null)',
      });
  });

export const RoundClassificationFileSchema = z.strictObject({
  round: z.number().int().positive(),
  classifications: z.array(StageClassificationSchema),
  penalties: z.array(PenaltySchema),
});

export type OrderLine = z.infer<typeof OrderLineSchema>;
export type StageClassificationData = z.infer<typeof StageClassificationSchema>;
export type PenaltyData = z.infer<typeof PenaltySchema>;
export type RoundClassificationFile = z.infer<typeof RoundClassificationFileSchema>;

/** The folder inside a season folder, and the file name of one round in it. */
export const CLASSIFICATIONS_FOLDER = 'classifications';
export function classificationFileName(round: number): string {
  return `round-${String(round).padStart(2, '0')}.yaml`;
}
export const CLASSIFICATION_FILE_PATTERN = /^round-(\d{2,})\.yaml$/;
