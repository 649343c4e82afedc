import { annualAnalysis } from '@lvzhi/analysis';
import { z } from 'zod';
import { covers } from '../access/tokens.ts';
import { forbidden, unknownCommittee } from './members.ts';
import { idParam, positiveIntParam } from './queryParams.ts';
import { defineRoute } from './route.ts';

const Figures = z.looseObject({}).meta({ description: 'figures as the analysis package gives them' });

/** A committee's annual overall analysis (年度履职总体分析) for one calendar year in its time zone. */
export const AnnualAnalysisBody = z.object({
  checkpoint: z.number().int(),
  analysis: z.object({
    year: z.number().int(),
    committeeId: z.string(),
    committeeName: z.string(),
    level: z.string(),
    timeZone: z.string(),
    terms: z.array(z.number().int()),
    members: z.number().int(),
    plenary: Figures,
    proposals: Figures,
    opinions: Figures,
    totals: z.record(z.string(), z.number()),
    perMember: z.record(z.string(), z.number().nullable()),
    coverage: z.record(z.string(), z.number()),
    distribution: Figures.nullable(),
    bySector: z.array(z.looseObject({ sector: z.string() })),
    bySpecialCommittee: z.array(Figures),
    standingVsOrdinary: z.object({ standing: Figures, ordinary: Figures }),
    membersWithNothingRecorded: z.array(z.string()),
    longLeave: z.array(Figures),
    previousYear: Figures.nullable(),
  }),
});

/** `GET /committees/{id}/analysis?year=Y`: the annual overall analysis of a committee. */
export const analysisRoute = defineRoute({
  path: '/committees/{id}/analysis',
  operationId: 'committeeAnalysis',
  summary: "A committee's annual overall analysis",
  params: z.object({ id: idParam('committee id') }),
  query: z.strictObject({ year: positiveIntParam("the calendar year, in the committee's time zone") }),
  response: AnnualAnalysisBody,
  responseName: 'AnnualAnalysis',
  errors: [400, 403, 404],
  handle: async ({ params, query, scope, view, cache }) => {
    if (!covers(scope, params.id)) throw forbidden(params.id);
    if (!view.index.committees.includes(params.id)) throw unknownCommittee(params.id);
    const state = await view.record({ committeeId: params.id });
    const analysis = cache.answer(view, `analysis|${params.id}|${query.year}`, () =>
      annualAnalysis(state, { committeeId: params.id, year: query.year }),
    );
    return { checkpoint: view.checkpoint, analysis };
  },
});
