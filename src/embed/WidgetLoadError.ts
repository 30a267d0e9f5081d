/** Why the plain-script loader could not provide the widget. */
export type WidgetLoadFailure =
  /** The loader did not run from its own `<script src>`, so it cannot tell where the module is. */
  | 'no_script_url'
  /** The browser could not fetch or run the module (missing file, wrong MIME type, no CORS, offline). */
  | 'import_failed'
  /** Something loaded from that URL, but not the module expected there (an export is missing). */
  | 'unexpected_module';

/**
 * What `InviteDoctor.ready` (and `InviteDoctor.mount`, `InviteDoctor.loadBridge`) reject with when
 * the loader cannot provide a module. The message names the URL and what the host must serve; the
 * browser's own error, if any, is the `cause`.
 */
export class WidgetLoadError extends Error {
  override readonly name = 'WidgetLoadError';

  constructor(
    readonly kind: WidgetLoadFailure,
    /** The module URL the loader tried (empty for `no_script_url`). */
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(describe(kind, url, options?.cause), options);
  }
}

const serving =
  'Serve the whole dist-widget/ folder (invite-doctor.iife.js, invite-doctor.js, chunks/) together, as JavaScript; ' +
  'from another origin, with CORS (Access-Control-Allow-Origin), which module scripts need.';

function describe(kind: WidgetLoadFailure, url: string, cause: unknown): string {
  if (kind === 'no_script_url') return 'Invite Doctor: invite-doctor.iife.js must be loaded with its own <script src="…">; it finds invite-doctor.js beside that URL.';
  if (kind === 'unexpected_module') return `Invite Doctor: ${url} is not the Invite Doctor module expected there (an export is missing). ${serving}`;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return `Invite Doctor could not load ${url} (${reason}). ${serving}`;
}
