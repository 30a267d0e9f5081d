import { describe, expect, it } from 'vitest';
import { createBridgeBackend, createMemoryBackend, serveBackendOverBridge } from '../../../src/adapters/index.ts';
import type { InvitationBackend, LinkEvent, SendingStatus } from '../../../src/engine/index.ts';
import { err, ok } from '../../../src/engine/Result.ts';
import { createFramedPair } from '../embed/createFramedPair.ts';

const hostOrigin = 'https://admin.example.com';
const widgetOrigin = 'https://widget.example.net';

function connectPair(backend: InvitationBackend) {
  const pair = createFramedPair(hostOrigin, widgetOrigin);
  const server = serveBackendOverBridge(backend, { allowedOrigins: [widgetOrigin], source: pair.frame, endpoint: pair.host });
  const bridge = createBridgeBackend({ target: pair.parent, allowedOrigins: [hostOrigin], endpoint: pair.widget, timeoutMs: 200 });
  return { bridge, close: () => (bridge.close(), server.close()) };
}

/** A memory backend whose sending status and link events are the given ones. */
function hostWith(status: SendingStatus, events: LinkEvent[] = []): InvitationBackend {
  const backend: InvitationBackend = createMemoryBackend();
  return { ...backend, capabilities: () => backend.capabilities(), sendingStatus: async () => ok(status), linkEvents: async () => ok(events) };
}

const status: SendingStatus = { configured: false, provider: 'SMTP', from: 'invitations@app.example.com', linkOrigin: 'https://app.example.com', problem: 'mail_not_configured' };

describe('the postMessage bridge: sending status and link events', () => {
  it('carries the sending status and link events across unchanged', async () => {
    const events: LinkEvent[] = [{ at: '2025-03-10T09:00:05.000Z', email: 'ana@example.com', kind: 'refused', refusal: 'used', secondsAfterDelivery: 5, automated: true }];
    const { bridge, close } = connectPair(hostWith(status, events));
    expect(await bridge.sendingStatus()).toEqual({ ok: true, value: status });
    expect(await bridge.linkEvents('ana@example.com')).toEqual({ ok: true, value: events });
    close();
  });

  it('refuses a link origin with a path (a token could ride along) as malformed', async () => {
    const { bridge, close } = connectPair(hostWith({ ...status, linkOrigin: 'https://app.example.com/invite/abc123' }));
    expect(await bridge.sendingStatus()).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'malformed' } });
    close();
  });

  it('answers unsupported when the host backend has neither method', async () => {
    const plain = createMemoryBackend();
    const host: InvitationBackend = { ...plain, capabilities: () => plain.capabilities() };
    delete host.sendingStatus;
    delete host.linkEvents;
    const { bridge, close } = connectPair(host);
    expect(await bridge.sendingStatus()).toEqual({ ok: false, error: { kind: 'unsupported' } });
    expect(await bridge.linkEvents('ana@example.com')).toEqual({ ok: false, error: { kind: 'unsupported' } });
    close();
  });

  it('carries a not_sent error with its reason and wait across unchanged', async () => {
    const plain = createMemoryBackend();
    const host: InvitationBackend = {
      ...plain,
      capabilities: () => plain.capabilities(),
      resendInvite: async () => err({ kind: 'not_sent', reason: 'provider_rate_limited', retryAfterMs: 60_000, message: 'Sending quota reached' }),
    };
    const { bridge, close } = connectPair(host);
    expect(await bridge.resendInvite('usr_ana')).toEqual({ ok: false, error: { kind: 'not_sent', reason: 'provider_rate_limited', retryAfterMs: 60_000, message: 'Sending quota reached' } });
    close();
  });
});
