import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../support/startPostgres.ts';

describe('the throwaway PostgreSQL cluster', () => {
  it('is PostgreSQL 15 or newer, reachable at the provided URL', async () => {
    const url = inject('postgresUrl');
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/invite_doctor_test$/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>('select version()');
      const match = /^PostgreSQL (\d+)/.exec(rows[0]?.version ?? '');
      expect(match, rows[0]?.version).not.toBeNull();
      expect(Number(match?.[1])).toBeGreaterThanOrEqual(15);
      const { rows: [db] } = await client.query<{ name: string }>('select current_database() as name');
      expect(db?.name).toBe('invite_doctor_test');
    } finally {
      await client.end();
    }
  });

  it('makes a second, empty database on the same cluster for a suite of its own', async () => {
    const url = await createDatabase(inject('postgresUrl'), `smoke_${process.pid}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('create table probe (id int primary key)');
      await client.query('insert into probe values (1)');
      const { rows } = await client.query<{ n: string }>('select count(*) as n from probe');
      expect(rows[0]?.n).toBe('1');
    } finally {
      await client.end();
    }
  });
});
