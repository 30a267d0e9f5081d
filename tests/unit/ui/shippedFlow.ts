import { parseFlow, type Flow } from '../../../src/engine/index.ts';
import notReceived from '../../../flows/invite-not-received.json';

/** The shipped "invitation not received" flow, parsed as the app parses it. */
export function shippedFlow(): Flow {
  const parsed = parseFlow(notReceived, 'flows/invite-not-received.json');
  if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
  return parsed.flow;
}
