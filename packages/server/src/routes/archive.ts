import { memberArchive } from '@lvzhi/archive';
import { seatsOf } from '@lvzhi/core';
import { z } from 'zod';
import { covers } from '../access/tokens.ts';
import { ApiError } from '../http/apiError.ts';
import { forbidden } from './members.ts';
import { idParam, positiveIntParam } from './queryParams.ts';
import { defineRoute } from './route.ts';

const Entries = z.array(z.looseObject({})).meta({ description: 'entries as the archive package gives them' });

/** A member's archive for one term (一人一届一档), optionally limited to a calendar year. */
export const MemberArchiveBody = z.object({
  checkpoint: z.number().int(),
  archive: z.object({
    member: z.looseObject({
      memberId: z.string(),
      name: z.string(),
      committee: z.looseObject({ committeeId: z.string(), timeZone: z.string() }),
      term: z.looseObject({ term: z.number().int() }),
      sector: z.string(),
      specialCommittees: z.array(z.string()),
      appointedOn: z.string(),
      appointmentEventId: z.string(),
      otherSeats: z.array(z.object({ committeeId: z.string(), term: z.number().int() })),
    }),
    year: z.number().int().optional(),
    longLeaves: Entries,
    attendance: Entries,
    speeches: Entries,
    proposals: Entries,
    opinions: Entries,
    publicity: Entries,
    publicWelfare: Entries,
    talks: Entries,
    honours: Entries,
    annualReports: Entries,
    decisions: Entries,
    corrections: Entries,
    retractions: Entries,
    totals: z.array(z.looseObject({ year: z.number().int() })),
  }),
});

/** `GET /members/{id}/archive`: a member's archive for a term (the latest without `term`). */
export const archiveRoute = defineRoute({
  path: '/members/{id}/archive',
  operationId: 'memberArchive',
  summary: "A member's archive for a term (一人一届一档)",
  params: z.object({ id: idParam('member id') }),
  query: z.strictObject({
    term: positiveIntParam('the term (届); the latest seat without it').optional(),
    year: positiveIntParam("only this calendar year, in the committee's time zone").optional(),
    committee: idParam('the committee, for a member seated in several').optional(),
  }),
  response: MemberArchiveBody,
  responseName: 'MemberArchive',
  errors: [400, 403, 404],
  handle: async ({ params, query, scope, view, cache }) => {
    const state = await view.record({ memberId: params.id });
    const all = seatsOf(state, params.id);
    if (all.length === 0) {
      throw new ApiError(
        404,
        'unknown-member',
        `no member ${params.id} is recorded`,
        `没有记录委员 ${params.id}`,
      );
    }
    const seats = all.filter((s) => covers(scope, s.committeeId));
    if (seats.length === 0) throw forbidden(all.at(-1)?.committeeId ?? '');
    if (query.committee !== undefined && !covers(scope, query.committee)) throw forbidden(query.committee);
    // Without a committee, a token limited to some committees reads the latest seat it covers.
    const committeeId = query.committee ?? (scope === '*' ? undefined : seats.at(-1)?.committeeId);
    const key = `archive|${params.id}|${committeeId ?? ''}|${query.term ?? ''}|${query.year ?? ''}`;
    const archive = cache.answer(view, key, () =>
      memberArchive(state, {
        memberId: params.id,
        ...(query.term === undefined ? {} : { term: query.term }),
        ...(committeeId === undefined ? {} : { committeeId }),
        ...(query.year === undefined ? {} : { year: query.year }),
      }),
    );
    if (!archive) {
      throw new ApiError(
        404,
        'no-such-seat',
        `member ${params.id} holds no seat matching committee ${committeeId ?? '(any)'}, term ${query.term ?? '(latest)'}`,
        `委员 ${params.id} 没有符合条件的席位（政协组织 ${committeeId ?? '任一'}，届 ${query.term ?? '最近'}）`,
      );
    }
    if (!covers(scope, archive.member.committee.committeeId))
      throw forbidden(archive.member.committee.committeeId);
    return { checkpoint: view.checkpoint, archive };
  },
});
