import { parseServerIdentity, type ServerIdentity } from './ServerIdentity.ts';
import { requestSignIn, type SignInProblem } from './requestSignIn.ts';

/** Asks the server who `key` belongs to (`GET /v1/me`): the identity when it accepts the key. */
export async function checkApiKey(baseUrl: string, key: string): Promise<{ ok: true; identity: ServerIdentity } | { ok: false; problem: SignInProblem }> {
  const result = await requestSignIn({ baseUrl, method: 'GET', path: '/v1/me', key });
  if (!result.ok) return result;
  const identity = parseServerIdentity(result.body);
  return identity ? { ok: true, identity } : { ok: false, problem: { kind: 'unexpected', status: 200 } };
}
