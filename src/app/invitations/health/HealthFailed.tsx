import { useEffect, useRef, useState } from 'react';
import type { BackendError } from '../../../engine/index.ts';
import { describeBackendError } from '../../../ui/describeBackendError.ts';
import { useFormatters } from '../../../ui/useFormatters.ts';
import { useText } from '../../../ui/useText.ts';

/** The load failed: what happened, what to do, and Try again (the heading takes the focus). */
export function HealthFailed({ error, retry }: { error: BackendError; retry(): void }) {
  const text = useText();
  const format = useFormatters();
  const [at] = useState(() => Date.now());
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const description = describeBackendError(error, at, text, format, 'step');
  return (
    <section className="id-health-notice id-health-notice--failed" role="alert" aria-labelledby="id-health-failed">
      <h2 id="id-health-failed" tabIndex={-1} ref={heading} className="id-heading">
        {text('invitations.failed.title')}
      </h2>
      <p>
        <strong>{description.title}.</strong> {description.next}
      </p>
      <button type="button" className="id-button" onClick={retry}>
        {text('invitations.failed.retry')}
      </button>
    </section>
  );
}
