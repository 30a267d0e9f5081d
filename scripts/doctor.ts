/**
 * `npm run --silent doctor -- [--json] [--flow <id>] EMAIL…`: the automatic part of the
 * diagnosis for each address against the configured backend (see scripts/lib/runDoctor.ts and
 * `--help`). Exits 0 when every address was diagnosed, 1 when the backend could not be reached,
 * 2 on bad arguments.
 */
import type { OpenedBackend } from './lib/runDoctor.ts';
import { runDoctor } from './lib/runDoctor.ts';

/**
 * The server's own backend builder. Imported by a computed path so this script typechecks before
 * `server/identity/openConfiguredBackend.ts` exists; it is only loaded when an address is to be
 * diagnosed (`--help` and bad arguments need no backend).
 */
async function openConfiguredBackend(env: NodeJS.ProcessEnv): Promise<OpenedBackend> {
  const modulePath = '../server/identity/openConfiguredBackend.ts';
  const loaded = (await import(modulePath)) as { openConfiguredBackend: (env: NodeJS.ProcessEnv) => Promise<OpenedBackend> };
  return loaded.openConfiguredBackend(env);
}

process.exitCode = await runDoctor(process.argv.slice(2), {
  env: process.env,
  openBackend: openConfiguredBackend,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
