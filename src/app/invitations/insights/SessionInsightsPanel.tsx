import type { AppBackend } from '../../appBackend.ts';

/** What wizard sessions teach (placeholder: issue 15). */
export function SessionInsightsPanel({ app }: { app: AppBackend }) {
  void app;
  return null;
}
