import { afterEach } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Suspense } from 'react';
import { createI18n } from '../../../src/app/createI18n.ts';
import { compileFlow, createPolicy, type Flow, type FlowRegistry, type InvitationBackend, type SessionInput } from '../../../src/engine/index.ts';
import { FlowRunner, type FlowRunnerProps } from '../../../src/ui/FlowRunner.tsx';
import app from '../../../locales/en/app.json';
import flows from '../../../locales/en/flows.json';
import diagnostics from '../../../locales/en/diagnostics.json';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

/** An i18next instance with the English texts loaded up front. */
export function createTestI18n() {
  return createI18n({ lng: 'en', resources: { en: { app, flows, diagnostics } } });
}

export interface RenderFlowOptions {
  flow: Flow;
  backend: InvitationBackend;
  registry: FlowRegistry;
  input?: SessionInput;
  onChange?: FlowRunnerProps['onChange'];
  onJump?: FlowRunnerProps['onJump'];
  /** A restored snapshot to resume instead of starting. */
  snapshot?: unknown;
}

/** Compiles a flow and renders a FlowRunner for it, as the app does. */
export function renderFlowRunner({ flow, backend, registry, input, onChange, onJump, snapshot }: RenderFlowOptions) {
  const policy = createPolicy();
  const result = compileFlow(flow, { registry, backend, policy });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  const i18n = createTestI18n();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <Suspense fallback={<p>loading</p>}>
        <FlowRunner compiled={result.compiled} policy={policy} input={input ?? {}} {...(snapshot ? { snapshot } : {})} {...(onChange ? { onChange } : {})} {...(onJump ? { onJump } : {})} />
      </Suspense>
    </I18nextProvider>,
  );
  return { ...view, compiled: result.compiled, policy };
}
