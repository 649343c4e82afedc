import { EvaluationError, evaluate, presetPolicy } from '@lvzhi/evaluation';
import { z } from 'zod';
import { covers } from '../access/tokens.ts';
import { ApiError } from '../http/apiError.ts';
import { forbidden, unknownCommittee } from './members.ts';
import { idParam, positiveIntParam } from './queryParams.ts';
import { defineRoute } from './route.ts';

const ItemSubject = z.object({
  family: z.string(),
  id: z.string(),
  on: z.string(),
  status: z.enum(['present', 'excused', 'absent']).optional(),
  leaveReason: z.string().optional(),
  fractionAttended: z.number().optional(),
});

/** Evaluation inputs of every member seated in a committee in a period, under one policy version. */
export const EvaluationBody = z.object({
  checkpoint: z.number().int(),
  evaluation: z.object({
    policy: z.object({ id: z.string(), version: z.string() }),
    period: z.union([z.object({ year: z.number().int() }), z.object({ term: z.number().int() })]),
    committeeId: z.string(),
    results: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        sector: z.string(),
        score: z.number().nullable(),
        grade: z.enum(['pass', 'fail', 'excellent', 'good', 'competent', 'incompetent']).nullable(),
        flags: z.array(
          z.object({
            code: z.string(),
            year: z.number().int().optional(),
            detail: z.array(z.string()).optional(),
            evidence: z.array(z.string()),
          }),
        ),
        blocks: z.array(
          z.object({
            id: z.string(),
            points: z.number(),
            cap: z.number().optional(),
            floor: z.number().optional(),
          }),
        ),
        items: z.array(
          z.object({
            block: z.string(),
            rule: z.string(),
            kind: z.enum(['act', 'count', 'tier', 'none', 'base', 'cap', 'floor']),
            points: z.number(),
            evidence: z.array(z.string()),
            subject: ItemSubject.optional(),
            subjects: z.array(ItemSubject).optional(),
            share: z.number().optional(),
            count: z.number().int().optional(),
            tier: z.number().int().optional(),
          }),
        ),
        percentileInSector: z.number().nullable(),
      }),
    ),
  }),
});

/** `GET /committees/{id}/evaluations?policy=P&year=Y|term=N`: evaluation inputs under a preset policy. */
export const evaluationsRoute = defineRoute({
  path: '/committees/{id}/evaluations',
  operationId: 'committeeEvaluations',
  summary: 'Evaluation inputs of a committee under a preset policy, for a year or a term',
  params: z.object({ id: idParam('committee id') }),
  query: z
    .strictObject({
      policy: idParam('a preset policy id (GET /policies)'),
      year: positiveIntParam('the calendar year, for a policy evaluated per year').optional(),
      term: positiveIntParam('the term (届), for a policy evaluated per term').optional(),
    })
    .refine((q) => (q.year === undefined) !== (q.term === undefined), {
      message: 'give exactly one of year and term',
      path: ['year'],
    }),
  response: EvaluationBody,
  responseName: 'Evaluation',
  errors: [400, 403, 404],
  handle: async ({ params, query, scope, view, cache }) => {
    if (!covers(scope, params.id)) throw forbidden(params.id);
    if (!view.index.committees.includes(params.id)) throw unknownCommittee(params.id);
    const policy = presetPolicy(query.policy);
    if (!policy) {
      throw new ApiError(
        404,
        'unknown-policy',
        `no preset policy ${query.policy} (GET /policies lists them)`,
        `没有预设评价方案 ${query.policy}（GET /policies 可列出）`,
      );
    }
    const per = query.year === undefined ? 'term' : 'year';
    if (policy.period !== per) {
      throw new ApiError(
        400,
        'period-mismatch',
        `query parameter ${per}: policy ${policy.id} is evaluated per ${policy.period}`,
        `查询参数 ${per}：评价方案 ${policy.id} 按${policy.period === 'year' ? '年度' : '届'}评价`,
      );
    }
    const key = `evaluation|${params.id}|${policy.id}|${query.year ?? ''}|${query.term ?? ''}`;
    const state = await view.record({ committeeId: params.id });
    try {
      const evaluation = cache.answer(view, key, () =>
        evaluate(state, {
          policy,
          committeeId: params.id,
          ...(query.year === undefined ? {} : { year: query.year }),
          ...(query.term === undefined ? {} : { term: query.term }),
          now: Date.now(),
        }),
      );
      return { checkpoint: view.checkpoint, evaluation };
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      const status = error.code === 'unknown-committee' || error.code === 'unknown-term' ? 404 : 400;
      throw new ApiError(status, error.code, error.message, error.message);
    }
  },
});
