import { useEffect } from 'react';

/** Names the browser tab after the page, so each page and step is told apart (WCAG 2.4.2). */
export function useDocumentTitle(title: string | null, appName: string): void {
  useEffect(() => {
    if (title !== null) document.title = title && title !== appName ? `${title} – ${appName}` : appName;
  }, [title, appName]);
}
