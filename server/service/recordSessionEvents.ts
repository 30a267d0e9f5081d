import type { SessionAnalyticsEvent } from '../../src/engine/SessionAnalytics.ts';
import { ok, type Result } from '../../src/engine/Result.ts';
import type { SessionEventExport } from '../insights/SessionEventExport.ts';
import type { Principal } from './Principal.ts';
import { runRead } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';

/**
 * Stores validated session events with the posting key's id and team (one insert), then hands them
 * to `exporter` when there is one. Not audited: these are reports about the wizard, not changes to
 * anyone's invitation, and an audit row per batch would drown the trail.
 */
export async function recordSessionEvents(context: ServiceContext, principal: Principal, events: readonly SessionAnalyticsEvent[], exporter?: SessionEventExport): Promise<Result<{ stored: number }>> {
  const receivedAt = new Date(context.clock());
  const team = principal.role.kind === 'team-manager' ? principal.role.team : null;
  const result = await runRead(context, 'recordSessionEvents', async () => {
    await context.db
      .insertInto('sessionEvents')
      .values(
        events.map((event) => ({
          sessionId: event.sessionId,
          flowId: event.flowId,
          kind: event.kind,
          at: new Date(event.at),
          stepId: event.stepId ?? null,
          result: event.result ?? null,
          helpful: event.helpful ?? null,
          mode: event.mode,
          keyId: principal.keyId,
          team,
          receivedAt,
        })),
      )
      .execute();
    return ok({ stored: events.length });
  });
  if (result.ok) exporter?.emit(events);
  return result;
}
