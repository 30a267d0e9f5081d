import type { z } from 'zod';
import { flowSchema, type Flow } from './flowSchema.ts';
import type { FlowProblem } from './FlowProblem.ts';

export type ParseFlowResult = { ok: true; flow: Flow } | { ok: false; problems: FlowProblem[] };

/**
 * Checks the shape of flow data (already parsed JSON, or JSON text). Each schema issue becomes a
 * problem named after the step it sits in, so `flows:check` can print `file: step: message`.
 */
export function parseFlow(data: unknown, file: string): ParseFlowResult {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [{ file, step: '(flow)', code: 'invalid-json', message: `not valid JSON: ${reason}` }] };
    }
  }
  const parsed = flowSchema.safeParse(value);
  if (parsed.success) return { ok: true, flow: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => toProblem(issue, file)) };
}

function toProblem(issue: z.core.$ZodIssue, file: string): FlowProblem {
  const path = issue.path.map(String);
  const inStep = path[0] === 'steps' && path.length > 1;
  const step = inStep ? describeStepId(path[1] as string) : '(flow)';
  const where = (inStep ? path.slice(2) : path).join('.');
  return { file, step, code: 'schema', message: where ? `${where}: ${issue.message}` : issue.message };
}

/**
 * A step id as printed in a problem. A malformed id (empty, or holding `:` or spaces) is quoted
 * so `file: step: message` stays unambiguous.
 */
function describeStepId(id: string): string {
  if (id.trim() === '') return `(empty step id ${JSON.stringify(id)})`;
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(id) ? id : JSON.stringify(id);
}
