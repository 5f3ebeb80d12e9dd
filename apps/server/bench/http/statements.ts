import pg from 'pg';

// SQL statements per request, counted by PostgreSQL itself (pg_stat_statements) for every server alike: no
// hook in any server, nothing added to the product's path. The extension must be preloaded, which the bench
// sets on its own cluster (ALTER SYSTEM) and then restarts it once.

const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * Whether pg_stat_statements is loaded. When it is not and the cluster is the bench's own (`configure`),
 * asks for it at the next start (ALTER SYSTEM) and answers false: the caller restarts the cluster. A
 * database of DATABASE_URL is never reconfigured: it must preload the extension itself.
 */
export function statementStatsReady(url: string, configure: boolean): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ libraries: string }>(
      "select current_setting('shared_preload_libraries') as libraries",
    );
    if (rows[0]?.libraries.split(',').some((name) => name.trim() === 'pg_stat_statements')) {
      await client.query('create extension if not exists pg_stat_statements');
      return true;
    }
    if (!configure) {
      throw new Error(
        "pnpm bench counts statements with pg_stat_statements: add it to the database's shared_preload_libraries",
      );
    }
    await client.query("alter system set shared_preload_libraries = 'pg_stat_statements'");
    return false;
  });
}

/** A counter of the statements run on the database since it was opened, the counter's own queries left out. */
export async function statementCounter(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = async () => {
    const { rows } = await client.query<{ calls: string }>(
      `select coalesce(sum(calls), 0)::int8 as calls from pg_stat_statements
       where dbid = (select oid from pg_database where datname = current_database())
         and query not like '%pg_stat_statements%'`,
    );
    return Number(rows[0]?.calls ?? 0);
  };
  /**
   * Waits until PostgreSQL has finished no statement for `quietMs` (at most `limitMs` in all): autocannon
   * stops with requests in flight, which the server still answers, and their statements must neither be
   * counted as the next request's nor slow the next timed run down.
   */
  const settle = async (quietMs = 500, limitMs = 20_000) => {
    const deadline = Date.now() + limitMs;
    let last = await count();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const now = await count();
      if (now === last) return;
      last = now;
    }
  };
  return { count, settle, close: () => client.end() };
}
