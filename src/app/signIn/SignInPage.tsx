import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useText } from '../../ui/useText.ts';
import { appBackendConfig } from '../appBackend.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { checkApiKey } from './checkApiKey.ts';
import { exchangeSignInCode } from './exchangeSignInCode.ts';
import type { SignInProblem } from './requestSignIn.ts';
import type { SignInRouteState } from './RequireSignIn.tsx';
import { takeSignInCode } from './takeSignInCode.ts';
import { useSignInStore } from './useSignInStore.ts';
import './signIn.css';

type Status = { kind: 'idle' } | { kind: 'exchanging' } | { kind: 'checking' } | { kind: 'failed'; problem: SignInProblem | { kind: 'empty' }; via: 'key' | 'code' };

/** The command that prints a new admin key on the server's machine. */
export const createKeyCommand = 'npm run --silent server:keys -- create --role admin';

/**
 * `/sign-in` (server mode): paste an API key, checked with `GET /v1/me` before it is kept, or
 * arrive by a one-time link `/sign-in#code=…`, exchanged with `POST /v1/sign-in`. Either way the
 * key goes to sessionStorage and the person goes on to where they wanted to be.
 */
export function SignInPage() {
  const text = useText();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInRouteState;
  const target = safeTarget(state.from);
  const signIn = useSignInStore((store) => store.signIn);
  const [key, setKey] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  // The exchange of the last code read. Effects may run twice for one code (it can be used only
  // once); a link pasted into this very tab later (a fragment-only navigation) brings a new one.
  const exchange = useRef<ReturnType<typeof exchangeSignInCode> | null>(null);
  const [navigations, setNavigations] = useState(0);
  const id = useId();
  const { baseUrl } = appBackendConfig() as { baseUrl?: string };
  useDocumentTitle(text('app.signIn.title'), text('app.name'));

  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    const code = window.location.hash ? takeSignInCode() : null;
    if (code !== null) exchange.current = exchangeSignInCode(baseUrl ?? '', code);
    const pending = exchange.current;
    if (!pending) return;
    let cancelled = false;
    setStatus({ kind: 'exchanging' });
    void pending.then((result) => {
      if (cancelled) return;
      if (!result.ok) return setStatus({ kind: 'failed', problem: result.problem, via: 'code' });
      signIn(result.key, result.identity);
      navigate(target, { replace: true });
    });
    return () => {
      cancelled = true;
    };
  }, [baseUrl, navigate, signIn, target, navigations]);

  useEffect(() => {
    const navigated = () => setNavigations((count) => count + 1);
    window.addEventListener('popstate', navigated);
    window.addEventListener('hashchange', navigated);
    return () => {
      window.removeEventListener('popstate', navigated);
      window.removeEventListener('hashchange', navigated);
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = key.trim();
    if (!typed) return setStatus({ kind: 'failed', problem: { kind: 'empty' }, via: 'key' });
    setStatus({ kind: 'checking' });
    const result = await checkApiKey(baseUrl ?? '', typed);
    if (!result.ok) return setStatus({ kind: 'failed', problem: result.problem, via: 'key' });
    signIn(typed, result.identity);
    navigate(target, { replace: true });
  };

  const failed = status.kind === 'failed' ? status : null;
  const keyProblem = failed?.via === 'key' && (failed.problem.kind === 'refused' || failed.problem.kind === 'empty');
  const busy = status.kind === 'checking' || status.kind === 'exchanging';
  return (
    <div className="id-step id-sign-in">
      <h1 className="id-heading" ref={heading} tabIndex={-1}>
        {text('app.signIn.title')}
      </h1>
      {state.reason === 'key-refused' && (
        <p className="id-sign-in-note" role="status">
          {text('app.signIn.keyRefusedNote')}
        </p>
      )}
      <p className="id-lead">{text('app.signIn.lead')}</p>
      <pre className="id-sign-in-command">
        <code>{createKeyCommand}</code>
      </pre>
      <div role="alert" id={`${id}-error`} className="id-sign-in-alert">
        {failed && (
          <p className="id-error-message">
            <span className="id-visually-hidden">{text('app.common.errorPrefix')}</span> {describeProblem(text, failed)}
          </p>
        )}
      </div>
      <p role="status" className="id-muted id-sign-in-status">
        {status.kind === 'exchanging' ? text('app.signIn.exchanging') : status.kind === 'checking' ? text('app.signIn.checking') : ''}
      </p>
      {status.kind !== 'exchanging' && (
        <form className="id-sign-in-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className={`id-field${keyProblem ? ' id-field--error' : ''}`}>
            <label htmlFor={`${id}-key`} className="id-label">
              {text('app.signIn.keyLabel')}
            </label>
            <p id={`${id}-hint`} className="id-hint">
              {text('app.signIn.keyHint')}
            </p>
            <input
              id={`${id}-key`}
              name="api-key"
              type="password"
              autoComplete="off"
              spellCheck={false}
              className="id-input"
              value={key}
              aria-invalid={keyProblem ? true : undefined}
              aria-describedby={`${id}-hint${keyProblem ? ` ${id}-error` : ''}`}
              onChange={(event) => setKey(event.target.value)}
            />
          </div>
          <button type="submit" className="id-button" disabled={busy}>
            {text('app.signIn.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

function describeProblem(text: ReturnType<typeof useText>, failed: Extract<Status, { kind: 'failed' }>): string {
  const { problem, via } = failed;
  switch (problem.kind) {
    case 'empty':
      return text('app.signIn.problems.empty');
    case 'refused':
      return text(via === 'code' ? 'app.signIn.problems.codeRefused' : 'app.signIn.problems.keyRefused');
    case 'rate_limited':
      return text('app.signIn.problems.rateLimited', { count: Math.max(1, Math.ceil(problem.retryAfterMs / 1000)) });
    case 'unreachable':
      return text('app.signIn.problems.unreachable');
    case 'unexpected':
      return text('app.signIn.problems.unexpected', { status: problem.status });
  }
}

/** Only a path of this app, never another origin (`//host`) and never the sign-in page itself. */
function safeTarget(from: string | undefined): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\') || from.startsWith('/sign-in')) return '/';
  return from;
}
