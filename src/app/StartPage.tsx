import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
// Straight from its module, not the diagnostics index: the start page needs only the address
// check, and through the index the bundler would put every delivery rule into the start chunk.
import { checkAddress } from '../diagnostics/checkAddress.ts';
import { AddressField } from '../ui/AddressField.tsx';
import { useText } from '../ui/useText.ts';
import { flowCatalog, startFlowId } from './flowCatalog.ts';
import { finishStartShellHandoff, takeStartShellHandoff } from './startShellHandoff.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';
import { useIdleLoad } from './useIdleLoad.ts';
import { useSettingsStore } from './useSettingsStore.ts';

/** The address of the person who is missing their invitation, or a check to start from scratch. */
export function StartPage() {
  const text = useText();
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const submitted = searchParams.get('email');
  // What was typed into the prerendered page before the app ran; read while rendering, because
  // the prerendered field is gone once React commits.
  const [handoff] = useState(takeStartShellHandoff);
  const [email, setEmail] = useState(submitted ?? handoff?.email ?? '');
  const [attempted, setAttempted] = useState(submitted !== null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const recentCount = useSettingsStore((state) => state.recentSessions.length);
  useDocumentTitle(text('app.start.title'), text('app.name'));
  useIdleLoad(() => i18n.loadNamespaces('flows'));

  useLayoutEffect(() => {
    if (handoff?.focused) fieldRef.current?.focus();
    finishStartShellHandoff();
  }, [handoff]);

  const start = (address: string, replace: boolean) => {
    const check = checkAddress(address);
    if (check.valid && check.normalized) navigate(`/flows/${startFlowId}`, { state: { email: check.normalized }, replace });
    return check.valid;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    start(email, false);
  };
  // `?email=`: the prerendered form, submitted before the app had loaded (a plain GET form). A
  // good address starts the check; a bad one stays in the field with what is wrong with it.
  useEffect(() => {
    if (submitted !== null && !start(submitted, true)) setSearchParams({}, { replace: true });
    // Once per submitted address; `start` is recreated each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitted]);
  return (
    <div className="id-start">
      <h1 className="id-heading">{text('app.start.title')}</h1>
      <p className="id-lead">{text('app.start.lead')}</p>
      <form className="id-start-form" onSubmit={submit} noValidate>
        <AddressField id="start-email" name="email" label={text('app.start.emailLabel')} hint={text('app.start.emailHint')} value={email} onChange={setEmail} showProblems={attempted} inputRef={fieldRef} />
        <button type="submit" className="id-button">
          {text('app.start.submit')}
        </button>
      </form>
      <section aria-labelledby="id-flows-title" className="id-flow-list">
        <h2 id="id-flows-title">{text('app.start.flowsTitle')}</h2>
        <ul>
          {flowCatalog.map((flow) => (
            <li key={flow.id}>
              <Link to={`/flows/${flow.id}`} className="id-flow-link">
                {text(flow.title)}
              </Link>
              {flow.description && <p className="id-muted">{text(flow.description)}</p>}
            </li>
          ))}
        </ul>
      </section>
      {recentCount > 0 && (
        <p>
          <Link to="/sessions">{text('app.start.recent', { count: recentCount })}</Link>
        </p>
      )}
    </div>
  );
}
