import { maskSecrets } from '../engine/maskSecrets.ts';
import { useText } from './useText.ts';

/** A backend's own message is shown up to this many characters; the rest is cut with "…". */
export const backendMessageLimit = 300;

/**
 * The backend's own words about a failure ("SMTP not configured"), beside our explanation. Always
 * rendered as text (React escapes it; never HTML), with links and tokens masked and its length bounded.
 */
export function BackendMessage({ message }: { message: string }) {
  const text = useText();
  const shown = boundBackendMessage(message);
  if (!shown) return null;
  return (
    <p className="id-body id-backend-message">
      <span className="id-caption">{text('app.errors.serverSaid')}</span> <q>{shown}</q>
    </p>
  );
}

/** One line, secrets masked, at most {@link backendMessageLimit} characters. */
export function boundBackendMessage(message: string): string {
  const oneLine = maskSecrets(message).replace(/\s+/g, ' ').trim();
  return oneLine.length > backendMessageLimit ? `${oneLine.slice(0, backendMessageLimit - 1)}…` : oneLine;
}
