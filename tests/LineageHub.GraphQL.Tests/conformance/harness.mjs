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
  isSpecifiedScalarType, isIntrospectionType, getIntrospectionQuery, GraphQLSchema,
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
    case 'introspectionQuery':
      return getIntrospectionQuery({
        descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true,
        inputValueDeprecation: true, oneOf: true,
      });
    case 'introspect': {
      const built = buildSchema(request.schema);
      const client = buildClientSchema(request.introspection);
      const directives = (schema) => schema.getDirectives().map((d) => printSchema(new GraphQLSchema({ directives: [d] })).trim());
      const a = directives(built), b = directives(client);
      return {
        expected: typesOf(built), actual: typesOf(client),
        directivesEqual: JSON.stringify(a) === JSON.stringify(b), directives: { expected: a, actual: b },
        schemaEqual: printSchema(built) === printSchema(client),
        order: { expected: Object.keys(built.getTypeMap()).join(' '), actual: Object.keys(client.getTypeMap()).join(' ') },
      };
    }
    default:
      throw new Error('unknown mode ' + request.mode);
  }
}

process.stdout.write(JSON.stringify(await main()));
