// The limit our layers are measured against: one Fastify process with the same drivers (better-sqlite3 in
// WAL mode with the same pragmas, or a pg pool of the same size) and the same zod validation, doing the bare
// work of each benchmarked route with prepared statements and nothing else — no session, scope, audit,
// notification or re-read. DATABASE_URL picks the store; BARE_READS (a JSON file) lists the read routes'
// statements as the project ran them (bench/reads.ts).
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const url = process.env.DATABASE_URL ?? '';
const isPg = /^postgres(ql)?:\/\//.test(url);

interface Statement {
  sql: string;
  params: unknown[];
}
/** Runs one write transaction of several statements, and single reads. */
interface Store {
  transaction(stmts: Statement[]): Promise<void>;
  all(s: Statement): Promise<unknown[]>;
  one(sql: string, params: unknown[]): Promise<Record<string, unknown> | undefined>;
}

function sqliteStore(): Store {
  const db = new SQLite(url.replace(/^file:/, ''));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const cache = new Map<string, SQLite.Statement>();
  const prep = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const tx = db.transaction((stmts: Statement[]) => {
    for (const s of stmts) prep(s.sql).run(s.params);
  });
  return {
    transaction: async (stmts) => tx(stmts),
    all: async (s) => (prep(s.sql).reader ? prep(s.sql).all(s.params) : []),
    one: async (sql, params) => prep(sql).get(params) as Record<string, unknown> | undefined,
  };
}

function pgStore(): Store {
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.XZ_PG_POOL ?? 10) });
  // Named statements, as the project's pool sends them: parsed and planned once per connection.
  const names = new Map<string, string>();
  const named = (text: string, values: unknown[]) => {
    let name = names.get(text);
    if (!name) {
      name = `bare_${names.size}`;
      names.set(text, name);
    }
    return { name, text, values };
  };
  return {
    async transaction(stmts) {
      const c = await pool.connect();
      try {
        await c.query('begin');
        for (const s of stmts) await c.query(named(s.sql, s.params));
        await c.query('commit');
      } catch (err) {
        await c.query('rollback');
        throw err;
      } finally {
        c.release();
      }
    },
    all: async (s) => (await pool.query(named(s.sql, s.params))).rows,
    one: async (sql, params) => (await pool.query(named(sql, params))).rows[0],
  };
}

const store = isPg ? pgStore() : sqliteStore();
const p = (i: number) => (isPg ? `$${i}` : '?');
const placeholders = (n: number) => Array.from({ length: n }, (_, i) => p(i + 1)).join(', ');

let made = 0;
const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);

// The reporting place and its village, the reporter: looked up once, as fixed facts of the benchmark.
const gridId = process.env.BARE_REGION ?? '';
const reporterId = process.env.BARE_USER ?? '';
const region = gridId ? await store.one(`select * from regions where id = ${p(1)}`, [gridId]) : undefined;
const level = region ? await store.one(`select * from regions where id = ${p(1)}`, [region.parent_id]) : undefined;
if (gridId && (!region || !level)) throw new Error(`bare server: unknown BARE_REGION ${gridId}`);

const CASE_COLUMNS = [
  'id',
  'county_id',
  'seq',
  'type',
  'category_code',
  'title',
  'description',
  'priority',
  'source',
  'region_id',
  'region_path',
  'reporter_id',
  'idempotency_key',
  'status',
  'level_region_id',
  'level_region_path',
  'red_escalated',
  'extension_days',
  'extension_pending',
  'verified',
  'escalations',
  'reopened',
  'reported_at',
  'updated_at',
  'version',
];
const insertCase = `insert into cases (${CASE_COLUMNS.join(', ')}) values (${placeholders(CASE_COLUMNS.length)})`;
const HISTORY_COLUMNS = ['id', 'case_id', 'action', 'from_status', 'to_status', 'by_user_id', 'at'];
const insertHistory = `insert into case_history (${HISTORY_COLUMNS.join(', ')}) values (${placeholders(HISTORY_COLUMNS.length)})`;

app.post(
  '/bare/cases',
  {
    schema: {
      body: z.object({
        type: z.enum(['incident', 'agency', 'dispute']),
        category: z.string().min(1).max(40),
        title: z.string().trim().min(1).max(60),
        description: z.string().trim().min(1).max(2000),
        regionId: z.string().min(1).max(64),
        idempotencyKey: z.string().min(8).max(100).optional(),
      }),
    },
  },
  async (req, reply) => {
    const b = req.body;
    if (!region || !level) return reply.code(404).send({ error: 'BARE_REGION not set' });
    const id = randomUUID();
    const now = new Date().toISOString();
    await store.transaction([
      {
        sql: insertCase,
        params: [
          id,
          region.county_id,
          `${now.slice(0, 10).replaceAll('-', '')}-${process.pid}-${++made}`,
          b.type,
          b.category,
          b.title,
          b.description,
          'normal',
          'grid',
          region.id,
          region.path,
          reporterId,
          b.idempotencyKey ?? null,
          'reported',
          level.id,
          level.path,
          0,
          0,
          0,
          0,
          0,
          0,
          now,
          now,
          0,
        ],
      },
      { sql: insertHistory, params: [randomUUID(), id, 'report', null, 'reported', reporterId, now] },
    ]);
    return reply.code(201).send({ id });
  },
);

// Read routes: each runs the statements the project's route ran for the same page, and answers their rows.
if (process.env.BARE_READS) {
  const reads = JSON.parse(readFileSync(process.env.BARE_READS, 'utf8')) as Record<string, Statement[]>;
  for (const [name, stmts] of Object.entries(reads)) {
    app.get(`/bare/${name}`, async () => {
      const out: unknown[] = [];
      for (const s of stmts) out.push(await store.all(s));
      return out;
    });
  }
}

app.get('/bare/health', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT ?? 3100), host: process.env.HOST ?? '127.0.0.1' });
