import { z } from 'zod';
import { defineCommand } from '../commandHandling/decision.ts';
import { sameJson } from '../commandHandling/fingerprint.ts';
import { Actor, CommitteeId, streamIds } from '../ids/ids.ts';
import { rejection } from '../rejections/rejection.ts';
import { err, ok } from '../rejections/result.ts';
import { Instant, instantText } from '../time/localDate.ts';

/** What a recorder (记录人/记录部门) may record; "whoever organises the activity records it" (谁组织谁记录). */
export const RecorderRole = z.enum([
  'admin',
  'secretariat',
  'members-office',
  'proposals-office',
  'opinions-office',
  'publicity-office',
  'organiser',
  'reviewer',
]);
export type RecorderRole = z.infer<typeof RecorderRole>;

/** Registers (or re-registers with new roles) a recorder of a committee. */
export const RegisterRecorder = z.strictObject({
  recorderId: Actor,
  committeeId: CommitteeId,
  roles: z.array(RecorderRole).min(1).max(8),
});
export type RegisterRecorder = z.infer<typeof RegisterRecorder>;

/** A recorder was registered with its roles. */
export const RecorderRegistered = RegisterRecorder.extend({ occurredAt: Instant });
export type RecorderRegistered = z.infer<typeof RecorderRegistered>;

export const registerRecorder = defineCommand({
  name: 'RegisterRecorder',
  schema: RegisterRecorder,
  eventType: 'RecorderRegistered',
  decide: (data, ctx) => {
    const committee = ctx.committee(data.committeeId);
    if (!committee.registered) return err(rejection('unknown-committee', 'committeeId', data.committeeId));
    const roles = [...new Set(data.roles)].sort();
    const current = committee.recorders.get(data.recorderId);
    if (current && sameJson([...current].sort(), roles)) return ok('no-op');
    return ok({
      streamId: streamIds.committee(data.committeeId),
      type: 'RecorderRegistered',
      data: { ...data, roles, occurredAt: instantText(ctx.recordedAt) },
    });
  },
});
