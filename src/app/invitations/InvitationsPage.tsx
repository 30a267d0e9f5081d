import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../../ui/useText.ts';
import { loadAppBackend, type AppBackend } from '../appBackend.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import type { GroupActionRequest } from './GroupActionRequest.ts';
import { GroupActionPanel } from './groupActions/GroupActionPanel.tsx';
import { InvitationHealthView } from './InvitationHealthView.tsx';
import { SessionInsightsPanel } from './insights/SessionInsightsPanel.tsx';
import { useInvitationHealth } from './useInvitationHealth.ts';
import './invitations.css';

// The chart library is the page's largest part: it loads after the table has painted, never before.
const InvitationCharts = lazy(() => import('./charts/InvitationCharts.tsx').then((module) => ({ default: module.InvitationCharts })));

/**
 * `/invitations`, the invite-health page: every invitation the backend lists, diagnosed and grouped
 * by cause and domain, with group actions, charts and what wizard sessions teach. Loaded lazily.
 */
export function InvitationsPage() {
  // The page's own texts (and the diagnostics' category names) load with it, not with the start page.
  useTranslation(['invitations', 'groupActions', 'insights', 'diagnostics']);
  const text = useText();
  useDocumentTitle(text('invitations.title'), text('app.name'));
  const [app, setApp] = useState<AppBackend | null>(null);
  const [request, setRequest] = useState<GroupActionRequest | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadAppBackend().then((loaded) => {
      if (!cancelled) setApp(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  const health = useInvitationHealth(app);
  return (
    <div className="id-invitations">
      <h1 className="id-heading">{text('invitations.title')}</h1>
      <p className="id-lead">{text('invitations.lead')}</p>
      {app && <GroupActionPanel app={app} request={request} onChanged={() => health.state === 'ready' && health.reload()} onClose={() => setRequest(null)} />}
      <InvitationHealthView health={health} onGroupAction={setRequest} />
      {health.state === 'ready' && (
        <Suspense fallback={<p className="id-muted">{text('app.common.loading')}</p>}>
          <InvitationCharts rows={health.rows} evidence={health.evidence} now={health.diagnosedAt} />
        </Suspense>
      )}
      {app && <SessionInsightsPanel app={app} />}
    </div>
  );
}
