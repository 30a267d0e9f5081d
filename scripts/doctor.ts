/**
 * `npm run --silent doctor -- [--json] [--flow <id>] EMAIL…`: the automatic part of the
 * diagnosis for each address against the configured backend (see scripts/lib/runDoctor.ts and
 * `--help`). Exits 0 when every address was diagnosed, 1 when the backend could not be reached,
 * 2 on bad arguments.
 */
import type { OpenedBackend } from './lib/runDoctor.ts';
import { runDoctor } from './lib/runDoctor.ts';

/**
 * The backend the server would build from this environment. Loaded only when an address is to be
 * diagnosed (`--help` and bad arguments need no database and no provider SDK).
 */
async function openConfiguredBackend(env: NodeJS.ProcessEnv): Promise<OpenedBackend> {
  return (await import('../server/identity/openConfiguredBackend.ts')).openConfiguredBackend(env);
}

process.exitCode = await runDoctor(process.argv.slice(2), {
  env: process.env,
  openBackend: openConfiguredBackend,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
