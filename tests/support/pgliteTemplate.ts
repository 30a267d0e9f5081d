import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../server/store/openDatabase.ts';

const root = resolve(import.meta.dirname, '../..');
const migrationsDir = join(root, 'server/store/migrations');
const cacheDir = join(root, 'node_modules/.cache/invite-doctor');

let template: Promise<Blob> | null = null;

/**
 * A migrated, empty embedded database as a tarball. Creating a PGlite database costs seconds
 * (initdb); loading this costs well under one, so tests open many databases from one template.
 * Cached on disk by the migrations' content, so a changed migration builds a new one.
 */
export function loadPgliteTemplate(): Promise<Blob> {
  template ??= buildOrReadTemplate();
  return template;
}

async function buildOrReadTemplate(): Promise<Blob> {
  const files = (await readdir(migrationsDir)).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(join(migrationsDir, file)));
  const path = join(cacheDir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const store = await openDatabase({ kind: 'embedded', dataDir: null });
    const dump = await store.dump?.();
    await store.close();
    if (!dump) throw new Error('the embedded store cannot dump itself');
    await mkdir(cacheDir, { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, path);
    return dump;
  }
}
