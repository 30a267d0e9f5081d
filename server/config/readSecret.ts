import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from './loadConfig.ts';

/**
 * The secret invite links are derived from. From the environment when given; otherwise the data
 * folder's `secret.key`, created once (mode 0600) and kept, so links survive restarts. It never
 * goes into the database: a copy of the database alone opens no invitation.
 */
export async function readSecret(configured: string | null, dataDir: string | null): Promise<Buffer> {
  if (configured) return decodeSecret(configured);
  if (!dataDir) throw new ConfigError('No INVITE_DOCTOR_SECRET and no data folder to keep one in.');
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'secret.key');
  try {
    const file = await open(path, 'wx', 0o600);
    await file.writeFile(randomBytes(32).toString('base64'));
    await file.sync();
    await file.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decodeSecret((await readFile(path, 'utf8')).trim());
}

function decodeSecret(text: string): Buffer {
  const bytes = /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length < 32) throw new ConfigError('The invite-link secret must be at least 32 bytes (base64 or hex).');
  return bytes;
}
