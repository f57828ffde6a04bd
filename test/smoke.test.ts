import { Client } from 'pg';
import { createTestDatabase } from './test-database';

test('the test PostgreSQL server answers', async () => {
  const db = await createTestDatabase();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query<{ v: string }>('select current_setting($1) as v', ['server_version_num']);
  await client.end();
  await db.drop();
  expect(Number(rows[0].v)).toBeGreaterThanOrEqual(150000);
});
