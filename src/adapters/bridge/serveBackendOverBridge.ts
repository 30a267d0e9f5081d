import type { BackendError } from '../../engine/BackendError.ts';
import type { InvitationBackend, InvitationFilter } from '../../engine/InvitationBackend.ts';
import type { Result } from '../../engine/Result.ts';
import type { BridgeEndpoint, BridgeServer, BridgeTarget, ServeBridgeOptions } from './BridgeOptions.ts';
import { bridgeHostInboundSchema, bridgeMethods, bridgeProtocol, bridgeVersion, type BridgeRequest, type BridgeResponse } from './bridgeProtocol.ts';
import { exactOrigins } from './exactOrigins.ts';

/**
 * The host side of the postMessage bridge (wire format: {@link bridgeProtocol}): answers the
 * widget's requests with `backend`, for messages from an allowed origin AND from the widget's own
 * window only. Replies go back to that window for the request's exact origin. Throws a
 * `TypeError` when the allow-list is not a list of exact origins.
 */
export function serveBackendOverBridge(backend: InvitationBackend, options: ServeBridgeOptions): BridgeServer {
  const origins = exactOrigins(options.allowedOrigins);
  const endpoint: BridgeEndpoint = options.endpoint ?? window;
  const expectedSource = () => (typeof options.source === 'function' ? options.source() : options.source);
  const inFlight = new Map<string, AbortController>();

  const onMessage = (event: MessageEvent) => {
    const source = expectedSource();
    if (!source || event.source !== (source as unknown) || !origins.includes(event.origin)) return;
    const parsed = bridgeHostInboundSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    const key = `${event.origin} ${message.id}`;
    if (message.type === 'abort') {
      inFlight.get(key)?.abort();
      inFlight.delete(key);
      return;
    }
    if (inFlight.has(key)) return;
    const controller = new AbortController();
    inFlight.set(key, controller);
    void answer(backend, message, controller.signal).then((result) => {
      if (inFlight.get(key) !== controller) return;
      inFlight.delete(key);
      reply(source, event.origin, { protocol: bridgeProtocol, version: bridgeVersion, type: 'response', id: message.id, result });
    });
  };
  endpoint.addEventListener('message', onMessage);

  return {
    close() {
      endpoint.removeEventListener('message', onMessage);
      for (const controller of inFlight.values()) controller.abort();
      inFlight.clear();
    },
  };
}

function reply(target: BridgeTarget, origin: string, response: BridgeResponse) {
  try {
    target.postMessage(response, origin);
  } catch {
    // The frame went away or the value cannot be cloned: the widget's call times out.
  }
}

async function answer(backend: InvitationBackend, request: BridgeRequest, signal: AbortSignal): Promise<Result<unknown>> {
  const args = bridgeMethods[request.method].args.safeParse(request.args);
  if (!args.success) return { ok: false, error: { kind: 'unavailable', cause: 'malformed', message: `Invalid arguments for ${request.method}.` } };
  const call = { signal };
  try {
    switch (request.method) {
      case 'capabilities':
        return { ok: true, value: [...backend.capabilities()] };
      case 'findUser':
        return await backend.findUser(stringArg(args.data), call);
      case 'resendInvite':
        return await backend.resendInvite(stringArg(args.data), call);
      case 'getInviteLink':
        return await backend.getInviteLink(stringArg(args.data), call);
      case 'sendPasswordReset':
        return await backend.sendPasswordReset(stringArg(args.data), call);
      case 'cancelInvite':
        return await backend.cancelInvite(stringArg(args.data), call);
      case 'inviteUser': {
        const [email, invite] = args.data as [string, { team?: string }];
        return await backend.inviteUser(email, { ...call, ...(invite.team === undefined ? {} : { team: invite.team }) });
      }
      case 'deliveryEvents':
        return await backend.deliveryEvents(stringArg(args.data), call);
      case 'clearSuppression':
        return backend.clearSuppression ? await backend.clearSuppression(stringArg(args.data), call) : { ok: false, error: { kind: 'unsupported' } };
      case 'listInvitations': {
        const [filter] = args.data as [InvitationFilter];
        return backend.listInvitations ? await backend.listInvitations(filter, call) : { ok: false, error: { kind: 'unsupported' } };
      }
      case 'sendingStatus':
        return backend.sendingStatus ? await backend.sendingStatus(call) : { ok: false, error: { kind: 'unsupported' } };
      case 'linkEvents':
        return backend.linkEvents ? await backend.linkEvents(stringArg(args.data), call) : { ok: false, error: { kind: 'unsupported' } };
      case 'invitationEvidence': {
        const [emails] = args.data as [string[]];
        return backend.invitationEvidence ? await backend.invitationEvidence(emails, call) : { ok: false, error: { kind: 'unsupported' } };
      }
    }
  } catch (error) {
    const failure: BackendError = { kind: 'unavailable', cause: 'server', message: error instanceof Error ? error.message : 'The host backend failed.' };
    return { ok: false, error: failure };
  }
}

function stringArg(args: unknown): string {
  return (args as [string])[0];
}
