import { describe, expect, it, vi } from 'vitest';
import { createBridgeBackend, createMemoryBackend, serveBackendOverBridge, bridgeProtocol } from '../../../src/adapters/index.ts';
import type { InvitationBackend } from '../../../src/engine/index.ts';
import { createFramedPair } from '../embed/createFramedPair.ts';

const hostOrigin = 'https://admin.example.com';
const widgetOrigin = 'https://widget.example.net';

function connectPair(backend: InvitationBackend = createMemoryBackend(), timeoutMs = 200) {
  const pair = createFramedPair(hostOrigin, widgetOrigin);
  const server = serveBackendOverBridge(backend, { allowedOrigins: [widgetOrigin], source: pair.frame, endpoint: pair.host });
  const bridge = createBridgeBackend({ target: pair.parent, allowedOrigins: [hostOrigin], endpoint: pair.widget, timeoutMs });
  return { ...pair, server, bridge };
}

const response = (id: string, result: unknown) => ({ protocol: bridgeProtocol, version: 1, type: 'response', id, result });

/** Starts a call whose request never reaches a server, and returns its id for a forged reply. */
function pendingCall(timeoutMs = 150) {
  const pair = createFramedPair(hostOrigin, widgetOrigin);
  const bridge = createBridgeBackend({ target: pair.parent, allowedOrigins: [hostOrigin], endpoint: pair.widget, timeoutMs });
  const call = bridge.findUser('dan.active@example.com');
  const request = pair.posted.toHost[0]?.data as { id: string };
  return { ...pair, bridge, call, id: request.id };
}

describe('the postMessage bridge', () => {
  it('round-trips a lookup: the widget gets the same user the host backend returns', async () => {
    const backend = createMemoryBackend();
    const { bridge, server } = connectPair(backend);
    const direct = await backend.findUser('dan.active@example.com');
    const bridged = await bridge.findUser('DAN.active@example.com');
    expect(bridged).toEqual(direct);
    expect(bridged.ok && bridged.value?.status).toBe('active');
    server.close();
    bridge.close();
  });

  it('learns the host backend’s capabilities on connect', async () => {
    const backend = createMemoryBackend(undefined, undefined, { capabilities: ['lookup', 'resend'] });
    const { bridge } = connectPair(backend);
    expect(bridge.capabilities().size).toBe(0);
    const connected = await bridge.connect();
    expect(connected.ok && [...connected.value].sort()).toEqual(['lookup', 'resend']);
    expect([...bridge.capabilities()].sort()).toEqual(['lookup', 'resend']);
  });

  it('carries typed errors across unchanged (a resend inside the cooldown is rate limited)', async () => {
    const backend = createMemoryBackend();
    const { bridge } = connectPair(backend);
    const result = await bridge.resendInvite('usr_ben');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('rate_limited');
    expect(!result.ok && result.error.kind === 'rate_limited' && result.error.retryAfterMs).toBeGreaterThan(0);
  });

  it('posts every message for the exact origin, never "*"', async () => {
    const { bridge, posted } = connectPair();
    await bridge.findUser('ana.invited@example.com');
    expect(posted.toHost.map((message) => message.targetOrigin)).toEqual([hostOrigin]);
    expect(posted.toWidget.map((message) => message.targetOrigin)).toEqual([widgetOrigin]);
  });

  it('ignores a reply from another origin, and the call times out as unavailable', async () => {
    const { widget, parent, call, id } = pendingCall();
    widget.deliver(response(id, { ok: true, value: null }), 'https://evil.example', parent);
    expect(await call).toEqual({ ok: false, error: { kind: 'unavailable', cause: 'timeout' } });
  });

  it('ignores a reply from the right origin but another window', async () => {
    const { widget, call, id } = pendingCall();
    const stranger = { postMessage() {} };
    widget.deliver(response(id, { ok: true, value: null }), hostOrigin, stranger);
    expect(await call).toEqual({ ok: false, error: { kind: 'unavailable', cause: 'timeout' } });
  });

  it('ignores malformed replies and still accepts the valid one that follows', async () => {
    const { widget, parent, call, id } = pendingCall(500);
    for (const junk of [
      'not an object',
      null,
      { ...response(id, { ok: true, value: null }), protocol: 'other' },
      { ...response(id, { ok: true, value: null }), version: 2 },
      { ...response(id, { ok: false, error: { kind: 'exploded' } }) },
      response('someone-else', { ok: true, value: null }),
    ]) {
      widget.deliver(junk, hostOrigin, parent);
    }
    widget.deliver(response(id, { ok: true, value: null }), hostOrigin, parent);
    expect(await call).toEqual({ ok: true, value: null });
  });

  it('resolves unavailable/malformed when the value does not fit the method', async () => {
    const { widget, parent, call, id } = pendingCall();
    widget.deliver(response(id, { ok: true, value: { id: 'u1', email: 'x@example.com', status: 'sleeping' } }), hostOrigin, parent);
    const result = await call;
    expect(!result.ok && result.error).toMatchObject({ kind: 'unavailable', cause: 'malformed' });
  });

  it('on timeout tells the host to abort, and the host aborts the call in flight', async () => {
    let seen: AbortSignal | undefined;
    const backend = { ...createMemoryBackend(), findUser: (_email: string, options?: { signal?: AbortSignal }) => {
      seen = options?.signal;
      return new Promise<never>(() => {});
    } } as InvitationBackend;
    const { bridge, posted } = connectPair(backend, 60);
    expect(await bridge.findUser('ana.invited@example.com')).toEqual({ ok: false, error: { kind: 'unavailable', cause: 'timeout' } });
    expect(posted.toHost.map((message) => (message.data as { type: string }).type)).toEqual(['request', 'abort']);
    await vi.waitFor(() => expect(seen?.aborted).toBe(true));
  });

  it('resolves aborted when the caller aborts, and after close()', async () => {
    const { bridge, call } = pendingCall(5_000);
    const controller = new AbortController();
    const aborted = bridge.deliveryEvents('ana.invited@example.com', { signal: controller.signal });
    controller.abort();
    expect(await aborted).toEqual({ ok: false, error: { kind: 'unavailable', cause: 'aborted' } });
    bridge.close();
    expect(await call).toEqual({ ok: false, error: { kind: 'unavailable', cause: 'aborted' } });
  });

  it('refuses wildcard, opaque and non-exact origins in the allow-list', () => {
    const target = { postMessage() {} };
    const endpoint = { addEventListener() {}, removeEventListener() {} };
    for (const origin of ['*', 'null', 'https://*.example.com', 'https://admin.example.com/', 'admin.example.com', 'https://admin.example.com/path']) {
      expect(() => createBridgeBackend({ target, allowedOrigins: [origin], endpoint }), origin).toThrow(TypeError);
      expect(() => serveBackendOverBridge(createMemoryBackend(), { allowedOrigins: [origin], source: target, endpoint }), origin).toThrow(TypeError);
    }
    expect(() => createBridgeBackend({ target, allowedOrigins: [], endpoint })).toThrow(TypeError);
  });
});

