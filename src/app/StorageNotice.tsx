import { Link } from 'react-router-dom';
import { useText } from '../ui/useText.ts';
import { useStorageHealth } from './storageHealth.ts';

/** Shown while the browser's storage is full: the check goes on, it just will not survive a reload. */
export function StorageNotice() {
  const text = useText();
  const { full, dismissed, dismiss } = useStorageHealth();
  return (
    <div role="status" className="id-storage-notice">
      {full && !dismissed && (
        <div className="id-notice">
          <p>{text('app.storage.full')}</p>
          <p className="id-actions">
            <Link to="/sessions">{text('app.storage.manage')}</Link>
            <button type="button" className="id-button id-button--secondary" onClick={dismiss}>
              {text('app.storage.dismiss')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
