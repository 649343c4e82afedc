import { listPresets } from '@lvzhi/evaluation';
import { z } from 'zod';
import { defineRoute } from './route.ts';

const Label = z.object({ zh: z.string(), en: z.string() });

/** The preset evaluation policies (published schemes). */
export const PoliciesBody = z.object({
  policies: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      period: z.enum(['year', 'term']),
      title: Label,
      description: Label,
    }),
  ),
});

/** `GET /policies`: the preset policies an evaluation can name. */
export const policiesRoute = defineRoute({
  path: '/policies',
  operationId: 'listPolicies',
  summary: 'The preset evaluation policies',
  params: z.object({}),
  query: z.strictObject({}),
  response: PoliciesBody,
  responseName: 'Policies',
  errors: [400],
  handle: ({ cache, view }) => cache.answer(view, 'policies', () => ({ policies: listPresets() })),
});
