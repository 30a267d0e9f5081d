import type { UserStatus } from '../../../engine/index.ts';
import type { InvitationCause } from '../../../registry/InvitationVerdict.ts';
import { useText } from '../../../ui/useText.ts';
import { noFilter, type InvitationSort, type InvitationViewFilter } from './filterInvitations.ts';

export interface HealthFiltersProps {
  filter: InvitationViewFilter;
  onChange(filter: InvitationViewFilter): void;
  /** The causes and domains present, in the groups' order. */
  causes: InvitationCause[];
  domains: string[];
}

const statuses: readonly UserStatus[] = ['invited', 'active', 'deactivated'];
const sorts: readonly InvitationSort[] = ['cause', 'age', 'address'];
const sortKeys: Record<InvitationSort, string> = { cause: 'sortCause', age: 'sortAge', address: 'sortAddress' };

/** Cause, domain, status and needs-action filters, a search and the sort; each applies at once. */
export function HealthFilters({ filter, onChange, causes, domains }: HealthFiltersProps) {
  const text = useText();
  const set = (change: Partial<InvitationViewFilter>) => onChange({ ...filter, ...change });
  return (
    <section aria-labelledby="id-health-filters">
      <h2 id="id-health-filters">{text('invitations.filters.title')}</h2>
      <form className="id-health-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="id-health-field">
          <span>{text('invitations.filters.search')}</span>
          <input type="search" value={filter.search} onChange={(event) => set({ search: event.target.value })} placeholder={text('invitations.filters.searchHint')} autoComplete="off" spellCheck={false} />
        </label>
        <label className="id-health-field">
          <span>{text('invitations.filters.cause')}</span>
          <select value={filter.cause ?? ''} onChange={(event) => set({ cause: (event.target.value || null) as InvitationCause | null })}>
            <option value="">{text('invitations.filters.any')}</option>
            {causes.map((cause) => (
              <option key={cause} value={cause}>
                {text(`invitations.causes.${cause}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="id-health-field">
          <span>{text('invitations.filters.domain')}</span>
          <select value={filter.domain ?? ''} onChange={(event) => set({ domain: event.target.value || null })}>
            <option value="">{text('invitations.filters.any')}</option>
            {/* A domain the list no longer holds (after a reload) stays selectable until changed. */}
            {filter.domain !== null && !domains.includes(filter.domain) && <option value={filter.domain}>{filter.domain}</option>}
            {domains.map((domain) => (
              <option key={domain} value={domain}>
                {domain}
              </option>
            ))}
          </select>
        </label>
        <label className="id-health-field">
          <span>{text('invitations.filters.status')}</span>
          <select value={filter.status ?? ''} onChange={(event) => set({ status: (event.target.value || null) as UserStatus | null })}>
            <option value="">{text('invitations.filters.any')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {text(`invitations.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="id-health-field">
          <span>{text('invitations.filters.sort')}</span>
          <select value={filter.sort} onChange={(event) => set({ sort: event.target.value as InvitationSort })}>
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {text(`invitations.filters.${sortKeys[sort]}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="id-health-check">
          <input type="checkbox" checked={filter.needsAction} onChange={(event) => set({ needsAction: event.target.checked })} />
          <span>{text('invitations.filters.needsAction')}</span>
        </label>
        <button type="button" className="id-button id-button--secondary" onClick={() => onChange({ ...noFilter, sort: filter.sort })}>
          {text('invitations.filters.clear')}
        </button>
      </form>
    </section>
  );
}
