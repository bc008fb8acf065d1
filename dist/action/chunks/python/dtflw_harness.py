"""Runs one notebook for dtflw's local engine.

`run_notebook(spec)` runs the cells of a notebook and returns
`{"exitValue": ...}` or `{"error": {...}}`. It is called in a process of its
own for every step (dtflw_worker.py forks one per step), so the module-level
state below belongs to one notebook. It:

- defines `dbutils` with `widgets` (`get`, `getArgument`, `text`, `dropdown`,
  `combobox`, `multiselect`, `remove`, `removeAll`, `getAll`) and
  `notebook.exit`, which ends the notebook and reports the value. Parameters
  win over widget defaults, as in a Databricks job; `removeAll` only clears
  defaults;
- defines `spark`, created on first use: PySpark when importable, else
  DuckDB's PySpark-compatible API (`duckdb.experimental.spark`) prepared with
  the step's views and sandbox, else an error naming what to install.
  Without PySpark, `import pyspark.sql...` is served by DuckDB's modules, so
  notebooks keep their `from pyspark.sql import functions as F`;
- runs the cells in order, compiled against the notebook's file and lines so
  tracebacks point into the notebook; `%sql` cells go to the DuckDB
  connection behind `spark` (statements bound by the engine) or to PySpark's
  `spark.sql(..., args=...)`;
- copies output tables the notebook created in DuckDB to their staging
  files.

The spec is the JSON the engine sends: notebook, parameters, spark, cells,
duckdb {threads, setup, sandbox}, exports.
"""

import builtins
import os
import sys
import traceback

SPEC = {}


