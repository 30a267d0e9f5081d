import type { ReactNode } from 'react';
import { useWidgetText } from './useWidgetText.ts';

/** The title bar: the widget's name (which labels its region or dialog), a demo tag, and extra controls. */
export function WidgetHeader({ demo, children }: { demo: boolean; children?: ReactNode }) {
  const text = useWidgetText();
  return (
    <div className="idw-header">
      <p id="idw-title" className="idw-title">
        <span className="idw-mark" aria-hidden="true" />
        {text('widget.title')}
      </p>
      {demo && <span className="idw-demo-tag">{text('widget.demoTag')}</span>}
      {children}
    </div>
  );
}
