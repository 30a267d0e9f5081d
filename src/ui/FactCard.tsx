import type { ReactNode } from 'react';

interface FactCardProps {
  title: string;
  rows: Array<[label: string, value: ReactNode]>;
  children?: ReactNode;
  tone?: 'neutral' | 'warning';
}

/** A titled card of label/value pairs: how every fact panel looks. */
export function FactCard({ title, rows, children, tone = 'neutral' }: FactCardProps) {
  return (
    <section className={`id-fact id-fact--${tone}`} aria-label={title}>
      <h2 className="id-fact-title">{title}</h2>
      {rows.length > 0 && (
        <dl className="id-fact-list">
          {rows.map(([label, value]) => (
            <div key={label} className="id-fact-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </section>
  );
}
