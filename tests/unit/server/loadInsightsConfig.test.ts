// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadInsightsConfig } from '../../../server/config/loadInsightsConfig.ts';

describe('loadInsightsConfig', () => {
  it('exports nothing and allows 120 posts a minute by default', () => {
    expect(loadInsightsConfig({})).toEqual({ otlpLogsUrl: null, otlpHeaders: {}, eventPostsPerKeyPerMinute: 120 });
  });

  it('appends /v1/logs to the general endpoint and takes the logs endpoint as it is', () => {
    expect(loadInsightsConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).otlpLogsUrl).toBe('http://collector:4318/v1/logs');
    expect(loadInsightsConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'https://logs.example.com/ingest' }).otlpLogsUrl).toBe('https://logs.example.com/ingest');
  });

  it('sends nothing when the SDK is disabled', () => {
    expect(loadInsightsConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).otlpLogsUrl).toBeNull();
  });

  it('reads percent-encoded headers', () => {
    expect(loadInsightsConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc%3D,team=ops' }).otlpHeaders).toEqual({ 'x-api-key': 'abc=', team: 'ops' });
  });

  it('refuses a protocol other than http/json, a bad endpoint and bad headers, naming the setting and never the value', () => {
    expect(() => loadInsightsConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL.*http\/json/);
    expect(() => loadInsightsConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() => loadInsightsConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'secret-token-without-name' })).toThrow(/OTEL_EXPORTER_OTLP_HEADERS/);
    expect(() => loadInsightsConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'secret-token-without-name' })).not.toThrow(/secret-token/);
  });
});
