import { z } from 'zod';
import { ConfigError } from './loadConfig.ts';
import { parseEnvironment } from './parseEnvironment.ts';

/** The session-insights settings (see docs/insights.md). */
export interface InsightsConfig {
  /** Where stored session events are also sent as OTLP log records; null: nowhere. */
  otlpLogsUrl: string | null;
  /** Extra headers for the collector (`OTEL_EXPORTER_OTLP_HEADERS`, `key=value,key=value`); secrets, never logged. */
  otlpHeaders: Record<string, string>;
  /** `POST /v1/session-events` calls one key may make in a minute. */
  eventPostsPerKeyPerMinute: number;
}

const url = z.url().refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');
const schema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: url.nullable(),
  OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: url.nullable(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/json'], 'only http/json is supported for session events').nullable(),
  OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: z.enum(['http/json'], 'only http/json is supported for session events').nullable(),
  OTEL_EXPORTER_OTLP_HEADERS: z.string().max(8192, 'is too long').nullable(),
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).nullable(),
  SESSION_EVENT_POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).nullable(),
});

/**
 * Reads `OTEL_EXPORTER_OTLP_LOGS_ENDPOINT` (used as it is) or `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/logs`
 * appended, as the OpenTelemetry specification says), `OTEL_EXPORTER_OTLP_HEADERS`,
 * `OTEL_SDK_DISABLED` and `SESSION_EVENT_POSTS_PER_MINUTE` (default 120). Throws a
 * {@link ConfigError} naming the setting, never quoting its value.
 */
export function loadInsightsConfig(env: NodeJS.ProcessEnv): InsightsConfig {
  const value = parseEnvironment(schema, env);
  const base = value.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  const otlpLogsUrl = value.OTEL_SDK_DISABLED === 'true' ? null : (value.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT ?? (base ? `${base}/v1/logs` : null));
  return { otlpLogsUrl, otlpHeaders: parseHeaders(value.OTEL_EXPORTER_OTLP_HEADERS), eventPostsPerKeyPerMinute: value.SESSION_EVENT_POSTS_PER_MINUTE ?? 120 };
}

/** `key=value,key2=value2` with percent-encoded values (the OpenTelemetry form). */
function parseHeaders(text: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const name = at > 0 ? pair.slice(0, at).trim() : '';
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw new ConfigError('Invalid setting OTEL_EXPORTER_OTLP_HEADERS: each entry must be name=value, separated by commas.');
    try {
      headers[name] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      throw new ConfigError(`Invalid setting OTEL_EXPORTER_OTLP_HEADERS: the value of ${name} is not valid percent-encoding.`);
    }
  }
  return headers;
}
