import type { ReactNode } from 'react';
import { WidgetHeader } from './WidgetHeader.tsx';

/** The wizard in place, in a labelled region of the host page. */
export function InlineLauncher({ demo, children }: { demo: boolean; children: ReactNode }) {
  return (
    <section className="idw-inline" aria-labelledby="idw-title">
      <WidgetHeader demo={demo} />
      <div className="idw-body">{children}</div>
    </section>
  );
}
