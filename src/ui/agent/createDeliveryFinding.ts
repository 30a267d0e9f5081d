// Straight from its module, not the diagnostics index, so the classifier alone joins the agent chunk.
import { classifyDeliveryError } from '../../diagnostics/classifyDeliveryError.ts';
import type { DeliveryFinding } from '../../engine/index.ts';

/** A pasted delivery-error text, classified and shaped as the engine's finding (raw text kept as given). */
export function createDeliveryFinding(text: string, now: number): DeliveryFinding {
  const { action, category, code, adviceKey, raw } = classifyDeliveryError(text);
  return { action, category, code, adviceKey, raw, at: new Date(now).toISOString() };
}
