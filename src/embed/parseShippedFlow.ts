import { parseFlow, type ParseFlowResult } from '../engine/index.ts';

/**
 * Checks a shipped flow file and fills in its defaults. In the widget build this module is
 * replaced: the flow files are parsed with this same function at build time (a bad flow fails
 * the build), so the widget does not ship a schema library for data it already checked.
 */
export function parseShippedFlow(data: unknown, file: string): ParseFlowResult {
  return parseFlow(data, file);
}
