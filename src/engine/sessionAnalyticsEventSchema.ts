import { z } from 'zod';
import type { SessionAnalyticsEvent } from './SessionAnalytics.ts';

const idSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'must be letters, digits, dot, underscore, colon or hyphen');

/**
 * One {@link SessionAnalyticsEvent} as it arrives from outside (the server's `POST /v1/session-events`,
 * the browser's stored copy). Strict: an unknown field (an address, a note) is refused, never stored.
 * `stepId` is required on `started` and `step`, `result` on `ended`, `helpful` on `feedback`.
 */
export const sessionAnalyticsEventSchema = z
  .strictObject({
    sessionId: idSchema,
    flowId: idSchema,
    kind: z.enum(['started', 'step', 'ended', 'feedback']),
    at: z.iso.datetime({ offset: true }),
    stepId: idSchema.optional(),
    result: z.enum(['resolved', 'escalated', 'not-resolved', 'waiting']).optional(),
    helpful: z.boolean().optional(),
    mode: z.enum(['admin', 'agent', 'widget']),
  })
  .superRefine((event, context) => {
    const needs = { started: 'stepId', step: 'stepId', ended: 'result', feedback: 'helpful' } as const;
    const field = needs[event.kind];
    if (event[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: `is required on a ${event.kind} event` });
  }) satisfies z.ZodType<SessionAnalyticsEvent>;
