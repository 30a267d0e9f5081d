import type { BackendDescription } from '../../engine/BackendDescription.ts';
import { allCapabilities, type Capability, type CallOptions } from '../../engine/InvitationBackend.ts';
import { ok, type Result } from '../../engine/Result.ts';
import { apiSchemas } from './apiSchemas.ts';
import { resolveHttpTransport, type HttpBackendOptions } from './HttpBackendOptions.ts';
import { parseResponse } from './parseResponse.ts';
import { requestJson } from './requestJson.ts';

/** What a server says about itself at startup: the operations it serves and, where it says so, its description. */
export interface BackendFacts {
  capabilities: ReadonlySet<Capability>;
  description: BackendDescription | null;
}

/**
 * Asks the API what it supports and what it is (`GET /v1/capabilities`), for the app to pass to
 * `createHttpBackend({ capabilities, description })` at startup. Names this client does not know are ignored.
 */
export async function fetchBackendFacts(options: HttpBackendOptions, callOptions?: CallOptions): Promise<Result<BackendFacts>> {
  const request = { operation: 'fetchCapabilities', method: 'GET', path: '/v1/capabilities' } as const;
  const response = await requestJson(resolveHttpTransport(options), request, callOptions?.signal);
  if (!response.ok) return response;
  const parsed = parseResponse(apiSchemas.capabilities, response.value, request.operation);
  if (!parsed.ok) return parsed;
  const known = new Set<string>(allCapabilities);
  return ok({ capabilities: new Set(parsed.value.capabilities.filter((name): name is Capability => known.has(name))), description: parsed.value.description ?? null });
}

/** The operations alone (see {@link fetchBackendFacts}). */
export async function fetchCapabilities(options: HttpBackendOptions, callOptions?: CallOptions): Promise<Result<ReadonlySet<Capability>>> {
  const facts = await fetchBackendFacts(options, callOptions);
  return facts.ok ? ok(facts.value.capabilities) : facts;
}
