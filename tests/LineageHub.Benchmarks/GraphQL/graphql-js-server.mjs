// The anchor for the GraphQL benchmark: graphql-js behind graphql-http's Node handler, serving the same
// schema and the same generated data as our endpoint. Usage: node graphql-js-server.mjs <node_modules dir>
// Prints the listening port on stdout. With "--parse <file> <iterations>" it instead times parse+validate.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.argv[2], 'noop.js'));
const { buildSchema, parse, validate } = require('graphql');
const { createHandler } = require('graphql-http/lib/use/http');

const sdl = readFileSync(new URL('./benchmark-schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);

if (process.argv[3] === '--parse') {
  const source = readFileSync(process.argv[4], 'utf8');
  const iterations = Number(process.argv[5]);
  const samples = [];
  for (let round = 0; round < 15; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) {
      const errors = validate(schema, parse(source));
      if (errors.length > 0) throw new Error(errors[0].message);
    }
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
  }
  samples.sort((a, b) => a - b);
  process.stdout.write(String(samples[Math.floor(samples.length / 2)]));
} else {
  // Same generation as GraphQLBenchmark.Data: 10 items, each with 10 children, each with 10 children.
  const make = (prefix, depth) => Array.from({ length: 10 }, (_, i) => ({
    id: `${prefix}${i}`, name: `item ${prefix}${i}`, value: i * 1.5,
    children: depth > 1 ? make(`${prefix}${i}.`, depth - 1) : [],
  }));
  const rootValue = { hello: 'world', items: make('', 3) };
  const server = createServer(createHandler({ schema, rootValue }));
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
}
