// duckdb-sql.mjs runs SQL blocks with DuckDB, in order and in one connection
// (so views made by one block serve the next), and prints one JSON object per
// block on stdout: its number, the rows its last statement returned, or the
// error. e2e_test.go feeds it the README's ```sql blocks to keep them true.
//
//   node duckdb-sql.mjs BLOCKS.json     (a JSON array of SQL strings)
//
// Relative paths in the SQL are read from the working directory.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const blocks = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
for (const [i, sql] of blocks.entries()) {
  try {
    const stmts = await con.extractStatements(sql);
    let rows = 0;
    for (let s = 0; s < stmts.count; s++) {
      const reader = await (await stmts.prepare(s)).runAndReadAll();
      rows = reader.currentRowCount;
    }
    console.log(JSON.stringify({ block: i, statements: stmts.count, rows }));
  } catch (e) {
    console.log(JSON.stringify({ block: i, error: String(e.message ?? e) }));
  }
}
con.closeSync();
db.closeSync();
