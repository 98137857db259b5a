// The DuckDB anchor of the graph benchmark: load the edge list, then the upstream closure of one node
// by recursive CTE (UNION, so each node once), in full and to depth 5. Prints medians as JSON.
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, node] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run('SET threads = 2');

const time = async (sql) => {
  const start = process.hrtime.bigint();
  const reader = await db.runAndReadAll(sql);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, rows: reader.getRows() };
};
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const load = await time(`CREATE TABLE edges AS SELECT src::INTEGER AS src, dst::INTEGER AS dst FROM read_csv('${csv}', header = true)`);
const full = `WITH RECURSIVE up(id) AS (SELECT ${Number(node)} UNION SELECT e.dst FROM edges e JOIN up ON e.src = up.id) SELECT count(*) FROM up`;
const depth5 = `WITH RECURSIVE up(id, depth) AS (SELECT ${Number(node)}, 0 UNION SELECT e.dst, up.depth + 1 FROM edges e JOIN up ON e.src = up.id WHERE up.depth < 5) SELECT count(DISTINCT id) FROM up`;

const fullRuns = [];
let fullCount = 0;
for (let i = 0; i < 3; i++) {
  const r = await time(full);
  fullRuns.push(r.ms);
  fullCount = Number(r.rows[0][0]);
}
const depthRuns = [];
for (let i = 0; i < 5; i++) depthRuns.push((await time(depth5)).ms);
console.log(JSON.stringify({ loadMs: load.ms, fullMs: median(fullRuns), fullCount, depth5Ms: median(depthRuns) }));
