import { lazy, Suspense } from 'react';
import type { WidgetStore } from './createWidgetStore.ts';
import { WidgetLoading } from './WidgetLoading.tsx';

// The engine, the step views and the flows load with the first session, not with the launcher:
// a button launcher costs the page only React, i18next and the widget's frame until it is opened.
const WidgetSessionRunner = lazy(() => import('./WidgetSessionRunner.tsx').then((module) => ({ default: module.WidgetSessionRunner })));

/** The running session, loaded on first use. */
export function WidgetSession({ store, host }: { store: WidgetStore; host: HTMLElement }) {
  return (
    <Suspense fallback={<WidgetLoading />}>
      <WidgetSessionRunner store={store} host={host} />
    </Suspense>
  );
}
