import type { Flow, FlowRegistry, StepInput } from '../../src/engine/index.ts';
import { flowSchema } from '../../src/engine/index.ts';
import { ok, err } from '../../src/engine/index.ts';

type LooseStep = StepInput extends infer S ? (S extends StepInput ? Omit<S, 'title'> & { title?: string } : never) : never;

/**
 * A flow for tests: give the steps, get a valid flow file around them. Titles default to
 * `t.<id>` so tests stay about structure, not text. Parsed by the real schema, so defaults apply.
 */
export function createFlow(steps: Record<string, LooseStep>, overrides: Partial<Flow> = {}): Flow {
  const withTitles = Object.fromEntries(Object.entries(steps).map(([id, step]) => [id, { title: `t.${id}`, ...step }]));
  return flowSchema.parse({
    schemaVersion: 1,
    id: 'test-flow',
    version: '1',
    title: 't.flow',
    start: Object.keys(steps)[0] as string,
    steps: withTitles,
    ...overrides,
  });
}

/** A registry with a few guards reading `context.facts` and actions that succeed, fail or need capabilities. */
export function createTestRegistry(): FlowRegistry {
  return {
    guards: {
      isUserActive: ({ context }) => context.facts.user?.status === 'active',
      isUserFound: ({ context }) => Boolean(context.facts.user),
      always: () => true,
    },
    actions: {
      findUser: {
        requires: ['lookup'],
        run: async ({ context, backend, signal }) => {
          const result = await backend.findUser(context.email ?? '', { signal });
          return result.ok ? ok({ facts: { user: result.value }, summary: { found: result.value !== null } }) : result;
        },
      },
      resendInvite: {
        requires: ['lookup', 'resend'],
        run: async ({ context, backend, signal }) => {
          const user = context.facts.user;
          if (!user) return err({ kind: 'not_found' });
          const result = await backend.resendInvite(user.id, { signal });
          return result.ok ? ok({ facts: { resend: result.value }, summary: { sentAt: result.value.sentAt } }) : result;
        },
      },
      getInviteLink: {
        requires: ['lookup', 'copyLink'],
        run: async ({ context, backend, signal }) => {
          const user = context.facts.user;
          if (!user) return err({ kind: 'not_found' });
          const result = await backend.getInviteLink(user.id, { signal });
          return result.ok ? ok({ facts: { inviteLink: result.value }, summary: { link: 'hidden' } }) : result;
        },
      },
      noop: { requires: [], run: async () => ok({}) },
      /** Local, and always refuses: the same answer however often it is tried. */
      refuseLocally: { requires: [], local: true, run: async () => err({ kind: 'not_found', message: 'nothing to apply' }) },
    },
  };
}
