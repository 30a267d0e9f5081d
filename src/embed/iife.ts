/**
 * The plain-`<script>` build, `dist-widget/invite-doctor.iife.js`: a classic script of about 1 KB
 * with no widget code (no React) in it. It imports the ES module `invite-doctor.js` from its own
 * folder and sets `window.InviteDoctor` ({@link InviteDoctorLoader}). A host adds
 *
 * ```html
 * <script src="https://cdn.example.com/invite-doctor/invite-doctor.iife.js"></script>
 * <invite-doctor launcher="button"></invite-doctor>
 * ```
 *
 * and serves the dist-widget/ folder as one (the loader, `invite-doctor.js`, `invite-doctor-bridge.js`
 * and `chunks/`); from another origin than the page, with CORS, which module scripts need. A
 * second copy of the loader on the page keeps the first `window.InviteDoctor`.
 */
import { createWidgetLoader, type InviteDoctorLoader } from './createWidgetLoader.ts';

// `currentScript` names this script only while it first runs, so it is read now, not on demand.
const script = document.currentScript;

window.InviteDoctor ??= createWidgetLoader({
  scriptUrl: script instanceof HTMLScriptElement ? script.src : '',
  importModule: (url) => import(/* @vite-ignore */ url),
  document,
});

declare global {
  interface Window {
    /** Set by `invite-doctor.iife.js`. */
    InviteDoctor?: InviteDoctorLoader;
  }
}
