// Runs the SQL statements of a file in a fresh single-threaded DuckDB: the tests write their
// CSV, JSON Lines and Parquet twins with it.   node exec.mjs FILE.sql
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run('SET threads = 1');
await db.run(readFileSync(process.argv[2], 'utf8'));
