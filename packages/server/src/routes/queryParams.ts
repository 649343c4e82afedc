import { z } from 'zod';

/** A query parameter holding a positive integer (as text on the wire, a number once parsed). */
export function positiveIntParam(description: string) {
  return z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'must be a positive integer')
    .transform(Number)
    .meta({ description });
}

/** A query parameter or path segment holding an id. */
export function idParam(description: string) {
  return z.string().min(1).max(200).meta({ description });
}
