import { z } from 'zod';
import { defineRoute } from './route.ts';

const SHOWN_ANOMALIES = 20;

/** Version, checkpoint, head, lag and anomalies of every projection served. */
export const ProjectionsStatusBody = z.object({
  checkpoint: z.number().int(),
  projections: z.array(
    z.object({
      name: z.string(),
      version: z.number().int(),
      checkpoint: z.number().int(),
      head: z.number().int(),
      lag: z.number().int(),
      anomalyCount: z.number().int(),
      anomalies: z
        .array(
          z.object({
            position: z.number().int(),
            eventId: z.string(),
            type: z.string(),
            message: z.string(),
          }),
        )
        .meta({ description: `the first ${SHOWN_ANOMALIES}` }),
    }),
  ),
});

/** `GET /projections/status`: how far the projections have caught up. */
export const statusRoute = defineRoute({
  path: '/projections/status',
  operationId: 'projectionsStatus',
  summary: 'Projection versions, checkpoints, lag and anomalies',
  params: z.object({}),
  query: z.strictObject({}),
  response: ProjectionsStatusBody,
  responseName: 'ProjectionsStatus',
  errors: [400],
  handle: async ({ cache, view }) => ({
    checkpoint: view.checkpoint,
    projections: (await cache.status()).map(({ anomalies, ...rest }) => ({
      ...rest,
      anomalyCount: anomalies.length,
      anomalies: anomalies.slice(0, SHOWN_ANOMALIES).map((a) => ({
        position: a.position,
        eventId: a.eventId,
        type: a.type,
        message: a.message,
      })),
    })),
  }),
});
