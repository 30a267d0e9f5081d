import { useTranslation } from 'react-i18next';
import type { DeliveryFinding } from '../../engine/index.ts';
import { useText } from '../useText.ts';

/** Why a pasted error routes where it does: the kind of problem, the code found, and the advice. */
export function FindingExplanation({ finding }: { finding: DeliveryFinding }) {
  const text = useText();
  const { i18n } = useTranslation();
  const category = i18n.exists(`app.delivery.categories.${finding.category}`, { ns: 'app' }) ? text(`app.delivery.categories.${finding.category}`) : finding.category;
  const advice = i18n.exists(finding.adviceKey, { ns: 'diagnostics' }) ? text(finding.adviceKey) : text('diagnostics.advice.unknown');
  return (
    <div className="id-agent-finding">
      <p>
        <strong>{category}</strong>
        {' · '}
        {finding.code ? text('agent.paste.code', { code: finding.code }) : text('agent.paste.noCode')}
      </p>
      <p>{advice}</p>
    </div>
  );
}