class NotebookExit(BaseException):
    """Raised by dbutils.notebook.exit: ends the notebook, not an error."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


class InputWidgetNotDefined(Exception):
    pass


class _Widgets:
    def __init__(self, parameters):
        self._parameters = dict(parameters)
        self._defaults = {}

    def get(self, name):
        if name in self._parameters:
            return self._parameters[name]
        if name in self._defaults:
            return self._defaults[name]
        known = ", ".join(sorted(self._parameters)) or "(none)"
        raise InputWidgetNotDefined(
            "No input widget named %s is defined; the step's parameters are: %s" % (name, known)
        )

    def getArgument(self, name, defaultValue=None):
        try:
            return self.get(name)
        except InputWidgetNotDefined:
            return defaultValue

    def text(self, name, defaultValue="", label=None):
        self._defaults[name] = str(defaultValue)

    def dropdown(self, name, defaultValue, choices=None, label=None):
        self._defaults[name] = str(defaultValue)

    combobox = dropdown

    def multiselect(self, name, defaultValue, choices=None, label=None):
        self._defaults[name] = str(defaultValue)

    def remove(self, name):
        self._defaults.pop(name, None)

    def removeAll(self):
        self._defaults.clear()

    def getAll(self):
        return {**self._defaults, **self._parameters}


class _NotebookUtils:
    def exit(self, value=""):
        raise NotebookExit("" if value is None else str(value))

    def run(self, path, timeout_seconds=0, arguments=None):
        raise RuntimeError(
            "dbutils.notebook.run(%r) is not available in the local engine: "
            "make that notebook a step of the flow in dtflw.yaml" % (path,)
        )


class _DBUtils:
    def __init__(self, parameters):
        self.widgets = _Widgets(parameters)
        self.notebook = _NotebookUtils()

    def __getattr__(self, name):
        raise AttributeError(
            "dbutils.%s is not available in the local engine "
            "(it offers dbutils.widgets and dbutils.notebook)" % name
        )


_STATE = {"session": None, "kind": None, "alias": False}


def _quote_name(name):
    return ".".join('"%s"' % part.strip().strip(chr(96)).replace('"', '""') for part in name.split("."))


def _patch_duckdb_spark():
    """Fills the gaps of DuckDB's PySpark API that notebooks commonly hit:
    writer modes and formats, and qualified names (catalog.schema.table) in
    spark.table and saveAsTable."""
    from duckdb.experimental.spark.sql.dataframe import DataFrame
    from duckdb.experimental.spark.sql.readwriter import DataFrameWriter
    from duckdb.experimental.spark.sql.session import SparkSession

    if getattr(DataFrameWriter, "_dtflw", False):
        return
    original = DataFrameWriter.parquet

    def mode(self, saveMode):
        # Outputs go to a fresh staging path, so every mode writes anew.
        return self

    def fmt(self, source):
        self._dtflw_format = source
        return self

    def option(self, key, value):
        return self

    def options(self, **kwargs):
        return self

    def parquet(self, path, mode=None, partitionBy=None, compression=None):
        if partitionBy:
            raise NotImplementedError("partitionBy is not supported by the local engine")
        return original(self, path, compression=compression)

    def save(self, path=None, format=None, mode=None, **kwargs):
        kind = (format or getattr(self, "_dtflw_format", None) or "parquet").lower()
        if kind == "csv":
            return self.csv(path)
        if kind not in ("parquet", "delta"):
            raise NotImplementedError("format %r is not supported by the local engine" % kind)
        return self.parquet(path)

    def save_as_table(self, name, format=None, mode=None, **kwargs):
        connection = self.dataframe.session.conn
        connection.register("__dtflw_save", self.dataframe.relation)
        try:
            connection.execute("CREATE OR REPLACE TABLE %s AS SELECT * FROM __dtflw_save" % _quote_name(name))
        finally:
            connection.unregister("__dtflw_save")

    def table(self, name):
        return DataFrame(self.conn.sql("SELECT * FROM %s" % _quote_name(name)), self)

    DataFrameWriter.saveAsTable = save_as_table
    SparkSession.table = table
    DataFrameWriter.mode = mode
    DataFrameWriter.format = fmt
    DataFrameWriter.option = option
    DataFrameWriter.options = options
    DataFrameWriter.parquet = parquet
    DataFrameWriter.save = save
    DataFrameWriter._dtflw = True


def _create_spark():
    wanted = SPEC["spark"]
    tried = []
    if wanted in ("auto", "pyspark") and not _STATE.get("alias"):
        try:
            from pyspark.sql import SparkSession
        except ImportError as error:
            tried.append("pyspark (%s)" % error)
        else:
            _STATE["kind"] = "pyspark"
            return SparkSession.builder.master("local[*]").appName("dtflw").getOrCreate()
    if wanted in ("auto", "duckdb"):
        try:
            from duckdb.experimental.spark.sql import SparkSession
        except ImportError as error:
            tried.append("duckdb (%s)" % error)
        else:
            session = SparkSession.builder.getOrCreate()
            connection = session.conn
            connection.execute("SET threads = %d" % int(SPEC["duckdb"]["threads"]))
            for statement in SPEC["duckdb"]["setup"] + SPEC["duckdb"]["sandbox"]:
                connection.execute(statement)
            _patch_duckdb_spark()
            _STATE["kind"] = "duckdb"
            return session
    raise RuntimeError(
        "spark is not available to %s (tried %s): install DuckDB for Python "
        "(pip install duckdb) for a PySpark-compatible spark, or PySpark "
        "(pip install pyspark)" % (sys.executable, "; ".join(tried) or wanted)
    )


class _PysparkAlias:
    """Serves pyspark.* from duckdb.experimental.spark.* when PySpark is absent,
    so notebooks keep their "from pyspark.sql import functions as F"."""

    PREFIX = "duckdb.experimental.spark"

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "pyspark" and not fullname.startswith("pyspark."):
            return None
        import importlib.util

        try:
            found = importlib.util.find_spec(self.PREFIX + fullname[len("pyspark"):])
        except ImportError:
            found = None
        if found is None:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        import importlib

        module = importlib.import_module(self.PREFIX + spec.name[len("pyspark"):])
        # The import system renames the module after us; its own identity is
        # put back in exec_module, or its relative imports load second copies.
        self._identity = getattr(self, "_identity", {})
        self._identity[id(module)] = {
            key: getattr(module, key)
            for key in ("__name__", "__spec__", "__package__", "__loader__", "__path__", "__file__")
            if hasattr(module, key)
        }
        return module

    def exec_module(self, module):
        for key, value in self._identity.pop(id(module), {}).items():
            setattr(module, key, value)


def _install_pyspark_alias():
    import importlib.util

    if SPEC["spark"] == "pyspark":
        return
    if SPEC["spark"] == "auto" and importlib.util.find_spec("pyspark") is not None:
        return
    # First: the path finder would load a second copy of pyspark.sql from
    # the aliased package's __path__.
    sys.meta_path.insert(0, _PysparkAlias())
    _STATE["alias"] = True


def _session():
    if _STATE["session"] is None:
        _STATE["session"] = _create_spark()
    return _STATE["session"]


class _LazySpark:
    """Creates the session on first use, so notebooks without spark start fast."""

    def __getattr__(self, name):
        return getattr(_session(), name)

    def __repr__(self):
        return repr(_session())


def display(value, *args, **kwargs):
    show = getattr(value, "show", None)
    if callable(show):
        show()
    else:
        print(value)


def _run_sql_cell(cell):
    session = _session()
    if _STATE["kind"] == "duckdb":
        for statement in cell["statements"]:
            try:
                relation = session.conn.sql(statement["text"])
            except Exception as error:
                raise _SqlError(statement["fileLine"], error) from None
            if relation is not None:
                relation.show(max_rows=20)
    else:
        for statement in cell["rawStatements"]:
            try:
                session.sql(statement["text"], args=SPEC["parameters"]).show(20)
            except Exception as error:
                raise _SqlError(statement["fileLine"], error) from None


class _SqlError(Exception):
    def __init__(self, line, error):
        super().__init__("%s: %s" % (type(error).__name__, error))
        self.line = line


def _notebook_frames(error):
    return [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename == SPEC["notebook"]
    ]


def _describe(error):
    frames = _notebook_frames(error)
    if isinstance(error, _SqlError):
        line = error.line
        text = str(error)
        trace = text
    else:
        line = frames[-1].lineno if frames else None
        text = "".join(traceback.format_exception_only(type(error), error)).strip()
        trace = "Traceback (most recent call last):\n" + "".join(
            traceback.format_list(frames)
        ) + text
    return {"type": type(error).__name__, "message": text, "line": line, "traceback": trace}


def _export_outputs():
    if _STATE["kind"] != "duckdb":
        return
    connection = _STATE["session"].conn
    for output in SPEC["exports"]:
        if os.path.exists(output["staged"]):
            continue
        for relation in output["candidates"]:
            try:
                connection.execute("SELECT * FROM %s LIMIT 0" % relation)
            except Exception:
                continue
            connection.execute(output["copy"].replace("{}", relation))
            break


def run_notebook(spec):
    """Runs the notebook of `spec`; returns {"exitValue": v} or {"error": e}."""
    global SPEC
    SPEC = spec
    _STATE.update({"session": None, "kind": None, "alias": False})
    _install_pyspark_alias()
    dbutils = _DBUtils(SPEC["parameters"])
    scope = {
        "__name__": "__main__",
        "__builtins__": builtins,
        "dbutils": dbutils,
        "spark": _LazySpark(),
        "display": display,
    }
    result = {}
    try:
        for cell in SPEC["cells"]:
            if cell["kind"] == "python":
                code = compile("\n" * (cell["fileLine"] - 1) + cell["source"], SPEC["notebook"], "exec")
                exec(code, scope)
            elif cell["kind"] == "sql":
                _run_sql_cell(cell)
    except NotebookExit as done:
        result["exitValue"] = done.value
    except SystemExit as done:
        if done.code not in (None, 0):
            result["error"] = {
                "type": "SystemExit",
                "message": "the notebook called sys.exit(%r)" % (done.code,),
                "line": None,
                "traceback": "",
            }
    except BaseException as error:
        result["error"] = _describe(error)
        print(result["error"]["traceback"], file=sys.stderr)
    if "error" not in result:
        try:
            _export_outputs()
        except Exception as error:
            result["error"] = _describe(error)
    _close_session()
    return result


def _close_session():
    """Closes this step's DuckDB connection: the worker runs the next step
    with a connection of its own."""
    if _STATE["kind"] == "duckdb":
        try:
            _STATE["session"].conn.close()
        except Exception:
            pass
    _STATE.update({"session": None, "kind": None})
