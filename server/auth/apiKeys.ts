import type { Kysely } from 'kysely';
import type { Role } from '../../src/adapters/index.ts';
import type { Database } from '../store/Database.ts';
import type { Principal } from '../service/Principal.ts';
import { hashSecret, randomSecret } from './hashSecret.ts';

/** An API key as listed: everything but the secret, which exists only in the creator's hands. */
export interface ApiKeyInfo {
  id: string;
  role: Role;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKeyInfo {
  /** The secret, shown once. */
  key: string;
}

const keyPrefix = 'idk_';

/** Creates a key; only its hash is stored. */
export async function createApiKey(db: Kysely<Database>, options: { role: Role; label: string; now: Date; expiresAt?: Date | null }): Promise<CreatedApiKey> {
  const id = `key_${randomSecret(9)}`;
  const key = `${keyPrefix}${randomSecret(32)}`;
  const row = await db
    .insertInto('apiKeys')
    .values({
      id,
      secretHash: hashSecret(key),
      role: options.role.kind,
      team: options.role.kind === 'team-manager' ? options.role.team : null,
      label: options.label,
      createdAt: options.now,
      expiresAt: options.expiresAt ?? null,
      revokedAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toInfo(row), key };
}

/**
 * The caller behind a bearer key, or null: unknown, revoked and expired keys alike. The lookup is
 * an equality on the hash in the database, so a key like `__proto__` or `constructor` is just
 * another unknown string.
 */
export async function authenticateApiKey(db: Kysely<Database>, key: string, now: Date): Promise<(Principal & { label: string; expiresAt: string | null }) | null> {
  if (!key.startsWith(keyPrefix) || key.length > 200) return null;
  const row = await db.selectFrom('apiKeys').selectAll().where('secretHash', '=', hashSecret(key)).executeTakeFirst();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const info = toInfo(row);
  return { keyId: row.id, role: info.role, label: row.label, expiresAt: info.expiresAt };
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('apiKeys').selectAll().orderBy('createdAt').orderBy('id').execute();
  return rows.map(toInfo);
}

/** Revokes a key at once; false when there is no such key or it was already revoked. */
export async function revokeApiKey(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('apiKeys').set({ revokedAt: now }).where('id', '=', id).where('revokedAt', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toInfo(row: { id: string; role: 'admin' | 'team-manager'; team: string | null; label: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null }): ApiKeyInfo {
  return {
    id: row.id,
    role: row.role === 'admin' ? { kind: 'admin' } : { kind: 'team-manager', team: row.team ?? '' },
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
