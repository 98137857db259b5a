// The DuckDB anchor of the snapshot benchmark: SELECT sum(hash(*)) over a CSV file (every column of
// every row hashed and summed; '*COLUMNS(*)' passes all columns to hash), with both cores.
// Prints the median seconds of the runs and the sum as JSON.   node duckdb-hash.mjs FILE RUNS
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, runs] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run('SET threads = 2');
const times = [];
let sum = '';
for (let i = 0; i < Number(runs ?? 3); i++) {
  const start = process.hrtime.bigint();
  const reader = await db.runAndReadAll(`SELECT sum(hash(*COLUMNS(*))) FROM read_csv('${csv}', header = true)`);
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
  sum = String(reader.getRows()[0][0]);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ seconds: times[Math.floor(times.length / 2)], sum }));
