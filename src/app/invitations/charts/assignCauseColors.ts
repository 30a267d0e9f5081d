import type { InvitationCause } from '../../../registry/InvitationVerdict.ts';
import type { ChartColor } from './readChartTheme.ts';

/** Each cause's colour by meaning: red failed, amber waiting or stuck, green done, blue the link. */
const preferred: Record<InvitationCause, ChartColor> = {
  not_sent: 'danger',
  suppressed: 'danger',
  blocked_by_filter: 'danger',
  bounced: 'danger',
  deferred: 'warning',
  delivered_not_accepted: 'warning',
  setup_unfinished: 'warning',
  scanner_used_link: 'accent',
  wrong_account: 'accent',
  expired: 'accent',
  accepted: 'success',
  sso: 'success',
  in_flight: 'muted',
  deactivated: 'text',
  not_found: 'text',
};

/** The order free colours are handed out in when a cause's own is taken: neutral ones first, so
 * red still means failed and green done wherever possible (single sign-on never turns red). */
const spare: readonly ChartColor[] = ['muted', 'text', 'accent', 'warning', 'success', 'danger'];

/** The colour the "other causes" stack part gets: never given to a named cause. */
export const otherCausesColor: ChartColor = 'borderStrong';

/** How many causes a stacked chart names; the rest are summed as "other causes". */
export const namedCauseLimit = spare.length;

/**
 * A distinct colour for each of up to {@link namedCauseLimit} causes (most frequent first): its
 * own colour when still free, else the first free one. Distinct, so stacked parts never share one;
 * the surface-coloured border between parts and the table carry the rest. Pure.
 */
export function assignCauseColors(causes: readonly InvitationCause[]): Map<InvitationCause, ChartColor> {
  const assigned = new Map<InvitationCause, ChartColor>();
  const used = new Set<ChartColor>();
  for (const cause of causes.slice(0, namedCauseLimit)) {
    const own = preferred[cause];
    const color = used.has(own) ? (spare.find((candidate) => !used.has(candidate)) as ChartColor) : own;
    assigned.set(cause, color);
    used.add(color);
  }
  return assigned;
}
