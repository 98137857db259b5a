// Reference answers from graphql-js for the conformance tests. Reads one JSON request on stdin and
// writes one JSON answer on stdout:
//   {"mode":"parse","documents":[...]}                       -> [{ok, message, line, column}]
//   {"mode":"validate","schema":SDL,"documents":[...]}        -> [[{message, locations}]]
//   {"mode":"execute","schema":SDL,"cases":[{query, variables, root}]} -> [result]
//   {"mode":"introspect","schema":SDL,"introspection":{...}}  -> {expected: {name: sdl}, actual: {name: sdl}}
//   {"mode":"print","documents":[...]}                        -> [printed or null]
import { readFileSync } from 'node:fs';
import {
  parse, print, validate, buildSchema, graphql, buildClientSchema, printSchema, printType, GraphQLError,
  isSpecifiedScalarType, isIntrospectionType,
} from 'graphql';

const request = JSON.parse(readFileSync(0, 'utf8'));

function parseOutcome(source) {
  try {
    parse(source);
    return { ok: true };
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    const loc = e.locations?.[0] ?? {};
    return { ok: false, message: e.message, line: loc.line, column: loc.column };
  }
}

function typesOf(schema) {
  const out = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isSpecifiedScalarType(type) || isIntrospectionType(type)) continue;
    out[type.name] = printType(type);
  }
  return out;
}

async function main() {
  switch (request.mode) {
    case 'parse':
      return request.documents.map(parseOutcome);
    case 'print':
      return request.documents.map((d) => { try { return print(parse(d)); } catch { return null; } });
    case 'validate': {
      const schema = buildSchema(request.schema);
      return request.documents.map((d) => {
        let document;
        try { document = parse(d); } catch (e) { return [{ message: 'PARSE: ' + e.message }]; }
        return validate(schema, document).map((e) => ({ message: e.message, locations: e.locations ?? [] }));
      });
    }
    case 'execute': {
      const schema = buildSchema(request.schema);
      const results = [];
      for (const c of request.cases) {
        const result = await graphql({
          schema, source: c.query, rootValue: c.root, variableValues: c.variables, operationName: c.operationName,
        });
        results.push(JSON.parse(JSON.stringify(result)));
      }
      return results;
    }
    case 'introspect': {
      const expected = typesOf(buildSchema(request.schema));
      const client = buildClientSchema(request.introspection);
      return { expected, actual: typesOf(client), directives: printSchema(client).split('\n\n').filter((b) => b.startsWith('directive') || b.includes('\ndirective')) };
    }
    default:
      throw new Error('unknown mode ' + request.mode);
  }
}

process.stdout.write(JSON.stringify(await main()));
