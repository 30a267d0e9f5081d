import { useEffect, useMemo, useRef, useState } from 'react';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';
import { useText } from '../../../ui/useText.ts';
import type { GroupActionRequest } from '../GroupActionRequest.ts';
import { groupInvitations } from '../../../registry/groupInvitations.ts';
import { CauseGroups } from './CauseGroups.tsx';
import { DomainGroups } from './DomainGroups.tsx';
import { downloadCsv } from './downloadCsv.ts';
import { filterInvitations, noFilter, type InvitationViewFilter } from './filterInvitations.ts';
import { HealthFilters } from './HealthFilters.tsx';
import { InvitationList } from './InvitationList.tsx';
import { invitationsCsv } from './invitationsCsv.ts';

export interface HealthReadyProps {
  rows: DiagnosedInvitation[];
  diagnosedAt: number;
  onGroupAction(request: GroupActionRequest): void;
}

/** Totals, the groups, the filters and the list of the current view, with its CSV export. */
export function HealthReady({ rows, diagnosedAt, onGroupAction }: HealthReadyProps) {
  const text = useText();
  const [filter, setFilter] = useState<InvitationViewFilter>(noFilter);
  const groups = useMemo(() => groupInvitations(rows), [rows]);
  const shown = useMemo(() => filterInvitations(rows, filter), [rows, filter]);
  const count = useRef<HTMLParagraphElement>(null);
  // A group's Show filters the list below: the focus follows, to the count of what is now shown.
  const show = (change: Partial<InvitationViewFilter>) => {
    setFilter({ ...noFilter, sort: filter.sort, ...change });
    requestAnimationFrame(() => count.current?.focus());
  };

  // The bench measures from the last evidence ('invite-health:data') to the first painted groups.
  useEffect(() => {
    const frame = requestAnimationFrame(() => performance.mark('invite-health:painted'));
    return () => cancelAnimationFrame(frame);
  }, [diagnosedAt]);

  const exportCsv = () => {
    const day = new Date(diagnosedAt).toISOString().slice(0, 10);
    downloadCsv(invitationsCsv(shown, text), `${text('invitations.csv.fileName')}-${day}.csv`);
  };
  return (
    <div className="id-health">
      <section aria-labelledby="id-health-totals" className="id-health-totals">
        <h2 id="id-health-totals" className="id-visually-hidden">
          {text('invitations.totals.title')}
        </h2>
        <dl>
          <div>
            <dt>{text('invitations.totals.all')}</dt>
            <dd>{groups.totals.all}</dd>
          </div>
          <div>
            <dt>{text('invitations.totals.needAction')}</dt>
            <dd>{groups.totals.needsAction}</dd>
          </div>
        </dl>
      </section>
      <CauseGroups groups={groups.byCause} onShow={(cause) => show({ cause })} onGroupAction={onGroupAction} />
      <DomainGroups groups={groups.byDomain} onShow={(domain) => show({ domain })} />
      <HealthFilters filter={filter} onChange={setFilter} causes={groups.byCause.map((group) => group.cause)} domains={groups.byDomain.map((group) => group.domain)} />
      <div className="id-health-listbar">
        <p role="status" className="id-muted" tabIndex={-1} ref={count}>
          {text('invitations.filters.showing', { shown: shown.length, total: rows.length })}
        </p>
        <button type="button" className="id-button id-button--secondary" onClick={exportCsv} disabled={shown.length === 0}>
          {text('invitations.csv.export', { count: shown.length })}
        </button>
      </div>
      <InvitationList rows={shown} onGroupAction={onGroupAction} />
    </div>
  );
}
