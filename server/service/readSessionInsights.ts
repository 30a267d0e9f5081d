import type { SessionAnalyticsEvent, SessionInsights } from '../../src/engine/SessionAnalytics.ts';
import { ok, type Result } from '../../src/engine/Result.ts';
import { summarizeSessionEvents } from '../../src/engine/summarizeSessionEvents.ts';
import type { Principal } from './Principal.ts';
import { runRead } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';

/** Rows read at most for one summary (the newest); about 10 events a session, so some 10,000 sessions. */
export const maxInsightRows = 100_000;

/**
 * What the sessions of the last `days` days teach: an admin sees every session, a team manager the
 * sessions their team's keys posted. One bounded query (the newest {@link maxInsightRows} events),
 * summarised by the same pure `summarizeSessionEvents` the browser uses.
 */
export async function readSessionInsights(context: ServiceContext, principal: Principal, days: number): Promise<Result<SessionInsights>> {
  const now = context.clock();
  return runRead(context, 'readSessionInsights', async () => {
    let query = context.db
      .selectFrom('sessionEvents')
      .select(['sessionId', 'flowId', 'kind', 'at', 'stepId', 'result', 'helpful', 'mode'])
      .where('at', '>=', new Date(now - days * 86_400_000));
    if (principal.role.kind === 'team-manager') query = query.where('team', '=', principal.role.team);
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(maxInsightRows).execute();
    const events = rows.map(
      (row): SessionAnalyticsEvent => ({
        sessionId: row.sessionId,
        flowId: row.flowId,
        kind: row.kind,
        at: row.at.toISOString(),
        mode: row.mode,
        ...(row.stepId === null ? {} : { stepId: row.stepId }),
        ...(row.result === null ? {} : { result: row.result }),
        ...(row.helpful === null ? {} : { helpful: row.helpful }),
      }),
    );
    return ok(summarizeSessionEvents(events, now));
  });
}