describe('the host side of the bridge', () => {
  function spyBackend() {
    const backend = createMemoryBackend();
    const findUser = vi.spyOn(backend, 'findUser');
    return { backend, findUser };
  }
  const request = (id: string, method = 'findUser', args: unknown[] = ['ana.invited@example.com']) => ({ protocol: bridgeProtocol, version: 1, type: 'request', id, method, args });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('answers only requests from an allowed origin and the widget’s own window', async () => {
    const { backend, findUser } = spyBackend();
    const pair = createFramedPair(hostOrigin, widgetOrigin);
    serveBackendOverBridge(backend, { allowedOrigins: [widgetOrigin], source: () => pair.frame, endpoint: pair.host });
    pair.host.deliver(request('a'), 'https://evil.example', pair.frame);
    pair.host.deliver(request('b'), widgetOrigin, { postMessage() {} });
    pair.host.deliver(request('c'), widgetOrigin, pair.frame);
    await settle();
    expect(findUser).toHaveBeenCalledTimes(1);
    expect(pair.posted.toWidget.map((message) => (message.data as { id: string }).id)).toEqual(['c']);
  });

  it('ignores malformed requests without answering', async () => {
    const { backend, findUser } = spyBackend();
    const pair = createFramedPair(hostOrigin, widgetOrigin);
    serveBackendOverBridge(backend, { allowedOrigins: [widgetOrigin], source: pair.frame, endpoint: pair.host });
    for (const junk of [42, { type: 'request' }, { ...request('x'), method: 'dropDatabase' }, { ...request('y'), protocol: 'x' }, { ...request(''), id: '' }]) {
      pair.host.deliver(junk, widgetOrigin, pair.frame);
    }
    await settle();
    expect(findUser).not.toHaveBeenCalled();
    expect(pair.posted.toWidget).toEqual([]);
  });

  it('answers a well-formed request with bad arguments as unavailable/malformed, without calling the backend', async () => {
    const { backend, findUser } = spyBackend();
    const pair = createFramedPair(hostOrigin, widgetOrigin);
    serveBackendOverBridge(backend, { allowedOrigins: [widgetOrigin], source: pair.frame, endpoint: pair.host });
    pair.host.deliver(request('z', 'findUser', [{ $ne: null }]), widgetOrigin, pair.frame);
    await settle();
    expect(findUser).not.toHaveBeenCalled();
    expect((pair.posted.toWidget[0]?.data as { result: unknown }).result).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'malformed' } });
  });

  it('stops answering after close()', async () => {
    const { backend, findUser } = spyBackend();
    const pair = createFramedPair(hostOrigin, widgetOrigin);
    const server = serveBackendOverBridge(backend, { allowedOrigins: [widgetOrigin], source: pair.frame, endpoint: pair.host });
    server.close();
    pair.host.deliver(request('late'), widgetOrigin, pair.frame);
    await settle();
    expect(findUser).not.toHaveBeenCalled();
  });
});
