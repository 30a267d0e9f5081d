import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, revokeApiKey } from './auth/apiKeys.ts';
import { ConfigError, loadConfig } from './config/loadConfig.ts';
import { openConfiguredStore } from './openConfiguredStore.ts';
import { recordAudit } from './audit/recordAudit.ts';
import { serverPrincipal } from './service/Principal.ts';

const usage = `Usage:
  npm run --silent server:keys -- create --role admin|team-manager [--team TEAM] [--label TEXT] [--data DIR]
  npm run --silent server:keys -- list [--data DIR]
  npm run --silent server:keys -- revoke KEY_ID [--data DIR]
DATABASE_URL (with INVITE_DOCTOR_SECRET) selects PostgreSQL instead of the data folder.`;

/**
 * API keys from the command line. `create` prints the key once, alone on the last line, so
 * `KEY=$(npm run --silent server:keys -- create --role admin | tail -n 1)` works; only its hash is kept.
 */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, team: { type: 'string' }, label: { type: 'string' }, data: { type: 'string' } },
  });
  const [command, keyId] = positionals;
  if (command !== 'create' && command !== 'list' && command !== 'revoke') {
    console.error(usage);
    return 2;
  }
  if (command === 'create' && values.role !== 'admin' && values.role !== 'team-manager') throw new ConfigError('--role must be admin or team-manager.');
  if (command === 'create' && values.role === 'team-manager' && !/^[A-Za-z0-9_-]{1,100}$/.test(values.team ?? '')) throw new ConfigError('A team manager needs --team (letters, digits, - and _).');
  if (command === 'create' && values.role === 'admin' && values.team !== undefined) throw new ConfigError('An admin key is for every team; leave out --team.');
  if (command === 'revoke' && !keyId) throw new ConfigError('Which key? npm run --silent server:keys -- revoke KEY_ID');

  const config = loadConfig(values.data ? ['--data', values.data] : [], process.env);
  const { store } = await openConfiguredStore(config, 'the server:keys command');
  try {
    const now = new Date();
    const audit = (operation: string, target: string | null, result = 'ok') =>
      recordAudit(store.db, { at: now, requestId: `cli-${process.pid}`, principal: serverPrincipal, operation, target, result });
    if (command === 'list') {
      for (const key of await listApiKeys(store.db)) {
        const role = key.role.kind === 'admin' ? 'admin' : `team-manager of ${key.role.team}`;
        const state = key.revokedAt ? `revoked ${key.revokedAt}` : key.expiresAt ? `expires ${key.expiresAt}` : 'active';
        console.log(`${key.id}\t${role}\t${state}\t${key.label}`);
      }
      return 0;
    }
    if (command === 'revoke') {
      const revoked = await revokeApiKey(store.db, keyId as string, now);
      await audit('revokeApiKey', keyId as string, revoked ? 'ok' : 'not_found');
      console.log(revoked ? `Revoked ${keyId}.` : `No active key ${keyId}.`);
      return revoked ? 0 : 1;
    }
    const role = values.role === 'admin' ? { kind: 'admin' as const } : { kind: 'team-manager' as const, team: values.team as string };
    const created = await createApiKey(store.db, { role, label: values.label ?? 'created with server:keys', now });
    await audit('createApiKey', created.id);
    console.log(`Created ${created.id} (${role.kind === 'admin' ? 'admin' : `team-manager of ${role.team}`}). The key is shown once; keep it somewhere safe:`);
    console.log(created.key);
    return 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError) && !(error instanceof TypeError)) throw error;
  console.error(`server:keys: ${error.message}`);
  process.exitCode = 2;
}
