/**
 * `npm run flows:check [files…]`: validates flow files (all shipped flows by default) against the
 * schema, the registry, every subset of backend capabilities and every locale. Prints one
 * `file: step: message` line per problem and exits 1 if there is any.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatFlowProblem, parseFlow, validateFlow, type Flow, type FlowProblem } from '../src/engine/index.ts';
import { createInvitationRegistry } from '../src/registry/index.ts';
import { loadLocaleKeys, relativeToRepo, shippedFlowFiles } from './lib/loadProjectFiles.ts';

const requested = process.argv.slice(2).map((file) => path.resolve(file));
const files = requested.length > 0 ? requested : shippedFlowFiles();
const registry = createInvitationRegistry();
const locales = loadLocaleKeys();

const problems: FlowProblem[] = [];
const parsed: Array<{ file: string; flow: Flow }> = [];
for (const file of files) {
  const name = relativeToRepo(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file: name, step: '(flow)', code: 'invalid-json', message: `cannot read the file: ${(error as Error).message}` });
    continue;
  }
  const result = parseFlow(text, name);
  if (result.ok) parsed.push({ file: name, flow: result.flow });
  else problems.push(...result.problems);
}

// Jumps may target any shipped flow as well as the files named on the command line.
const knownFlows = [...new Set([...parsed.map(({ flow }) => flow.id), ...shippedFlowIds()])];
for (const { file, flow } of parsed) {
  problems.push(...validateFlow(flow, { file, registry, knownFlows, locales }));
}

for (const problem of problems) console.error(formatFlowProblem(problem));
const languages = Object.keys(locales).join(', ') || 'none';
console.log(`${files.length} flow file(s) checked against ${languages}: ${problems.length === 0 ? 'no problems' : `${problems.length} problem(s)`}`);
process.exit(problems.length === 0 ? 0 : 1);

function shippedFlowIds(): string[] {
  return shippedFlowFiles().flatMap((file) => {
    try {
      const id = (JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown }).id;
      return typeof id === 'string' ? [id] : [];
    } catch {
      return [];
    }
  });
}
