import { listMembers } from '@lvzhi/archive';
import { z } from 'zod';
import { covers } from '../access/tokens.ts';
import { ApiError } from '../http/apiError.ts';
import { idParam, positiveIntParam } from './queryParams.ts';
import { defineRoute } from './route.ts';

/** One member's seat in a committee and term. */
export const MemberSeat = z.object({
  memberId: z.string(),
  name: z.string(),
  committeeId: z.string(),
  term: z.number().int(),
  sector: z.string(),
  standing: z.boolean(),
  appointedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
});

/** A page of member seats, ordered by committee, term, name and member id. */
export const MembersPage = z.object({
  checkpoint: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  members: z.array(MemberSeat),
});
export type MembersPage = z.infer<typeof MembersPage>;

const MAX_PAGE_SIZE = 500;

/** `GET /members`: member seats, optionally of one committee and/or term, paginated. */
export const membersRoute = defineRoute({
  path: '/members',
  operationId: 'listMembers',
  summary: 'Member seats (委员), paginated',
  params: z.object({}),
  query: z.strictObject({
    committee: idParam('only the seats of this committee').optional(),
    term: positiveIntParam('only the seats of this term (届)').optional(),
    page: positiveIntParam('1-based page number (default 1)').optional(),
    pageSize: positiveIntParam(`seats per page (default 50, at most ${MAX_PAGE_SIZE})`)
      .pipe(z.number().max(MAX_PAGE_SIZE))
      .optional(),
  }),
  response: MembersPage,
  responseName: 'MembersPage',
  errors: [400, 403, 404],
  handle: async ({ query, scope, view, cache }): Promise<MembersPage> => {
    const { committee, term } = query;
    if (committee !== undefined) {
      if (!covers(scope, committee)) throw forbidden(committee);
      if (!view.index.committees.includes(committee)) throw unknownCommittee(committee);
    }
    const state = await view.record(committee === undefined ? 'all' : { committeeId: committee });
    const all = cache.answer(view, `members|${committee ?? ''}|${term ?? ''}`, () =>
      listMembers(state, {
        ...(committee === undefined ? {} : { committeeId: committee }),
        ...(term === undefined ? {} : { term }),
      }),
    );
    const visible = scope === '*' ? all : all.filter((m) => covers(scope, m.committeeId));
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const members = visible.slice((page - 1) * pageSize, page * pageSize).map((m) => ({
      memberId: m.memberId,
      name: m.name,
      committeeId: m.committeeId,
      term: m.term,
      sector: m.sector,
      standing: m.standing,
      appointedOn: m.appointedOn,
      endedOn: m.endedOn ?? null,
      endReason: m.endReason ?? null,
    }));
    return { checkpoint: view.checkpoint, page, pageSize, total: visible.length, members };
  },
});

/** 403 for a committee the token does not cover. */
export function forbidden(committeeId: string): ApiError {
  return new ApiError(
    403,
    'forbidden-committee',
    `this token does not cover committee ${committeeId}`,
    `此令牌无权访问政协组织 ${committeeId}`,
  );
}

/** 404 for a committee the record does not know. */
export function unknownCommittee(committeeId: string): ApiError {
  return new ApiError(
    404,
    'unknown-committee',
    `no committee ${committeeId} is recorded`,
    `没有记录政协组织 ${committeeId}`,
  );
}
