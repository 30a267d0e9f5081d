import { useText } from '../../../ui/useText.ts';
import type { DomainGroup } from '../../../registry/groupInvitations.ts';

/** How many domains are listed here; the rest are in the domain filter. */
const shownDomains = 8;

/** The recipient domains where the most mail failed on the way (groupInvitations' order), each a shortcut to its filter. */
export function DomainGroups({ groups, onShow }: { groups: DomainGroup[]; onShow(domain: string): void }) {
  const text = useText();
  const more = groups.length - shownDomains;
  return (
    <section aria-labelledby="id-health-domains">
      <h2 id="id-health-domains">{text('invitations.groups.domainTitle')}</h2>
      <ul className="id-health-domains">
        {groups.slice(0, shownDomains).map((group) => (
          <li key={group.domain}>
            <button type="button" className="id-health-domain" onClick={() => onShow(group.domain)}>
              <span className="id-health-domain-name">{group.domain}</span>
              <span className="id-muted">{text('invitations.groups.failing', { failing: group.failing, total: group.count })}</span>
            </button>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="id-muted">{text('invitations.groups.moreDomains', { count: more })}</p>}
    </section>
  );
}
