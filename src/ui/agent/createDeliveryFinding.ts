// Straight from its module, not the diagnostics index, so the classifier alone joins the agent chunk.
import { classifyDeliveryError } from '../../diagnostics/classifyDeliveryError.ts';
import { maskSecrets, type DeliveryFinding } from '../../engine/index.ts';

/**
 * A pasted delivery-error text, classified and shaped as the engine's finding. It is classified
 * as given; the raw text it keeps has its links, tokens and codes masked (`maskSecrets`), because
 * the finding joins the session's facts, which are saved and shown.
 */
export function createDeliveryFinding(text: string, now: number): DeliveryFinding {
  const { action, category, code, adviceKey, raw } = classifyDeliveryError(text);
  return { action, category, code, adviceKey, raw: maskSecrets(raw), at: new Date(now).toISOString() };
}
