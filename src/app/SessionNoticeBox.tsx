import { Link } from 'react-router-dom';
import { useText } from '../ui/useText.ts';
import { findFlowSummary } from './flowCatalog.ts';
import type { SessionNotice } from './resumeOrStart.ts';

interface SessionNoticeBoxProps {
  notice: SessionNotice | null;
  parent: { flowId: string; sessionId: string } | undefined;
}

/** Why this page did not resume what its URL named, and the way back to a flow that handed over. */
export function SessionNoticeBox({ notice, parent }: SessionNoticeBoxProps) {
  const text = useText();
  const parentFlow = parent ? findFlowSummary(parent.flowId) : undefined;
  if (!notice && !parent) return null;
  return (
    <div className="id-notices">
      {notice && (
        <div className="id-notice" role="status">
          <p>{text(`app.notice.${notice}`)}</p>
        </div>
      )}
      {parent && (
        <p className="id-notice id-notice--link">
          {text('app.notice.continuedFrom', { flow: parentFlow ? text(parentFlow.title) : parent.flowId })}{' '}
          <Link to={`/flows/${parent.flowId}?session=${parent.sessionId}`}>{text('app.notice.backToParent')}</Link>
        </p>
      )}
    </div>
  );
}
