// DuckDB as the reference reader for the Parquet differential tests and the benchmark.
//   node oracle.mjs rows FILE OUT      -> OUT holds FILE's rows as JSON Lines, in the reader's documented mapping
//   node oracle.mjs exec SQLFILE       -> runs the SQL statements in SQLFILE (used to write test files)
//   node oracle.mjs time SQL           -> prints the median wall-clock seconds of 3 runs of SQL, single-threaded
//   node oracle.mjs query SQL          -> prints the first row of SQL as one JSON object
import { writeFileSync, readFileSync } from 'node:fs';
import * as d from '@duckdb/node-api';

const MAX_SAFE = 9007199254740991n;

function pad(n, width) {
  return String(n).padStart(width, '0');
}

// Civil-from-days (proleptic Gregorian), valid far beyond JS Date's range.
function civil(days) {
  const z = BigInt(days) + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  let y = yoe + era * 400n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  if (month <= 2n) y += 1n;
  return `${pad(y, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function floorDiv(a, b) {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function timeOfDay(units, perSecond, digits) {
  const seconds = floorDiv(units, perSecond);
  const fraction = units - seconds * perSecond;
  return `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}.${pad(fraction, digits)}`;
}

function timestamp(units, perSecond, digits, utc) {
  const perDay = 86400n * perSecond;
  const days = floorDiv(units, perDay);
  const rest = units - days * perDay;
  return `${civil(days)}T${timeOfDay(rest, perSecond, digits)}${utc ? 'Z' : ''}`;
}

function decimal(value, scale) {
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return (negative ? '-' : '') + digits;
}

function toJson(v) {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      if (Number.isFinite(v)) return v;
      return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    case 'bigint':
      return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v.toString();
  }
  if (v instanceof d.DuckDBBlobValue || v instanceof d.DuckDBGeometryValue) return Buffer.from(v.bytes).toString('base64');
  if (v instanceof d.DuckDBDecimalValue) return decimal(v.value, v.scale);
  if (v instanceof d.DuckDBDateValue) return civil(v.days);
  if (v instanceof d.DuckDBTimeValue) return timeOfDay(v.micros, 1000000n, 6);
  if (v instanceof d.DuckDBTimeNSValue) return timeOfDay(v.nanos, 1000000000n, 9);
  if (v instanceof d.DuckDBTimestampTZValue) return timestamp(v.micros, 1000000n, 6, true);
  if (v instanceof d.DuckDBTimestampValue) return timestamp(v.micros, 1000000n, 6, false);
  if (v instanceof d.DuckDBTimestampMillisecondsValue) return timestamp(v.millis, 1000n, 3, false);
  if (v instanceof d.DuckDBTimestampSecondsValue) return timestamp(v.seconds, 1n, 0, false);
  if (v instanceof d.DuckDBTimestampNanosecondsValue) return timestamp(v.nanos, 1000000000n, 9, false);
  if (v instanceof d.DuckDBUUIDValue) return v.toString();
  if (v instanceof d.DuckDBListValue || v instanceof d.DuckDBArrayValue) return v.items.map(toJson);
  if (v instanceof d.DuckDBMapValue) return v.entries.map(e => ({ key: toJson(e.key), value: toJson(e.value) }));
  if (v instanceof d.DuckDBStructValue) {
    const o = {};
    for (const [k, x] of Object.entries(v.entries)) o[k] = toJson(x);
    return o;
  }
  return v.toString();
}

async function connect() {
  const db = await d.DuckDBInstance.create(':memory:', { threads: '1' });
  return db.connect();
}

async function rows(file, out) {
  const c = await connect();
  const escaped = file.replaceAll("'", "''");
  const result = await c.stream(`SELECT * FROM read_parquet('${escaped}')`);
  const names = result.columnNames();
  const lines = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const row of chunk.getRows()) {
      const o = {};
      names.forEach((n, i) => { o[n] = toJson(row[i]); });
      lines.push(JSON.stringify(o));
    }
  }
  writeFileSync(out, lines.length ? lines.join('\n') + '\n' : '');
}

async function exec(sqlFile) {
  const c = await connect();
  await c.run(readFileSync(sqlFile, 'utf8'));
}

async function time(sql) {
  const c = await connect();
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    await c.runAndReadAll(sql);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  samples.sort((a, b) => a - b);
  console.log(samples[1]);
}

async function query(sql) {
  const c = await connect();
  const reader = await c.runAndReadAll(sql);
  const names = reader.columnNames();
  const row = reader.getRows()[0];
  const o = {};
  names.forEach((n, i) => { o[n] = toJson(row[i]); });
  console.log(JSON.stringify(o));
}

const [command, a, b] = process.argv.slice(2);
if (command === 'rows') await rows(a, b);
else if (command === 'exec') await exec(a);
else if (command === 'time') await time(a);
else if (command === 'query') await query(a);
else {
  console.error('usage: node oracle.mjs rows FILE OUT | exec SQLFILE | time SQL | query SQL');
  process.exit(2);
}
