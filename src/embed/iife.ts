/**
 * The single-script build (`dist-widget/invite-doctor.iife.js`, global `InviteDoctor`): the widget
 * and the bridge in one file for a plain `<script>` tag. It cannot split into lazy chunks, so it
 * carries everything the ES build loads on demand.
 */
export { mount, InviteDoctorElement, defineInviteDoctor } from './index.ts';
export { serveBackendOverBridge, createBridgeBackend, bridgeProtocol, bridgeVersion } from './bridge.ts';
