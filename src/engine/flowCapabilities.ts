import type { Flow } from './flowSchema.ts';
import type { FlowRegistry } from './FlowRegistry.ts';
import { allCapabilities, type Capability } from './InvitationBackend.ts';
import { requiredCapabilities } from './resolveFlow.ts';

/**
 * The capabilities a flow depends on: its steps' and options' `requires` and its actions'
 * capabilities, in `allCapabilities` order. Only these can change how the flow resolves, so
 * checking every subset of them covers every backend; a capability no step uses adds no work.
 */
export function flowCapabilities(flow: Flow, registry: FlowRegistry): Capability[] {
  const used = new Set<Capability>();
  for (const step of Object.values(flow.steps)) {
    for (const capability of requiredCapabilities(step, registry)) used.add(capability);
    if (step.kind === 'question') {
      for (const option of step.options) for (const capability of (option.requires ?? []) as Capability[]) used.add(capability);
    }
  }
  return allCapabilities.filter((capability) => used.has(capability));
}
