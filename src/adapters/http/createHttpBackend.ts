import { allCapabilities, type Capability, type CallOptions, type InvitationBackend, type InvitationFilter } from '../../engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../engine/Result.ts';
import type { z } from 'zod';
import { apiSchemas } from './apiSchemas.ts';
import { resolveHttpTransport, type HttpBackendOptions } from './HttpBackendOptions.ts';
import { parseResponse } from './parseResponse.ts';
import { requestJson, type ApiRequest } from './requestJson.ts';

/**
 * An {@link InvitationBackend} over the REST API in `api/openapi.json`. Every call resolves a
 * {@link Result}; HTTP statuses, timeouts, network failures and malformed bodies become typed
 * errors. Reads retry on `unavailable`; actions never retry on their own. The optional
 * `sendingStatus`, `linkEvents` and `invitationEvidence` are only present when
 * `options.capabilities` lists them (pass what `fetchCapabilities` learnt), so a flow never calls
 * what the server does not serve.
 */
export function createHttpBackend(options: HttpBackendOptions): InvitationBackend & Required<Pick<InvitationBackend, 'clearSuppression' | 'listInvitations'>> {
  const transport = resolveHttpTransport(options);
  const capabilities: ReadonlySet<Capability> = new Set(options.capabilities ?? allCapabilities);

  const call = async <S extends z.ZodType>(capability: Capability, request: ApiRequest, schema: S, callOptions?: CallOptions): Promise<Result<z.output<S>>> => {
    if (!capabilities.has(capability)) return err({ kind: 'unsupported', message: `This backend does not offer ${capability}.` });
    const response = await requestJson(transport, request, callOptions?.signal);
    return response.ok ? parseResponse(schema, response.value, request.operation) : response;
  };
  const userAction = (operation: string, userId: string, action: string): ApiRequest => ({
    operation,
    method: 'POST',
    path: `/v1/users/${encodeURIComponent(userId)}/${action}`,
  });

  const backend: InvitationBackend & Required<Pick<InvitationBackend, 'clearSuppression' | 'listInvitations'>> = {
    capabilities: () => capabilities,
    ...(options.description ? { describe: () => options.description! } : {}),

    async findUser(email, callOptions) {
      const request: ApiRequest = { operation: 'findUser', method: 'GET', path: '/v1/users', query: { email: email.trim() } };
      const result = await call('lookup', request, apiSchemas.userLookup, callOptions);
      return result.ok ? ok(result.value.user) : result;
    },

    resendInvite: (userId, callOptions) =>
      call('resend', userAction('resendInvite', userId, 'resend'), apiSchemas.sentInvite, callOptions),

    getInviteLink: (userId, callOptions) =>
      call('copyLink', userAction('getInviteLink', userId, 'invite-link'), apiSchemas.inviteLink, callOptions),

    sendPasswordReset: (userId, callOptions) =>
      call('passwordReset', userAction('sendPasswordReset', userId, 'password-reset'), apiSchemas.sentPasswordReset, callOptions),

    cancelInvite: (userId, callOptions) =>
      call('cancel', userAction('cancelInvite', userId, 'cancel'), apiSchemas.cancelledInvite, callOptions),

    async inviteUser(email, inviteOptions) {
      const body = inviteOptions?.team === undefined ? { email } : { email, team: inviteOptions.team };
      const request: ApiRequest = { operation: 'inviteUser', method: 'POST', path: '/v1/invitations', body };
      const result = await call('reinvite', request, apiSchemas.invitation, inviteOptions);
      return result.ok ? ok(result.value.user) : result;
    },

    async deliveryEvents(email, callOptions) {
      const request: ApiRequest = { operation: 'deliveryEvents', method: 'GET', path: '/v1/delivery-events', query: { email: email.trim() } };
      const result = await call('deliveryLog', request, apiSchemas.deliveryEvents, callOptions);
      return result.ok ? ok(result.value.events) : result;
    },

    clearSuppression: (email, callOptions) =>
      call(
        'unsuppress',
        { operation: 'clearSuppression', method: 'POST', path: `/v1/suppressions/${encodeURIComponent(email.trim())}/clear` },
        apiSchemas.clearedSuppression,
        callOptions,
      ),

    listInvitations: (filter, callOptions) =>
      call('listInvitations', { operation: 'listInvitations', method: 'GET', path: '/v1/invitations', query: invitationQuery(filter) }, apiSchemas.invitationPage, callOptions),
  };
  if (capabilities.has('sendingStatus')) {
    backend.sendingStatus = (callOptions) =>
      call('sendingStatus', { operation: 'sendingStatus', method: 'GET', path: '/v1/sending-status' }, apiSchemas.sendingStatus, callOptions);
  }
  if (capabilities.has('linkEvents')) {
    backend.linkEvents = async (email, callOptions) => {
      const request: ApiRequest = { operation: 'linkEvents', method: 'GET', path: '/v1/link-events', query: { email: email.trim() } };
      const result = await call('linkEvents', request, apiSchemas.linkEvents, callOptions);
      return result.ok ? ok(result.value.events) : result;
    };
  }
  if (capabilities.has('invitationEvidence')) {
    backend.invitationEvidence = async (emails, callOptions) => {
      const request: ApiRequest = { operation: 'invitationEvidence', method: 'POST', path: '/v1/evidence', body: { emails: [...emails] }, read: true };
      const result = await call('invitationEvidence', request, apiSchemas.invitationEvidence, callOptions);
      return result.ok ? ok(result.value.evidence) : result;
    };
  }
  return backend;
}

/** The filter as query parameters; absent and empty fields are left out. */
function invitationQuery(filter: InvitationFilter | undefined): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of ['status', 'domain', 'q', 'cursor', 'limit'] as const) {
    const value = filter?.[name];
    if (value !== undefined && value !== '') query[name] = String(value);
  }
  return query;
}
