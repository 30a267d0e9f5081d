import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import type { SessionEventExport } from './SessionEventExport.ts';

export interface OtlpSessionEventExportOptions {
  /** The collector's logs endpoint, e.g. `http://127.0.0.1:4318/v1/logs` (OTLP over HTTP, JSON). */
  url: string;
  /** Headers for the collector (an ingest token): from `OTEL_EXPORTER_OTLP_HEADERS`, never logged. @default none */
  headers?: Record<string, string>;
  /** How long records wait to be sent together. @default 5000 ms */
  scheduledDelayMillis?: number;
  /** The resource's `service.name`. @default invite-doctor */
  serviceName?: string;
}

/**
 * Every stored session event as one OTLP log record (http/json, a batching processor), with the
 * attributes `session.id`, `flow.id`, `step.id`, `result`, `helpful` and `mode` (those the event
 * has), the event's time as the record's time and `invite_doctor.session.<kind>` as its event name.
 * A collector that is down loses those records (the exporter retries a little, then drops them);
 * the database keeps every event either way.
 */
export function createOtlpSessionEventExport(options: OtlpSessionEventExportOptions): SessionEventExport {
  const exporter = new OTLPLogExporter({ url: options.url, ...(options.headers ? { headers: options.headers } : {}), timeoutMillis: 10_000 });
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'invite-doctor' }),
    processors: [new BatchLogRecordProcessor({ exporter, scheduledDelayMillis: options.scheduledDelayMillis ?? 5_000, maxQueueSize: 4_096, maxExportBatchSize: 512 })],
  });
  const logger = provider.getLogger('invite-doctor.session-events');
  let stopped = false;
  return {
    emit(events) {
      if (stopped) return;
      const observed = new Date();
      for (const event of events) {
        logger.emit({
          timestamp: new Date(event.at),
          observedTimestamp: observed,
          severityNumber: SeverityNumber.INFO,
          severityText: 'INFO',
          eventName: `invite_doctor.session.${event.kind}`,
          body: event.kind,
          attributes: {
            'session.id': event.sessionId,
            'flow.id': event.flowId,
            mode: event.mode,
            ...(event.stepId === undefined ? {} : { 'step.id': event.stepId }),
            ...(event.result === undefined ? {} : { result: event.result }),
            ...(event.helpful === undefined ? {} : { helpful: event.helpful }),
          },
        });
      }
    },
    async shutdown() {
      if (stopped) return;
      stopped = true;
      await provider.forceFlush();
      await provider.shutdown();
    },
  };
}
