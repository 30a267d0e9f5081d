import { z } from 'zod';
import { resolveHttpTransport } from '../../../adapters/http/HttpBackendOptions.ts';
import { requestJson } from '../../../adapters/http/requestJson.ts';
import { err, ok, summarizeSessionEvents, type BackendError, type Result, type SessionInsights } from '../../../engine/index.ts';
import { appBackendConfig } from '../../appBackend.ts';
import { readLocalSessionEvents } from '../../insights/createLocalEventSink.ts';
import { apiKeyStorage } from '../../signIn/apiKeyStorage.ts';
import { watchForSignedOut } from '../../signIn/watchForSignedOut.ts';

/** The window the panel summarises. */
export const insightDays = 30;

export interface LoadedInsights {
  insights: SessionInsights;
  /** `server`: every session the key may see; `browser`: the demo's sessions in this browser only. */
  source: 'server' | 'browser';
}

const count = z.number().int().min(0);
/** The server's answer is checked, not trusted: a wrong shape is an error, never a broken panel. */
const insightsSchema = z.object({
  sessions: z.object({ total: count, resolved: count, escalated: count, notResolved: count, open: count, abandoned: count }),
  dropOffSteps: z.array(z.object({ flowId: z.string(), stepId: z.string(), count })).max(10_000),
  medianSecondsToResolution: z.number().min(0).nullable(),
  feedback: z.object({ helpful: count, notHelpful: count }),
});

/**
 * What sessions of the last {@link insightDays} days teach: from the server (`GET /v1/session-insights`,
 * with the signed-in key) when there is one, else summarised from this browser's demo events.
 */
export async function loadSessionInsights(now: number, signal?: AbortSignal): Promise<Result<LoadedInsights>> {
  const config = appBackendConfig();
  if (config.kind !== 'server') {
    const events = typeof localStorage === 'undefined' ? [] : readLocalSessionEvents(localStorage);
    const recent = events.filter((event) => Date.parse(event.at) >= now - insightDays * 86_400_000);
    return ok({ insights: summarizeSessionEvents(recent, now), source: 'browser' });
  }
  const transport = resolveHttpTransport({ baseUrl: config.baseUrl, token: apiKeyStorage.read, fetch: watchForSignedOut });
  const result = await requestJson(transport, { operation: 'readSessionInsights', method: 'GET', path: '/v1/session-insights', query: { days: String(insightDays) } }, signal);
  if (!result.ok) return result;
  const parsed = insightsSchema.safeParse(result.value);
  if (!parsed.success) return err({ kind: 'unavailable', cause: 'malformed', message: 'readSessionInsights: the answer did not have the expected shape.' } satisfies BackendError);
  return ok({ insights: parsed.data, source: 'server' });
}
