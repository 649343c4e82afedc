import type { z } from 'zod';
import type { TokenScope } from '../access/tokens.ts';
import type { RecordCache, RecordView } from '../record/recordCache.ts';

/** What a handler gets: its parsed path and query parameters, the caller's scope and the record. */
export interface RouteInput<P, Q> {
  readonly params: P;
  readonly query: Q;
  readonly scope: TokenScope;
  readonly view: RecordView;
  readonly cache: RecordCache;
}

/**
 * One read-only endpoint: the zod schemas of its parameters and response (the handlers parse with them and
 * the OpenAPI document is generated from them) and its handler.
 */
export interface Route<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject> {
  /** In OpenAPI form, e.g. `/members/{id}/archive`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly params: P;
  readonly query: Q;
  /** The schema of a 200 response, registered under `responseName` in the document's components. */
  readonly response: z.ZodType;
  readonly responseName: string;
  /** The error statuses this endpoint may answer besides 401, 429 and 500. */
  readonly errors: readonly number[];
  readonly handle: (input: RouteInput<z.output<P>, z.output<Q>>) => Promise<unknown> | unknown;
}

/** Declares a route with its parameter types inferred from its schemas. */
export function defineRoute<P extends z.ZodObject, Q extends z.ZodObject>(route: Route<P, Q>): Route {
  return route as unknown as Route;
}
