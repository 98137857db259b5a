// Lints Cypher with Neo4j's own language support. Reads a JSON array of
// {name, text, parameters} on stdin (parameters: name -> sample value, so the linter knows them as
// declared) and prints, for each, the diagnostics it reported: [{name, diagnostics: [{severity, line,
// column, message}]}]. Severity 1 is an error, 2 a warning.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const inputs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = inputs.map(({ name, text, parameters }) => {
  const { diagnostics } = lintCypherQuery(text, { parameters });
  return {
    name,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      message: d.message,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
