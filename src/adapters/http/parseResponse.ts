import type { z } from 'zod';
import { err, ok, type Result } from '../../engine/Result.ts';

/**
 * Checks a response body against its schema. The message names the first offending field
 * and what was expected, never the received value (it may be a secret link).
 */
export function parseResponse<S extends z.ZodType>(schema: S, body: unknown, operation: string): Result<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  return err({
    kind: 'unavailable',
    cause: 'malformed',
    message: `${operation}: the response did not match the API (${where}: ${issue?.message ?? 'invalid'}).`,
  });
}
