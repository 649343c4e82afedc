import { type AuditReport, CorruptEventError } from '@lvzhi/core';
import { z } from 'zod';
import { defineRoute } from './route.ts';

/** The tamper-evidence check of the whole log: the first broken event comes first. */
export const AuditBody = z.object({
  checkpoint: z.number().int(),
  intact: z.boolean(),
  streams: z.number().int(),
  events: z.number().int(),
  seal: z
    .object({
      eventId: z.string(),
      position: z.number().int(),
      occurredAt: z.string(),
      streams: z.number().int(),
    })
    .nullable(),
  findings: z.array(
    z.object({
      kind: z.string(),
      streamId: z.string().optional(),
      streamVersion: z.number().int().optional(),
      eventId: z.string().optional(),
      globalPosition: z.number().int().optional(),
      message: z.string(),
      messageZh: z.string(),
    }),
  ),
});
export type AuditBody = z.infer<typeof AuditBody>;

/** `GET /audit/verify`: the result of verifying the hash chains and the latest seal. */
export const auditRoute = defineRoute({
  path: '/audit/verify',
  operationId: 'auditVerify',
  summary: "The audit verification of the log's hash chains and latest seal",
  params: z.object({}),
  query: z.strictObject({}),
  response: AuditBody,
  responseName: 'AuditVerification',
  errors: [400],
  handle: async ({ cache, view }): Promise<AuditBody> => {
    let report: AuditReport;
    try {
      report = await cache.audit();
    } catch (error) {
      if (!(error instanceof CorruptEventError)) throw error;
      const finding = {
        kind: 'corrupt-event',
        globalPosition: error.position,
        message: `the stored event cannot be decoded: ${error.message}`,
        messageZh: `存储的记录无法解码：${error.message}`,
      };
      return {
        checkpoint: view.checkpoint,
        intact: false,
        streams: 0,
        events: 0,
        seal: null,
        findings: [finding],
      };
    }
    const { ok, streams, events, seal, findings } = report;
    return {
      checkpoint: view.checkpoint,
      intact: ok,
      streams,
      events,
      seal: seal ?? null,
      findings: findings.map((f) => ({ ...f })),
    };
  },
});
