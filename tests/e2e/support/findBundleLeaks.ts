import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Strings that show a provider SDK was bundled: for each package, strings from its own shipped
 * code that a minifier keeps (API hosts, header names, service ids in string literals; checked
 * against node_modules by tests/unit/e2eSupport/findBundleLeaks.test.ts), and the package name
 * where it is distinctive enough that nothing else in our bundles would say it. Provider names
 * alone ("Postmark", "Clerk") are not markers: the diagnostics recognise providers' bounce texts.
 */
export const providerSdkMarkers: Record<string, { code: readonly string[]; names: readonly string[] }> = {
  '@clerk/backend': { code: ['api.clerk.com'], names: ['@clerk/backend'] },
  auth0: { code: ['Auth0-Client'], names: ['node_modules/auth0/'] },
  '@supabase/supabase-js': { code: ['supabase-js/', 'gotrue-js/'], names: ['@supabase/'] },
  '@workos-inc/node': { code: ['api.workos.com'], names: ['@workos-inc'] },
  'firebase-admin': { code: ['identitytoolkit.googleapis.com'], names: ['firebase-admin'] },
  '@aws-sdk/client-cognito-identity-provider': { code: ['AWSCognitoIdentityProviderService'], names: ['@aws-sdk/'] },
  '@aws-sdk/client-sesv2': { code: ['SimpleEmailService_v2'], names: ['@aws-sdk/'] },
  'better-auth': { code: ['better-auth.session_token', 'BETTER_AUTH_SECRET'], names: ['node_modules/better-auth/'] },
  postmark: { code: ['X-Postmark-Server-Token', 'api.postmarkapp.com'], names: ['node_modules/postmark/'] },
  '@sendgrid/client': { code: ['api.sendgrid.com'], names: ['@sendgrid/'] },
  'mailgun.js': { code: ['api.mailgun.net'], names: ['mailgun.js'] },
};

/** Settings that hold a secret, named in the issue or by a provider; the server's own are added by {@link serverSecretSettings}. */
export const knownSecretSettings: readonly string[] = [
  'CLERK_SECRET_KEY',
  'AUTH0_CLIENT_SECRET',
  'SUPABASE_SERVICE_ROLE_KEY',
  'WORKOS_API_KEY',
  'FIREBASE_SERVICE_ACCOUNT_JSON',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'BETTER_AUTH_SECRET',
  'POSTMARK_SERVER_TOKEN',
  'SENDGRID_API_KEY',
  'MAILGUN_API_KEY',
  'INVITE_DOCTOR_SECRET',
  'RESEND_WEBHOOK_SECRET',
];

/** Shapes of real secret values (never printed: a finding names the shape, not the text). */
export const secretValueShapes: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'a Clerk secret key (sk_live_/sk_test_…)', pattern: /sk_(?:live|test)_[A-Za-z0-9]{20,}/ },
  { what: 'a SendGrid API key (SG.….…)', pattern: /SG\.[\w-]{16,}\.[\w-]{30,}/ },
  { what: 'a webhook signing secret (whsec_…)', pattern: /whsec_[A-Za-z0-9+/=]{16,}/ },
  { what: 'an AWS access key id (AKIA…)', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a private key (PEM)', pattern: /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/ },
  { what: 'a Google service account', pattern: /"type"\s*:\s*"service_account"/ },
];

export interface BundleLeak {
  /** The file, relative to the scanned folder's parent. */
  file: string;
  /** What leaked: `sdk <package>`, `setting <NAME>` or `secret <shape>`. */
  what: string;
  /** For SDK and setting markers: the marker with a little context; for secret values: nothing. */
  excerpt: string;
}

/** Names of secret settings read by the server (provider `settings` lists, `env.X`, zod config keys) under `serverDir`. */
export function serverSecretSettings(serverDir: string): string[] {
  const names = new Set<string>();
  const secretish = /SECRET|_KEY|TOKEN|PASSWORD|PRIVATE|CREDENTIAL|SERVICE_ACCOUNT/;
  for (const file of listFiles(serverDir).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    const found = [
      ...[...text.matchAll(/settings:\s*\[([^\]]*)\]/g)].flatMap((match) => [...(match[1] as string).matchAll(/['"]([A-Z][A-Z0-9_]+)['"]/g)].map((name) => name[1] as string)),
      ...[...text.matchAll(/\benv(?:\.|\[['"])([A-Z][A-Z0-9_]+)/g)].map((match) => match[1] as string),
      ...[...text.matchAll(/\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*:\s*z\./g)].map((match) => match[1] as string),
    ];
    // `…_PASSWORD_URL` and the like name where a secret is used, not the secret.
    for (const name of found) if (secretish.test(name) && !/_URL$/.test(name)) names.add(name);
  }
  return [...names].sort();
}

/**
 * Every file under each of `dirs` (all kinds: scripts, styles, HTML, source maps, JSON, images),
 * searched for provider SDK markers, secret setting names and secret-shaped values.
 */
export function findBundleLeaks(dirs: readonly string[], secretSettings: readonly string[] = knownSecretSettings): BundleLeak[] {
  const leaks: BundleLeak[] = [];
  const markers = [
    ...Object.entries(providerSdkMarkers).flatMap(([sdk, { code, names }]) => [...code, ...names].map((marker) => ({ what: `sdk ${sdk}`, marker }))),
    ...[...new Set(secretSettings)].map((name) => ({ what: `setting ${name}`, marker: name })),
  ];
  for (const dir of dirs) {
    for (const file of listFiles(dir)) {
      // latin1 reads any byte; every marker is ASCII, so it matches in UTF-8 text and binary alike.
      const text = readFileSync(file, 'latin1');
      const relative = path.relative(path.dirname(dir), file);
      for (const { what, marker } of markers) {
        const at = text.indexOf(marker);
        if (at >= 0) leaks.push({ file: relative, what, excerpt: text.slice(Math.max(0, at - 40), at + marker.length + 40) });
      }
      for (const { what, pattern } of secretValueShapes) if (pattern.test(text)) leaks.push({ file: relative, what: `secret ${what}`, excerpt: '' });
    }
  }
  return leaks;
}

/** Every file under `dir`, recursively; throws when `dir` does not exist (a scan of nothing proves nothing). */
export function listFiles(dir: string): string[] {
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  return readdirSync(dir, { recursive: true })
    .map((name) => path.join(dir, String(name)))
    .filter((file) => statSync(file).isFile())
    .sort();
}
