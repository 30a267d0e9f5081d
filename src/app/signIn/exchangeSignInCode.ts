import { parseServerIdentity, type ServerIdentity } from './ServerIdentity.ts';
import { requestSignIn, type SignInProblem } from './requestSignIn.ts';

/** Trades a one-time sign-in code for a key (`POST /v1/sign-in`, no key sent). */
export async function exchangeSignInCode(
  baseUrl: string,
  code: string,
): Promise<{ ok: true; key: string; identity: ServerIdentity } | { ok: false; problem: SignInProblem }> {
  const result = await requestSignIn({ baseUrl, method: 'POST', path: '/v1/sign-in', body: { code } });
  if (!result.ok) return result;
  const key = (result.body as { key?: unknown } | null)?.key;
  const identity = parseServerIdentity(result.body);
  return typeof key === 'string' && key && identity ? { ok: true, key, identity } : { ok: false, problem: { kind: 'unexpected', status: 200 } };
}
