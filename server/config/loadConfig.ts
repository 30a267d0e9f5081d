import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything the server reads from its command line and environment, validated at boot. */
export interface ServerConfig {
  host: string;
  port: number;
  /** The embedded database's folder (PGlite data, the link secret, the lock), or null on PostgreSQL. */
  dataDir: string | null;
  databaseUrl: string | null;
  /** Base64 or hex secret from the environment; null: the data folder's `secret.key` is used. */
  secret: string | null;
  /** Where invite links point (`<publicUrl>/invite/<token>`). */
  publicUrl: string;
  /** The browser app, for the printed one-time sign-in link; null: no link is printed. */
  appUrl: string | null;
  allowedOrigins: string[];
  seedDemo: boolean;
  /** `TEAM_NAMES`: what people call each team, by id (a JSON object), shown instead of the id. */
  teamNames: Record<string, string>;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** A config problem, said plainly; the server refuses to start with it. */
export class ConfigError extends Error {}

const projectRoot = resolve(import.meta.dirname, '../..');
/** The default data folder: inside the project, git-ignored. */
export const defaultDataDir = resolve(projectRoot, '.data');

const url = z.string().url().refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');
const schema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65_535),
  data: z.string().min(1),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').nullable(),
  secret: z.string().min(32, 'must be at least 32 characters of base64 or hex').nullable(),
  publicUrl: url.nullable(),
  appUrl: url.nullable(),
  allowedOrigins: z.array(url),
  seedDemo: z.enum(['0', '1', 'true', 'false']).nullable(),
  teamNames: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'team ids are 1–100 letters, digits, _ or -'), z.string().trim().min(1).max(200), 'must be a JSON object of team id → name, e.g. {"a":"Support"}'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});

/**
 * Reads `--data DIR --port N --host H` and the environment (`INVITE_DOCTOR_DATA`, `PORT`, `HOST`,
 * `DATABASE_URL`, `INVITE_DOCTOR_SECRET`, `PUBLIC_URL`, `APP_URL`, `ALLOWED_ORIGINS`, `SEED_DEMO`,
 * `TEAM_NAMES`, `LOG_LEVEL`). Arguments win over the environment. Throws a {@link ConfigError} naming the setting.
 */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  let args;
  try {
    args = parseArgs({ args: [...argv], options: { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    throw new ConfigError(`${error instanceof Error ? error.message : String(error)}. Usage: npm run server -- [--data DIR] [--port N] [--host H]`);
  }
  const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());
  const parsed = schema.safeParse({
    host: args.host ?? blank(env.HOST) ?? '127.0.0.1',
    port: args.port ?? blank(env.PORT) ?? '8787',
    data: args.data ?? blank(env.INVITE_DOCTOR_DATA) ?? defaultDataDir,
    databaseUrl: blank(env.DATABASE_URL),
    secret: blank(env.INVITE_DOCTOR_SECRET),
    publicUrl: blank(env.PUBLIC_URL),
    appUrl: blank(env.APP_URL),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    seedDemo: blank(env.SEED_DEMO),
    teamNames: parseJsonOrKeep(blank(env.TEAM_NAMES) ?? '{}'),
    logLevel: blank(env.LOG_LEVEL) ?? 'info',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not valid'}.`);
  }
  const value = parsed.data;
  if (value.databaseUrl && !value.secret) {
    throw new ConfigError('DATABASE_URL is set, so INVITE_DOCTOR_SECRET must be too: every server process over one database needs the same secret for invite links (e.g. `openssl rand -base64 32`).');
  }
  const hostInUrl = value.host.includes(':') ? `[${value.host}]` : value.host;
  return {
    host: value.host,
    port: value.port,
    dataDir: value.databaseUrl ? null : resolve(value.data),
    databaseUrl: value.databaseUrl,
    secret: value.secret,
    publicUrl: (value.publicUrl ?? `http://${hostInUrl}:${value.port}`).replace(/\/+$/, ''),
    appUrl: value.appUrl?.replace(/\/+$/, '') ?? null,
    allowedOrigins: value.allowedOrigins,
    seedDemo: value.seedDemo === null ? !value.databaseUrl : value.seedDemo === '1' || value.seedDemo === 'true',
    teamNames: value.teamNames,
    logLevel: value.logLevel,
  };
}

/** A JSON text as its value; text that is not JSON stays as it is, for the schema to refuse by name. */
function parseJsonOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
