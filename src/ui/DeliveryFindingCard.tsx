import { useTranslation } from 'react-i18next';
import { missingValue } from './createFormatters.ts';
import { FactCard } from './FactCard.tsx';
import { useFormatters } from './useFormatters.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';

/** The latest delivery problem: what kind, the code, advice, and the mail server's own words (as text). */
export function DeliveryFindingCard() {
  const delivery = useSessionSelector((snapshot) => snapshot.context.facts.delivery);
  const text = useText();
  const format = useFormatters();
  const { i18n } = useTranslation();
  if (delivery === undefined) return null;
  if (delivery === null) return <FactCard title={text('app.delivery.title')} rows={[]}><p>{text('app.delivery.none')}</p></FactCard>;
  const category = i18n.exists(`app.delivery.categories.${delivery.category}`, { ns: 'app' })
    ? text(`app.delivery.categories.${delivery.category}`)
    : delivery.category;
  const advice = i18n.exists(delivery.adviceKey, { ns: 'diagnostics' }) ? text(delivery.adviceKey) : null;
  return (
    <FactCard
      title={text('app.delivery.title')}
      tone="warning"
      rows={[
        [text('app.delivery.category'), category],
        [text('app.delivery.code'), delivery.code ? <code>{delivery.code}</code> : missingValue],
        [text('app.delivery.at'), <time dateTime={delivery.at}>{format.dateTime(delivery.at)}</time>],
      ]}
    >
      {advice && <p className="id-advice">{advice}</p>}
      {delivery.raw && (
        <figure className="id-raw">
          <figcaption>{text('app.delivery.raw')}</figcaption>
          <pre>{delivery.raw}</pre>
        </figure>
      )}
    </FactCard>
  );
}
