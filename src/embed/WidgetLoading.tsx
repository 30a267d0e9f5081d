import { useWidgetText } from './useWidgetText.ts';

/** Shown while the session's code, texts or backend load. */
export function WidgetLoading() {
  const text = useWidgetText();
  return <p className="id-muted">{text('widget.loading')}</p>;
}
