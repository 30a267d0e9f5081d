import type { InvitationBackend, Policy } from '../engine/index.ts';
import type { WidgetOptions } from './WidgetOptions.ts';

/** Why the widget cannot run a check; each has a translated explanation (`widget.problems.*`). */
export type WidgetProblem =
  | { kind: 'noBackend' }
  | { kind: 'badBridge'; message: string }
  | { kind: 'bridgeUnavailable' }
  | { kind: 'unknownFlow'; flowId: string }
  | { kind: 'invalidFlow'; problems: string[] };

export type WidgetBackendResult = { ok: true; backend: InvitationBackend; demo: boolean; close(): void } | { ok: false; problem: WidgetProblem };

/** Simulated latency of the demo backend, so the "working…" state is visible as in the SPA. */
const demoLatencyMs = 350;

/**
 * The backend the options ask for: the host's own object, a bridge to another window (connected
 * first, to learn its capabilities), or, only when `demo` is set, the in-memory demo. Never
 * throws: a missing or broken configuration is a {@link WidgetProblem} the widget shows.
 */
export async function resolveWidgetBackend(options: Pick<WidgetOptions, 'backend' | 'bridge' | 'demo'>, policy: Policy): Promise<WidgetBackendResult> {
  if (options.backend) {
    if (typeof options.backend.findUser !== 'function' || typeof options.backend.capabilities !== 'function') return { ok: false, problem: { kind: 'noBackend' } };
    return { ok: true, backend: options.backend, demo: false, close() {} };
  }
  if (options.bridge) {
    const { createBridgeBackend } = await import('../adapters/bridge/createBridgeBackend.ts');
    let bridge: ReturnType<typeof createBridgeBackend>;
    try {
      bridge = createBridgeBackend({
        target: options.bridge.target,
        allowedOrigins: [options.bridge.origin],
        ...(options.bridge.timeoutMs === undefined ? {} : { timeoutMs: options.bridge.timeoutMs }),
      });
    } catch (error) {
      return { ok: false, problem: { kind: 'badBridge', message: error instanceof Error ? error.message : String(error) } };
    }
    const connected = await bridge.connect();
    if (!connected.ok) {
      bridge.close();
      return { ok: false, problem: { kind: 'bridgeUnavailable' } };
    }
    return { ok: true, backend: bridge, demo: false, close: () => bridge.close() };
  }
  if (options.demo) {
    const { createMemoryBackend } = await import('../adapters/memory/createMemoryBackend.ts');
    return { ok: true, backend: createMemoryBackend(undefined, undefined, { policy, latencyMs: demoLatencyMs }), demo: true, close() {} };
  }
  return { ok: false, problem: { kind: 'noBackend' } };
}
