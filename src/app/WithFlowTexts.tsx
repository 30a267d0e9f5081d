import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/**
 * The routes below it show the flows' texts (step titles, questions, the wizard): it suspends
 * until the `flows` namespace of the current language is in. The start page sits outside it, so
 * the first paint waits only for `app` (the flows' texts are most of a language's start-up
 * bytes; the start page names the flows through `app.catalog.*`).
 */
export function WithFlowTexts() {
  useTranslation(['app', 'flows']);
  return <Outlet />;
}
