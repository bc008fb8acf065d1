import { spawnSync } from 'node:child_process'
import type { TaskBehaviour } from './types.js'

/**
 * A cluster's Python for the loopback workspace: runs a deployed notebook
 * with python3, where `spark` is DuckDB (each catalog a DuckDB file,
 * attached read-only under the catalog's name; Spark's backquoted names
 * read as DuckDB's quoted ones, its types named as Spark names them) and
 * `dbutils` holds the task's widgets and records `notebook.exit`. Only
 * what dtflw's own notebooks use is there: `spark.sql(...)` with
 * `.schema` and `.collect()`, `spark.catalog.tableExists`.
 */
const DRIVER = String.raw`
import json, re, sys, traceback
import duckdb

req = json.load(sys.stdin)
db = duckdb.connect(":memory:")
for name, file in req["catalogs"].items():
    db.execute("ATTACH '%s' AS \"%s\" (READ_ONLY)" % (file.replace("'", "''"), name))

QUOTED = re.compile(r"${'`'}((?:[^${'`'}]|${'`'}${'`'})*)${'`'}")


def duck(sql):
    return QUOTED.sub(lambda m: '"' + m.group(1).replace("${'`'}${'`'}", "${'`'}").replace('"', '""') + '"', sql)


NAMES = {"VARCHAR": "string", "BIGINT": "bigint", "INTEGER": "int", "DOUBLE": "double",
         "BOOLEAN": "boolean", "DATE": "date", "TIMESTAMP": "timestamp", "FLOAT": "float",
         "SMALLINT": "smallint", "TINYINT": "tinyint", "HUGEINT": "decimal(38,0)"}


class DataType:
    def __init__(self, duck_type):
        t = str(duck_type).upper()
        self.name = t.lower() if t.startswith("DECIMAL") else NAMES.get(t, t.lower())

    def simpleString(self):
        return self.name


class Field:
    def __init__(self, name, duck_type):
        self.name = name
        self.dataType = DataType(duck_type)


class Row(dict):
    def asDict(self):
        return dict(self)


class Frame:
    def __init__(self, sql):
        self.rel = db.sql(duck(sql))

    @property
    def schema(self):
        return [Field(n, t) for n, t in zip(self.rel.columns, self.rel.types)]

    def collect(self):
        return [Row(zip(self.rel.columns, r)) for r in self.rel.fetchall()]


class Catalog:
    def tableExists(self, name):
        parts = [p[1:-1].replace("${'`'}${'`'}", "${'`'}") if p.startswith("${'`'}") else p
                 for p in re.findall(r"${'`'}(?:[^${'`'}]|${'`'}${'`'})*${'`'}|[^.]+", name)]
        n = db.execute(
            "SELECT count(*) FROM information_schema.tables"
            " WHERE table_catalog = ? AND table_schema = ? AND table_name = ?",
            parts,
        ).fetchone()[0]
        return n > 0


class Spark:
    catalog = Catalog()

    def sql(self, sql):
        return Frame(sql)


class Exit(Exception):
    pass


class Widgets:
    def get(self, name):
        if name not in req["widgets"]:
            raise Exception("InputWidgetNotDefined: No input widget named %s is defined" % name)
        return req["widgets"][name]


class Notebook:
    def exit(self, value):
        raise Exit(value)


class DBUtils:
    widgets = Widgets()
    notebook = Notebook()


scope = {"spark": Spark(), "dbutils": DBUtils(), "__name__": "__main__"}
try:
    exec(compile(req["source"], "notebook", "exec"), scope)
    out = {}
except Exit as done:
    out = {"exit": str(done.args[0])}
except Exception as error:
    out = {"error": "%s: %s" % (type(error).__name__, error), "trace": traceback.format_exc()}
sys.stdout.write(json.dumps(out))
`

/**
 * What a task running `source` does: its exit value, or its failure with
 * the Python error and trace, as `runs/get-output` would show them.
 * Synchronous, because the loopback workspace decides a task's outcome
 * when it starts it.
 */
export function runPythonNotebook(
  source: string,
  widgets: Readonly<Record<string, string>>,
  catalogs: Readonly<Record<string, string>>
): TaskBehaviour {
  const ran = spawnSync('python3', ['-c', DRIVER], {
    input: JSON.stringify({ source, widgets, catalogs }),
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    maxBuffer: 64 * 1024 * 1024
  })
  if (ran.status !== 0)
    return {
      outcome: 'failure',
      error: `python3 failed: ${(ran.stderr || String(ran.error)).trim().split('\n').pop()}`,
      errorTrace: ran.stderr
    }
  const out = JSON.parse(ran.stdout) as {
    exit?: string
    error?: string
    trace?: string
  }
  if (out.error !== undefined)
    return { outcome: 'failure', error: out.error, errorTrace: out.trace }
  return out.exit === undefined ? {} : { exitValue: out.exit }
}

/**
 * Writes DuckDB files that `runPythonNotebook` attaches as catalogs:
 * `statements` run in order on a connection where each file is attached
 * under its catalog's name (`CREATE SCHEMA cat.s`, `CREATE TABLE cat.s.t
 * AS …`).
 */
export function writeDuckCatalogs(
  catalogs: Readonly<Record<string, string>>,
  statements: readonly string[]
): void {
  const script = [
    'import duckdb, json, sys',
    'req = json.load(sys.stdin)',
    'db = duckdb.connect(":memory:")',
    'for name, file in req["catalogs"].items():',
    `    db.execute("ATTACH '%s' AS \\"%s\\"" % (file.replace("'", "''"), name))`,
    'for sql in req["statements"]:',
    '    db.execute(sql)',
    'db.close()'
  ].join('\n')
  const ran = spawnSync('python3', ['-c', script], {
    input: JSON.stringify({ catalogs, statements }),
    encoding: 'utf8'
  })
  if (ran.status !== 0)
    throw new Error(`could not write the DuckDB catalogs: ${ran.stderr}`)
}
