import { z } from 'zod';
import type { MemoryBackend } from '../src/adapters/index.ts';
import { badRequest, type ApiResponse } from './ApiResponse.ts';

const operation = z.enum([
  '*',
  'capabilities',
  'findUser',
  'resendInvite',
  'getInviteLink',
  'sendPasswordReset',
  'cancelInvite',
  'inviteUser',
  'deliveryEvents',
  'clearSuppression',
]);

const message = z.string().optional();
const backendError = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate_limited'), retryAfterMs: z.number().nonnegative(), message }),
  z.object({ kind: z.literal('not_permitted'), message }),
  z.object({ kind: z.literal('not_found'), message }),
  z.object({ kind: z.literal('deactivated'), message }),
  z.object({ kind: z.literal('conflict'), message }),
  z.object({ kind: z.literal('unsupported'), message }),
  z.object({
    kind: z.literal('unavailable'),
    cause: z.enum(['timeout', 'network', 'server', 'malformed', 'aborted']),
    status: z.number().int().min(500).max(599).optional(),
    message,
  }),
]);

const faultBody = z.object({ operation, error: backendError, times: z.number().int().positive().default(1) });

/**
 * Test-only endpoints, served only when the server was created with `faults: true`:
 * `POST /__faults` scripts failures over HTTP for browser tests, `POST /__reset` re-seeds.
 */
export async function handleTestEndpoint(method: string, path: string, readBody: () => Promise<unknown>, backend: MemoryBackend): Promise<ApiResponse> {
  if (method === 'POST' && path === '/__reset') {
    backend.reset();
    return { status: 200, body: { reset: true } };
  }
  if (method === 'POST' && path === '/__faults') {
    const parsed = faultBody.safeParse(await readBody());
    if (!parsed.success) return badRequest('Expected { operation, error: BackendError, times? }.');
    backend.injectFault(parsed.data.operation, parsed.data.error, parsed.data.times);
    return { status: 200, body: { injected: parsed.data } };
  }
  if (method === 'DELETE' && path === '/__faults') {
    backend.clearFaults();
    return { status: 200, body: { cleared: true } };
  }
  return { status: 404, body: { error: { kind: 'not_found', message: 'No such test endpoint.' } } };
}
