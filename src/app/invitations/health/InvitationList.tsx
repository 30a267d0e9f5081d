import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';
import { useText } from '../../../ui/useText.ts';
import { startFlowId } from '../../flowCatalog.ts';
import { useSettingsStore } from '../../useSettingsStore.ts';
import type { GroupActionRequest } from '../GroupActionRequest.ts';

export interface InvitationListProps {
  rows: DiagnosedInvitation[];
  onGroupAction(request: GroupActionRequest): void;
}

/**
 * Every row has the same height, in rem so it grows with the reader's text size: 4 rem wide, 9 rem
 * on a narrow screen that stacks the cells. Measuring each row instead made the virtualiser
 * recompute all 10,000 positions for every row that came into sight (11 of 37 frames over 50 ms
 * while scrolling 10,000 rows); a row's text that does not fit ends in an ellipsis, and the whole
 * address stays in the button's name and tooltip.
 */
const rowRem = { wide: 4, narrow: 9 };
const narrowQuery = '(max-width: 40rem)';

/**
 * The current view as a table (ARIA table semantics, rows numbered in `aria-rowindex`), of which
 * only the rows in sight are in the page. Each row's address opens the wizard for that person (in
 * agent mode: a call), with the address already filled in; ↑/↓ move between rows' addresses.
 */
export function InvitationList({ rows, onGroupAction }: InvitationListProps) {
  const text = useText();
  const navigate = useNavigate();
  const agentMode = useSettingsStore((state) => state.agentMode);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowPx = useRowHeightPx();
  // Stable across renders: a new key function makes the virtualiser recompute every row's position
  // (10,000 of them) on each render, which is each scrolled frame.
  const getItemKey = useCallback((index: number) => rows[index]?.user.id ?? index, [rows]);
  const estimateSize = useCallback(() => rowPx, [rowPx]);
  // The virtualiser is read afresh on every render; nothing memoised holds on to its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 8,
    getItemKey,
    // React renders the rows coming into sight in its own frame, not synchronously inside each
    // scroll event (which put a whole render into the event handler: frames over 50 ms in Chromium).
    useFlushSync: false,
  });
  // The same start as the start page's form and the agent's new-call form: the flow, with the address.
  const open = (row: DiagnosedInvitation) => navigate(`/flows/${startFlowId}`, { state: { email: row.user.email } });
  const onRowClick = (event: MouseEvent, row: DiagnosedInvitation) => {
    if ((event.target as HTMLElement).closest('button')) return;
    open(row);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const index = Number((event.target as HTMLElement).dataset.rowIndex);
    if (!Number.isInteger(index)) return;
    const next = Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    // The row may only render after the scroll: focus it on the next frames.
    const focus = (tries: number) => {
      const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-row-index="${next}"]`);
      if (button) button.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };
  const items = virtualizer.getVirtualItems();
  return (
    <section aria-labelledby="id-health-list" className="id-health-list">
      <h2 id="id-health-list" className="id-visually-hidden">
        {text('invitations.list.title')}
      </h2>
      <div role="table" aria-labelledby="id-health-list" aria-rowcount={rows.length + 1} className="id-health-table" onKeyDown={onKeyDown}>
        <div role="rowgroup" className="id-health-head">
          <div role="row" aria-rowindex={1} className="id-health-row">
            <span role="columnheader">{text('invitations.list.address')}</span>
            <span role="columnheader">{text('invitations.list.status')}</span>
            <span role="columnheader">{text('invitations.list.cause')}</span>
            <span role="columnheader">{text('invitations.list.age')}</span>
            <span role="columnheader">{text('invitations.list.actions')}</span>
          </div>
        </div>
        <div role="rowgroup" ref={scrollRef} className="id-health-scroll">
          {rows.length === 0 && <p className="id-health-empty">{text('invitations.list.empty')}</p>}
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index] as DiagnosedInvitation;
              const { user, verdict } = row;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  className={verdict.needsAction ? 'id-health-row id-health-row--action' : 'id-health-row'}
                  style={{ position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', height: rowPx, transform: `translateY(${item.start}px)` }}
                  onClick={(event) => onRowClick(event, row)}
                >
                  <span role="cell" className="id-health-address">
                    <button type="button" className="id-health-open" data-row-index={item.index} onClick={() => open(row)} title={user.email} aria-label={text(agentMode ? 'invitations.list.openCall' : 'invitations.list.open', { email: user.email })}>
                      {user.email}
                    </button>
                    {user.name && <span className="id-muted">{user.name}</span>}
                  </span>
                  <span role="cell">{text(`invitations.status.${user.status}`)}</span>
                  <span role="cell">{text(`invitations.causes.${verdict.cause}`)}</span>
                  <span role="cell">{verdict.days === null ? text('invitations.list.unknownAge') : text('invitations.list.days', { count: verdict.days })}</span>
                  <span role="cell">
                    {verdict.suggestion && (
                      <button type="button" className="id-button id-button--secondary id-health-fix" onClick={() => onGroupAction({ action: 'fixTypo', rows: [row], label: `${user.email} → ${verdict.suggestion}` })}>
                        {text('invitations.actions.fixTypo', { suggestion: verdict.suggestion })}
                      </button>
                    )}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

/** The fixed row height in pixels for the current screen width and root font size. */
function useRowHeightPx(): number {
  const narrow = useSyncExternalStore(subscribeToWidth, isNarrow, () => false);
  const rootPx = typeof document === 'undefined' ? 16 : Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round((narrow ? rowRem.narrow : rowRem.wide) * rootPx);
}

function isNarrow(): boolean {
  return typeof matchMedia === 'function' && matchMedia(narrowQuery).matches;
}

function subscribeToWidth(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(narrowQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
