import type { BackendError } from '../../engine/BackendError.ts';
import type { CallOptions, Capability, InvitationBackend, InvitationEvidence, InvitationFilter, InvitationPage, LinkEvent, SendingStatus } from '../../engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../engine/Result.ts';
import type { BridgeBackendOptions, BridgeEndpoint } from './BridgeOptions.ts';
import { bridgeMethods, bridgeProtocol, bridgeResponseSchema, bridgeVersion, type BridgeMethod, type BridgeRequest } from './bridgeProtocol.ts';
import { exactOrigins } from './exactOrigins.ts';
import { parseEvidenceAddresses } from '../parseEvidenceAddresses.ts';

/** An {@link InvitationBackend} served by another window, plus the bridge's own controls. */
export interface BridgeBackend extends InvitationBackend {
  /** Asks the host which operations it serves; `capabilities()` returns that set afterwards. */
  connect(options?: CallOptions): Promise<Result<ReadonlySet<Capability>>>;
  /** Stops listening; calls still waiting resolve `unavailable` / `aborted`. */
  close(): void;
  clearSuppression(email: string, options?: CallOptions): Promise<Result<{ clearedAt: string }>>;
  listInvitations(filter: InvitationFilter, options?: CallOptions): Promise<Result<InvitationPage>>;
  /** Always present; the host answers `unsupported` when its backend has no `sendingStatus`. */
  sendingStatus(options?: CallOptions): Promise<Result<SendingStatus>>;
  /** Always present; the host answers `unsupported` when its backend has no `linkEvents`. */
  linkEvents(email: string, options?: CallOptions): Promise<Result<LinkEvent[]>>;
  /** Always present; the host answers `unsupported` when its backend has no `invitationEvidence`. */
  invitationEvidence(emails: readonly string[], options?: CallOptions): Promise<Result<InvitationEvidence[]>>;
}

interface Pending {
  method: BridgeMethod;
  settle(result: Result<unknown>): void;
}

/**
 * The widget side of the postMessage bridge (wire format: {@link bridgeProtocol}). Each call posts a
 * request to `target` for the first allowed origin and waits for the response with the same id,
 * accepted only from an allowed origin and from `target` itself, and only when it parses; a call
 * answered by nobody in time resolves `unavailable` / `timeout`. Throws a `TypeError` when the
 * allow-list is not a list of exact origins.
 */
export function createBridgeBackend(options: BridgeBackendOptions): BridgeBackend {
  const origins = exactOrigins(options.allowedOrigins);
  const targetOrigin = origins[0] as string;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const endpoint: BridgeEndpoint = options.endpoint ?? window;
  const prefix = Math.random().toString(36).slice(2, 10);
  const pending = new Map<string, Pending>();
  let capabilities: ReadonlySet<Capability> = new Set(options.capabilities ?? []);
  let counter = 0;
  let closed = false;

  const onMessage = (event: MessageEvent) => {
    if (!origins.includes(event.origin) || event.source !== (options.target as unknown)) return;
    const parsed = bridgeResponseSchema.safeParse(event.data);
    if (!parsed.success) return;
    const call = pending.get(parsed.data.id);
    if (!call) return;
    const { result } = parsed.data;
    if (!result.ok) return call.settle(err(result.error as BackendError));
    const value = bridgeMethods[call.method].value.safeParse(result.value);
    call.settle(value.success ? ok(value.data) : err({ kind: 'unavailable', cause: 'malformed', message: `The host's answer to ${call.method} did not fit the bridge format.` }));
  };
  endpoint.addEventListener('message', onMessage);

  const post = (message: unknown) => {
    try {
      options.target.postMessage(message, targetOrigin);
      return true;
    } catch {
      return false;
    }
  };

  function call<T>(method: BridgeMethod, args: unknown[], callOptions?: CallOptions): Promise<Result<T>> {
    if (closed) return Promise.resolve(err({ kind: 'unavailable', cause: 'aborted' }));
    if (callOptions?.signal?.aborted) return Promise.resolve(err({ kind: 'unavailable', cause: 'aborted' }));
    const id = `${prefix}-${(counter += 1)}`;
    return new Promise<Result<T>>((resolve) => {
      const abortMessage = { protocol: bridgeProtocol, version: bridgeVersion, type: 'abort', id };
      const onAbort = () => {
        post(abortMessage);
        settle(err({ kind: 'unavailable', cause: 'aborted' }));
      };
      const timer = setTimeout(() => {
        post(abortMessage);
        settle(err({ kind: 'unavailable', cause: 'timeout' }));
      }, timeoutMs);
      function settle(result: Result<unknown>) {
        if (!pending.delete(id)) return;
        clearTimeout(timer);
        callOptions?.signal?.removeEventListener('abort', onAbort);
        resolve(result as Result<T>);
      }
      pending.set(id, { method, settle });
      callOptions?.signal?.addEventListener('abort', onAbort, { once: true });
      const request: BridgeRequest = { protocol: bridgeProtocol, version: bridgeVersion, type: 'request', id, method, args };
      if (!post(request)) settle(err({ kind: 'unavailable', cause: 'network' }));
    });
  }

  return {
    capabilities: () => capabilities,
    async connect(callOptions) {
      const result = await call<Capability[]>('capabilities', [], callOptions);
      if (!result.ok) return result;
      capabilities = new Set(result.value);
      return ok(capabilities);
    },
    close() {
      closed = true;
      endpoint.removeEventListener('message', onMessage);
      for (const entry of [...pending.values()]) entry.settle(err({ kind: 'unavailable', cause: 'aborted' }));
    },
    findUser: (email, callOptions) => call('findUser', [email], callOptions),
    resendInvite: (userId, callOptions) => call('resendInvite', [userId], callOptions),
    getInviteLink: (userId, callOptions) => call('getInviteLink', [userId], callOptions),
    sendPasswordReset: (userId, callOptions) => call('sendPasswordReset', [userId], callOptions),
    cancelInvite: (userId, callOptions) => call('cancelInvite', [userId], callOptions),
    inviteUser: (email, inviteOptions) => call('inviteUser', [email, inviteOptions?.team === undefined ? {} : { team: inviteOptions.team }], inviteOptions),
    deliveryEvents: (email, callOptions) => call('deliveryEvents', [email], callOptions),
    clearSuppression: (email, callOptions) => call('clearSuppression', [email], callOptions),
    listInvitations: (filter, callOptions) => call('listInvitations', [definedFields(filter)], callOptions),
    sendingStatus: (callOptions) => call('sendingStatus', [], callOptions),
    linkEvents: (email, callOptions) => call('linkEvents', [email], callOptions),
    invitationEvidence: (emails, callOptions) => {
      // Checked here as the host would, so a list the message format cannot carry is refused with the contract's words, not as malformed.
      const parsed = parseEvidenceAddresses(emails);
      return parsed.ok ? call('invitationEvidence', [[...emails]], callOptions) : Promise.resolve(parsed);
    },
  };
}

/** The filter without `undefined` fields, which postMessage would carry but the schema refuses. */
function definedFields(filter: InvitationFilter | undefined): InvitationFilter {
  return Object.fromEntries(Object.entries(filter ?? {}).filter(([, value]) => value !== undefined));
}
