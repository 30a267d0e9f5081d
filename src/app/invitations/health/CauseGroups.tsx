import type { CauseGroup } from '../../../registry/groupInvitations.ts';
import type { InvitationCause } from '../../../registry/InvitationVerdict.ts';
import { useText } from '../../../ui/useText.ts';
import type { GroupActionRequest } from '../GroupActionRequest.ts';
import { groupActionsOf } from './groupActionsOf.ts';

export interface CauseGroupsProps {
  groups: CauseGroup[];
  onShow(cause: InvitationCause): void;
  onGroupAction(request: GroupActionRequest): void;
}

/** One card per cause, most urgent first (groupInvitations' order): how many, how old the oldest, and the group's actions. */
export function CauseGroups({ groups, onShow, onGroupAction }: CauseGroupsProps) {
  const text = useText();
  return (
    <section aria-labelledby="id-health-causes">
      <h2 id="id-health-causes">{text('invitations.groups.causeTitle')}</h2>
      <ul className="id-health-groups">
        {groups.map((group) => {
          const name = text(`invitations.causes.${group.cause}`);
          const headingId = `id-health-cause-${group.cause}`;
          const needsAction = group.rows.some((row) => row.verdict.needsAction);
          return (
            <li key={group.cause} className={needsAction ? 'id-health-group id-health-group--action' : 'id-health-group'} aria-labelledby={headingId}>
              <h3 id={headingId}>{name}</h3>
              <p>
                <strong>{text('invitations.groups.count', { count: group.count })}</strong>
                {' · '}
                <span className="id-muted">{needsAction ? (group.oldestDays === null ? text('invitations.list.unknownAge') : text('invitations.groups.oldest', { count: group.oldestDays })) : text('invitations.groups.noAction')}</span>
              </p>
              <div className="id-health-group-actions">
                <button type="button" className="id-button id-button--secondary" onClick={() => onShow(group.cause)} aria-label={text('invitations.groups.showCause', { name })}>
                  {text('invitations.groups.show')}
                </button>
                {groupActionsOf(group.rows).map(({ action, rows }) => (
                  <button
                    key={action}
                    type="button"
                    className="id-button"
                    aria-describedby={headingId}
                    onClick={() => onGroupAction({ action, rows, label: text('invitations.actions.label', { name, count: rows.length }) })}
                  >
                    {text(`invitations.actions.${action}`, { count: rows.length, variant: group.cause })}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
