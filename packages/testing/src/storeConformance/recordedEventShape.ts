import { z } from 'zod';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The exact shape of an event read back from any store: the envelope and nothing else. */
export const RecordedEventShape = z
  .object({
    eventId: z.string().min(1),
    streamId: z.string().min(1),
    streamVersion: z.number().int().positive(),
    type: z.string().min(1),
    schemaVersion: z.number().int().positive(),
    data: z.unknown(),
    metadata: z
      .object({
        recordedAt: z.string(),
        recordedBy: z.string(),
        correlationId: z.string().optional(),
        causationId: z.string().optional(),
        source: z.string().optional(),
      })
      .strict(),
    prevHash: Sha256Hex,
    hash: Sha256Hex,
    globalPosition: z.number().int().positive(),
  })
  .strict();
export type RecordedEventShape = z.infer<typeof RecordedEventShape>;
