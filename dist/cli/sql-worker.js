import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);

// src/engines/local/sql-worker.ts
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
var END_OF_JOB = "\0dtflw-end-of-job";
var SHOWN_ROWS = 20;
var duckdb;
var running;
var stopped = false;
async function importDuckDB(searchFrom) {
  try {
    return await import("@duckdb/node-api");
  } catch (first) {
    try {
      const require2 = createRequire(path.join(searchFrom, "package.json"));
      const entry = require2.resolve("@duckdb/node-api");
      return await import(pathToFileURL(entry).href);
    } catch {
      throw first;
    }
  }
}
function send(message) {
  process.send?.(message);
}
function firstLine(text) {
  const line = text.split("\n")[0];
  return line.length > 100 ? `${line.slice(0, 97)}\u2026` : line;
}
function renderRows(columns, rows) {
  const lines = [columns.join(" | ")];
  for (const row of rows.slice(0, SHOWN_ROWS)) {
    lines.push(row.map((v) => v === null ? "NULL" : String(v)).join(" | "));
  }
  if (rows.length > SHOWN_ROWS) lines.push("\u2026");
  return lines;
}
async function runJob(job) {
  const log = (line) => send({ type: "log", id: job.id, line });
  duckdb ??= importDuckDB(job.searchFrom);
  const { DuckDBInstance, ResultReturnType } = await duckdb;
  process.chdir(job.cwd);
  const instance = await DuckDBInstance.create(":memory:", {
    threads: String(job.threads)
  });
  const connection = await instance.connect();
  running = connection;
  try {
    for (const statement of job.setup) {
      try {
        await connection.run(statement);
      } catch (error) {
        return { phase: "setup", message: error.message, statement };
      }
    }
    for (const [index, statement] of job.statements.entries()) {
      if (stopped) return { phase: "statement", index, message: "interrupted" };
      if (statement.skip) {
        log(
          `line ${statement.line}: ${firstLine(statement.text)} (skipped: parameters come from the flow)`
        );
        continue;
      }
      const started = Date.now();
      try {
        const reader = await connection.streamAndReadUntil(
          statement.text,
          SHOWN_ROWS + 1
        );
        log(
          `line ${statement.line}: ${firstLine(statement.text)} (${Date.now() - started} ms)`
        );
        if (reader.returnType === ResultReturnType.QUERY_RESULT) {
          for (const row of renderRows(
            reader.columnNames(),
            reader.getRowsJson()
          )) {
            log(`  ${row}`);
          }
        }
      } catch (error) {
        return { phase: "statement", index, message: error.message };
      }
    }
    for (const output of job.exports) {
      if (stopped) return { phase: "export", message: "interrupted" };
      const found = await firstRelation(connection, output.candidates);
      if (!found) continue;
      try {
        await connection.run(output.copy.replace("{}", found));
      } catch (error) {
        return { phase: "export", message: error.message };
      }
    }
    return void 0;
  } finally {
    running = void 0;
    connection.closeSync();
    instance.closeSync();
  }
}
async function firstRelation(connection, candidates) {
  for (const relation of candidates) {
    try {
      await connection.run(`SELECT * FROM ${relation} LIMIT 0`);
      return relation;
    } catch {
      continue;
    }
  }
  return void 0;
}
process.on("message", (request) => {
  if (request.type === "interrupt") {
    stopped = true;
    running?.interrupt();
    return;
  }
  const { job } = request;
  stopped = false;
  void runJob(job).catch((error) => ({
    phase: "setup",
    message: error.message
  })).then((error) => {
    process.stdout.write(`${END_OF_JOB}
`);
    process.stderr.write(`${END_OF_JOB}
`);
    send({ type: "done", id: job.id, ...error ? { error } : {} });
  });
});
process.on("disconnect", () => process.exit(0));
