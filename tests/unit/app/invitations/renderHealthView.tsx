import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import appTexts from '../../../../locales/en/app.json';
import diagnostics from '../../../../locales/en/diagnostics.json';
import flows from '../../../../locales/en/flows.json';
import invitations from '../../../../locales/en/invitations.json';
import type { AppBackend } from '../../../../src/app/appBackend.ts';
import { createI18n } from '../../../../src/app/createI18n.ts';
import type { GroupActionRequest } from '../../../../src/app/invitations/GroupActionRequest.ts';
import { InvitationHealthView } from '../../../../src/app/invitations/InvitationHealthView.tsx';
import { useInvitationHealth } from '../../../../src/app/invitations/useInvitationHealth.ts';

function HealthPage({ app, onGroupAction }: { app: AppBackend; onGroupAction(request: GroupActionRequest): void }) {
  const health = useInvitationHealth(app);
  return <InvitationHealthView health={health} onGroupAction={onGroupAction} />;
}

function FlowStarted() {
  const location = useLocation();
  return <p>wizard for {(location.state as { email?: string } | null)?.email}</p>;
}

/** The hook and the view as the invitations page composes them, in a router with the wizard's route. */
export function renderHealthView(app: AppBackend, onGroupAction: (request: GroupActionRequest) => void = () => {}) {
  const i18n = createI18n({ lng: 'en', resources: { en: { app: appTexts, flows, diagnostics, invitations } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={['/invitations']}>
        <Routes>
          <Route path="invitations" element={<HealthPage app={app} onGroupAction={onGroupAction} />} />
          <Route path="flows/:flowId" element={<FlowStarted />} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
}
