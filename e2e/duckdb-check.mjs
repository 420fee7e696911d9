// duckdb-check.mjs reads the tables that `score run` wrote with DuckDB, a
// reader independent of the writer, and prints what it found as one JSON
// object on stdout. e2e_test.go decides what is right; this script only reads.
//
//   node duckdb-check.mjs DIR
//
// Tables are read the way the README tells users to read them:
// read_parquet('DIR/<table>/**/*.parquet', hive_partitioning=true).
import { DuckDBInstance } from '@duckdb/node-api';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node duckdb-check.mjs DIR');
  process.exit(2);
}
const tables = ['articles', 'quotes', 'stances', 'rejects'];

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();

// rows runs a query and returns its rows as plain objects, BIGINTs as numbers.
async function rows(sql) {
  const reader = await con.runAndReadAll(sql);
  return reader.getRowObjects().map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
}

function plain(v) {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || typeof v !== 'object') return v;
  return String(v); // dates, decimals
}

const sq = (s) => s.replaceAll("'", "''");
for (const t of tables) {
  await con.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${sq(dir)}/${t}/**/*.parquet', hive_partitioning=true)`);
}

const out = { duckdb_version: (await rows('SELECT version() AS v'))[0].v, tables: {} };
for (const t of tables) {
  out.tables[t] = {
    rows: (await rows(`SELECT count(*) AS n FROM ${t}`))[0].n,
    columns: (await rows(`DESCRIBE ${t}`)).map((r) => ({ name: r.column_name, type: r.column_type })),
  };
}

// Every quote's text is the substring of its article's text at its
// code-point offsets (SPEC section 3): DuckDB's substring is 1-based.
const offsets = `
  FROM quotes q JOIN articles a USING (article_id)
  WHERE q.start < 0 OR q."end" < q.start OR q."end" > length(a.text)
     OR substring(a.text, q.start + 1, q."end" - q.start) IS DISTINCT FROM q.text`;
out.offset_mismatches = (await rows(`SELECT count(*) AS n ${offsets}`))[0].n;
out.offset_examples = await rows(`
  SELECT q.article_id, q.quote_index, q.start, q."end", q.text,
         substring(a.text, q.start + 1, q."end" - q.start) AS substring ${offsets}
  ORDER BY 1, 2 LIMIT 5`);
out.quotes_checked = (await rows(`SELECT count(*) AS n FROM quotes q JOIN articles a USING (article_id)`))[0].n;

// Referential and value checks.
const one = async (sql) => (await rows(sql))[0].n;
out.orphan_quotes = await one(`SELECT count(*) AS n FROM quotes WHERE article_id NOT IN (SELECT article_id FROM articles)`);
out.orphan_stances = await one(`SELECT count(*) AS n FROM stances WHERE article_id NOT IN (SELECT article_id FROM articles)`);
out.n_quotes_sum = await one(`SELECT coalesce(sum(n_quotes), 0) AS n FROM articles`);
out.duplicate_article_ids = await one(`SELECT count(*) - count(DISTINCT article_id) AS n FROM articles`);
out.duplicate_quote_keys = await one(`SELECT count(*) - count(DISTINCT (article_id, quote_index)) AS n FROM quotes`);
out.stance_quote_missing = await one(`
  SELECT count(*) AS n FROM stances s WHERE s.quote_index IS NOT NULL AND NOT EXISTS
    (SELECT 1 FROM quotes q WHERE q.article_id = s.article_id AND q.quote_index = s.quote_index)`);
out.bad_tone = await one(`
  SELECT (SELECT count(*) FROM quotes WHERE NOT (tone BETWEEN -1 AND 1) OR tone_label NOT IN ('negative', 'neutral', 'positive'))
       + (SELECT count(*) FROM articles WHERE NOT (tone BETWEEN -1 AND 1) OR tone_label NOT IN ('negative', 'neutral', 'positive')) AS n`);
out.bad_kind = await one(`SELECT count(*) AS n FROM quotes WHERE kind NOT IN ('direct', 'partial', 'indirect')`);
out.bad_speaker_type = await one(`
  SELECT count(*) AS n FROM quotes WHERE speaker_type NOT IN ('person', 'organization', 'group', 'unnamed', 'unknown')`);
out.bad_stance = await one(`SELECT count(*) AS n FROM stances WHERE stance NOT IN (-1, 0, 1)`);
out.bad_sha256 = await one(`SELECT count(*) AS n FROM articles WHERE sha256(text) <> content_sha256`);
out.kinds = Object.fromEntries((await rows(`SELECT kind, count(*) AS n FROM quotes GROUP BY 1 ORDER BY 1`)).map((r) => [r.kind, r.n]));
out.topics = Object.fromEntries((await rows(`SELECT topic, count(*) AS n FROM stances GROUP BY 1 ORDER BY 1`)).map((r) => [r.topic, r.n]));
out.outlets = (await rows(`SELECT DISTINCT outlet FROM articles ORDER BY 1`)).map((r) => r.outlet);
out.published = await rows(`SELECT min(published) AS first, max(published) AS last, count(published) AS n FROM articles`);

con.closeSync();
db.closeSync();
console.log(JSON.stringify(out, null, 1));
