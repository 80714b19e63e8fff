// Direct reads of the test database, so end-to-end tests compare the pages with the data behind them.
import mysql from "mysql2/promise";

export async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; run the end-to-end tests through `npm test` or `npm run test:e2e`.");
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await conn.query(sql, params);
    return rows as T[];
  } finally {
    await conn.end();
  }
}

export async function publishedCourseTitles(): Promise<Set<string>> {
  const rows = await query<{ title: string }>("SELECT title FROM courses WHERE status = 'published'");
  return new Set(rows.map((r) => r.title));
}
