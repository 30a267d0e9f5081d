import { allCapabilities, type Capability, type CallOptions } from '../../engine/InvitationBackend.ts';
import { ok, type Result } from '../../engine/Result.ts';
import { apiSchemas } from './apiSchemas.ts';
import { resolveHttpTransport, type HttpBackendOptions } from './HttpBackendOptions.ts';
import { parseResponse } from './parseResponse.ts';
import { requestJson } from './requestJson.ts';

/**
 * Asks the API which operations it supports (`GET /v1/capabilities`), for the app to pass to
 * `createHttpBackend({ capabilities })` at startup. Names this client does not know are ignored.
 */
export async function fetchCapabilities(options: HttpBackendOptions, callOptions?: CallOptions): Promise<Result<ReadonlySet<Capability>>> {
  const request = { operation: 'fetchCapabilities', method: 'GET', path: '/v1/capabilities' } as const;
  const response = await requestJson(resolveHttpTransport(options), request, callOptions?.signal);
  if (!response.ok) return response;
  const parsed = parseResponse(apiSchemas.capabilities, response.value, request.operation);
  if (!parsed.ok) return parsed;
  const known = new Set<string>(allCapabilities);
  return ok(new Set(parsed.value.capabilities.filter((name): name is Capability => known.has(name))));
}
