import { createServer } from 'node:http';
import pg from 'pg';
import { DOSSIER_LIST_SQL, DOSSIER_SQL } from './raw-sql.mjs';

// Baseline (a): a bare Node `http` server answering scenarios 1 and 2 by their operation names, one statement
// each (raw-sql.mjs), the JSON written as PostgreSQL built it. Anything else gets a 400. Started by run.ts.
// Plain JavaScript, run by plain `node`: its memory is the server's, not a TypeScript loader's.

const { DATABASE_URL, PORT } = process.env;
if (!DATABASE_URL || !PORT) throw new Error('DATABASE_URL and PORT are required');
// As many sessions as the product's pool (MikroORM's default, 10).
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });

/** The uuid of a customer's Relay global id (core/graphql/global-id.ts: base64url of "Customer:<uuid>"). */
const customerOf = (globalId = '') =>
  /^Customer:([0-9a-f-]{36})$/.exec(Buffer.from(globalId, 'base64url').toString())?.[1];

/**
 * The statement and its parameters for a request body; null for anything but scenarios 1 and 2. Named, so
 * each session prepares it once (as PostGraphile does): planning these statements takes longer than
 * running them.
 */
function statementOf(body, token) {
  if (body.operationName === 'DossierList') {
    return { name: 'dossier_list', text: DOSSIER_LIST_SQL, values: [token, body.variables?.first ?? 50] };
  }
  const id = customerOf(body.variables?.id);
  if (body.operationName === 'Dossier' && id)
    return { name: 'dossier', text: DOSSIER_SQL, values: [token, id] };
  return null;
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const reply = (status, text) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(text);
    try {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /i, '');
      const statement = statementOf(JSON.parse(Buffer.concat(chunks).toString('utf8')), token);
      if (!statement) return reply(400, '{"errors":[{"message":"not a bench operation"}]}');
      const { rows } = await pool.query(statement);
      reply(200, rows[0]?.body ?? '');
    } catch (error) {
      reply(500, JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(PORT), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}
