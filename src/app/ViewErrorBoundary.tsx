import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { useText } from '../ui/useText.ts';

/**
 * Around each page: a crash shows a short translated message with "Try again" (render the page
 * again) and "Start over" (the start page). Moving to another page clears it.
 */
export function ViewErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={`${location.pathname}${location.search}`} fallback={(retry) => <ViewCrashed retry={retry} />}>
      {children}
    </ErrorBoundary>
  );
}

function ViewCrashed({ retry }: { retry(): void }) {
  const text = useText();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <div className="id-step" role="alert">
      <h1 className="id-heading">{text('app.viewError.title')}</h1>
      <p>{text('app.viewError.body')}</p>
      <div className="id-actions">
        <button type="button" className="id-button" onClick={retry}>
          {text('app.viewError.retry')}
        </button>
        <button
          type="button"
          className="id-button id-button--secondary"
          onClick={() => {
            // Another address clears the boundary by itself (resetKey); on the start page, render it again.
            if (location.pathname === '/' && location.search === '') retry();
            else navigate('/');
          }}
        >
          {text('app.viewError.startOver')}
        </button>
      </div>
    </div>
  );
}
