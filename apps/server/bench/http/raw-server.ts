import { createServer } from 'node:http';
import pg from 'pg';
import { parseGlobalId } from '../../src/core/graphql/global-id.js';
import { DOSSIER_LIST_SQL, DOSSIER_SQL } from './raw-sql.js';

// Baseline (a): a bare Node `http` server answering scenarios 1 and 2 by their operation names, one statement
// each (raw-sql.ts), the JSON written as PostgreSQL built it. Anything else gets a 400. Started by run.ts.

const { DATABASE_URL, PORT } = process.env;
if (!DATABASE_URL || !PORT) throw new Error('DATABASE_URL and PORT are required');
// As many sessions as the product's pool (MikroORM's default, 10).
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });

interface Body {
  operationName?: string;
  variables?: { first?: number; id?: string };
}

function statementOf(body: Body, token: string): [string, unknown[]] | null {
  if (body.operationName === 'DossierList') return [DOSSIER_LIST_SQL, [token, body.variables?.first ?? 50]];
  const id = parseGlobalId(body.variables?.id ?? '');
  if (body.operationName === 'Dossier' && id?.type === 'Customer') return [DOSSIER_SQL, [token, id.id]];
  return null;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const reply = (status: number, text: string) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(text);
    try {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /i, '');
      const statement = statementOf(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body, token);
      if (!statement) return reply(400, '{"errors":[{"message":"not a bench operation"}]}');
      const { rows } = await pool.query<{ body: string }>(...statement);
      reply(200, rows[0]?.body ?? '');
    } catch (error) {
      reply(500, JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(PORT), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
}
