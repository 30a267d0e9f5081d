import type { z } from 'zod';
import { ConfigError } from './loadConfig.ts';

/**
 * Reads the settings a zod object schema names (its keys are the variables' names) from the
 * environment, blank values as null, and validates them. Throws a {@link ConfigError} naming the
 * first bad setting and the rule it breaks, never its value (it may be a secret).
 */
export function parseEnvironment<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, env: NodeJS.ProcessEnv): z.infer<z.ZodObject<Shape>> {
  const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());
  const parsed = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((key) => [key, blank(env[key])])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not valid'}.`);
  }
  return parsed.data;
}
