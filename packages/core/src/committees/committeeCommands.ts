import { z } from 'zod';
import { defineCommand } from '../commandHandling/decision.ts';
import { fingerprint } from '../commandHandling/fingerprint.ts';
import { CommitteeId, streamIds, TermNumber } from '../ids/ids.ts';
import { rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import {
  DEFAULT_TIME_ZONE,
  Instant,
  instantText,
  isKnownTimeZone,
  startOfDateInput,
} from '../time/localDate.ts';

/** A committee's level (级别). */
export const CommitteeLevel = z.enum(['national', 'provincial', 'prefectural', 'county']);
export type CommitteeLevel = z.infer<typeof CommitteeLevel>;

/** Registers a committee (委员会). */
export const RegisterCommittee = z.strictObject({
  committeeId: CommitteeId,
  name: z.string().min(1).max(200),
  level: CommitteeLevel,
  timeZone: z.string().min(1).max(64).default(DEFAULT_TIME_ZONE),
});
export type RegisterCommittee = z.infer<typeof RegisterCommittee>;

/** Opens a numbered term (届) of a committee, with its dates. */
export const OpenTerm = z.strictObject({
  committeeId: CommitteeId,
  term: TermNumber,
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
});
export type OpenTerm = z.infer<typeof OpenTerm>;

/** A committee was registered. */
export const CommitteeRegistered = RegisterCommittee.extend({ occurredAt: Instant });
export type CommitteeRegistered = z.infer<typeof CommitteeRegistered>;
/** A term was opened. */
export const TermOpened = OpenTerm.extend({ occurredAt: Instant });
export type TermOpened = z.infer<typeof TermOpened>;

export const registerCommittee = defineCommand({
  name: 'RegisterCommittee',
  schema: RegisterCommittee,
  eventType: 'CommitteeRegistered',
  decide: (data, ctx) => {
    if (!isKnownTimeZone(data.timeZone))
      return err(rejection('invalid-time-zone', 'timeZone', data.timeZone));
    const committee = ctx.committee(data.committeeId);
    if (committee.registered) {
      return committee.registered === fingerprint(data)
        ? ok('no-op')
        : err(rejection('already-exists', 'committeeId', data.committeeId));
    }
    return ok({
      streamId: streamIds.committee(data.committeeId),
      type: 'CommitteeRegistered',
      data: { ...data, occurredAt: instantText(ctx.recordedAt) },
    });
  },
});

export const openTerm = defineCommand({
  name: 'OpenTerm',
  schema: OpenTerm,
  eventType: 'TermOpened',
  decide: (data, ctx) => {
    const committee = ctx.committee(data.committeeId);
    if (!committee.registered) return err(rejection('unknown-committee', 'committeeId', data.committeeId));
    if (data.endsOn < data.startsOn) return err(rejection('invalid-date-range', 'endsOn', data.endsOn));
    const existing = committee.terms.get(data.term);
    if (existing) {
      return existing.fingerprint === fingerprint(data)
        ? ok('no-op')
        : err(rejection('already-exists', 'term', data.term));
    }
    return ok({
      streamId: streamIds.committee(data.committeeId),
      type: 'TermOpened',
      data: {
        ...data,
        occurredAt: instantText(startOfDateInput(data.startsOn, committee.timeZone)),
      },
    });
  },
});
