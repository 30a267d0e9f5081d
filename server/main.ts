import { createReferenceServer } from './createReferenceServer.ts';

// `npm run server`. PORT, HOST, ALLOWED_ORIGINS (comma-separated) and FAULTS=1 configure it.
const server = await createReferenceServer({
  port: Number(process.env.PORT ?? 8787),
  host: process.env.HOST ?? '127.0.0.1',
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
  faults: process.env.FAULTS === '1',
});

console.log(`Invite Doctor reference server listening on ${server.url}`);
console.log('Bearer tokens: demo-admin (admin), demo-manager-a (manager of team "a")');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
