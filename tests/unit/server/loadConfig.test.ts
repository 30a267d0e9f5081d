import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDataDir, loadConfig } from '../../../server/config/loadConfig.ts';

describe('loadConfig', () => {
  it('runs on the embedded database in the project folder by default, seeded, on 127.0.0.1:8787', () => {
    expect(loadConfig([], {})).toMatchObject({ host: '127.0.0.1', port: 8787, dataDir: defaultDataDir, databaseUrl: null, seedDemo: true, publicUrl: 'http://127.0.0.1:8787', appUrl: null });
  });

  it('takes --data and --port over INVITE_DOCTOR_DATA and PORT', () => {
    expect(loadConfig(['--data', '/tmp/a', '--port', '9000'], { INVITE_DOCTOR_DATA: '/tmp/b', PORT: '1' })).toMatchObject({ dataDir: '/tmp/a', port: 9000 });
    expect(loadConfig([], { INVITE_DOCTOR_DATA: '/tmp/b', PORT: '1234' })).toMatchObject({ dataDir: '/tmp/b', port: 1234 });
  });

  it('uses PostgreSQL when DATABASE_URL is set, unseeded unless SEED_DEMO says so, and needs the shared link secret', () => {
    const secret = 'a'.repeat(44);
    expect(loadConfig([], { DATABASE_URL: 'postgres://db.internal/app', INVITE_DOCTOR_SECRET: secret })).toMatchObject({ dataDir: null, databaseUrl: 'postgres://db.internal/app', seedDemo: false });
    expect(loadConfig([], { DATABASE_URL: 'postgres://db.internal/app', INVITE_DOCTOR_SECRET: secret, SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(() => loadConfig([], { DATABASE_URL: 'postgres://db.internal/app' })).toThrow(/INVITE_DOCTOR_SECRET must be too/);
  });

  it.each([
    [['--port', 'eighty'], {}, /port/],
    [['--port', '70000'], {}, /port/],
    [['--colour', 'blue'], {}, /Unknown option/],
    [[], { DATABASE_URL: 'mysql://x' }, /databaseUrl: must be a postgres/],
    [[], { APP_URL: 'javascript:alert(1)' }, /appUrl/],
    [[], { LOG_LEVEL: 'loud' }, /logLevel/],
  ] as const)('refuses to start on a bad setting, naming it (%j %j)', (argv, env, message) => {
    expect(() => loadConfig(argv, env)).toThrow(ConfigError);
    expect(() => loadConfig(argv, env)).toThrow(message);
  });
});
