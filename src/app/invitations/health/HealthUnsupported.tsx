import type { Capability } from '../../../engine/index.ts';
import { useText } from '../../../ui/useText.ts';

/** Why the page has nothing to show on this backend, and what would make it work. */
export function HealthUnsupported({ missing }: { missing: Capability[] }) {
  const text = useText();
  return (
    <section className="id-health-notice" aria-labelledby="id-health-unsupported">
      <h2 id="id-health-unsupported">{text('invitations.unsupported.title')}</h2>
      <p>{text('invitations.unsupported.body')}</p>
      <p>{text('invitations.unsupported.fix')}</p>
      <p className="id-muted">{text('invitations.unsupported.missing', { list: missing.join(', ') })}</p>
    </section>
  );
}
