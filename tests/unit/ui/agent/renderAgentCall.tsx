import { afterEach } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Suspense, type ReactNode } from 'react';
import { createMemoryBackend, type MemoryBackend } from '../../../../src/adapters/index.ts';
import { createI18n } from '../../../../src/app/createI18n.ts';
import { compileFlow, createPolicy, type Flow, type FlowRegistry, type InvitationBackend } from '../../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../../src/registry/index.ts';
import { FlowRunner } from '../../../../src/ui/FlowRunner.tsx';
import app from '../../../../locales/en/app.json';
import flows from '../../../../locales/en/flows.json';
import diagnostics from '../../../../locales/en/diagnostics.json';
import agent from '../../../../locales/en/agent.json';
import { shippedFlow } from '../shippedFlow.ts';

afterEach(() => cleanup());

export interface RenderAgentCallOptions {
  email: string;
  /** @default the shipped invite-not-received flow */
  flow?: Flow;
  /** @default the demo memory backend, without latency */
  backend?: InvitationBackend;
  /** @default the invitation registry */
  registry?: FlowRegistry;
  calls?: ReactNode;
}

/** A FlowRunner in agent mode on the real compiled flow, with the English texts loaded up front. */
export function renderAgentCall({ email, flow = shippedFlow(), backend, registry = createInvitationRegistry(), calls }: RenderAgentCallOptions) {
  const policy = createPolicy();
  const memory: MemoryBackend | null = backend ? null : createMemoryBackend(undefined, undefined, { latencyMs: 0 });
  const result = compileFlow(flow, { registry, backend: backend ?? (memory as MemoryBackend), policy });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  const i18n = createI18n({ lng: 'en', resources: { en: { app, flows, diagnostics, agent } } });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <Suspense fallback={<p>loading</p>}>
        <FlowRunner compiled={result.compiled} policy={policy} input={{ email }} agent={calls ? { calls } : {}} />
      </Suspense>
    </I18nextProvider>,
  );
  return { ...view, compiled: result.compiled, policy, memory };
}

/** Waits for the step heading (h1) with this name. */
export function findStep(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole('heading', { level: 1, name }, { timeout: 8_000 });
}
