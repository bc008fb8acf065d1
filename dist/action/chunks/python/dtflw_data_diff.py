# Databricks notebook source
# dtflw's data diff, one task of a preview's run: each table the run wrote
# is compared with the same table in the environment the change will reach,
# and the result is this task's exit value, which dtflw reads. Written and
# deployed by dtflw; an edit here is replaced by the next deploy.
#
# The SQL is the one dtflw runs in DuckDB on the local engine (src/diff/
# query.ts): a test renders both for the same tables and compares them.
import json
import time

SIDE = "__dtflw_side"


def quote(dialect, name):
    if dialect == "duckdb":
        return '"' + name.replace('"', '""') + '"'
    return "`" + name.replace("`", "``") + "`"


def count_query(relation):
    return "SELECT count(*) AS n FROM %s" % relation


MASK_BITS = 30


def keyed_query(dialect, base, head, key, columns):
    """columns: [{"name": ..., "asText": bool}] both sides have, but the key.

    As src/diff/query.ts renders it: the join labels each row once (kind:
    0 both sides, 1 only the head, 2 only the base; the columns that differ
    as bits of masks), rows are grouped by label and the groups folded into
    the counts. An equality join: a NULL key matches nothing.
    """

    def q(n):
        return quote(dialect, n)

    side = q(SIDE)

    def hash_of(expr):
        return ("hash(%s)" if dialect == "duckdb" else "xxhash64(%s)") % expr

    picked = [q(k) for k in key] + [
        "%s AS %s" % (hash_of(q(c["name"])), q(c["name"])) if c.get("hashed") else q(c["name"]) for c in columns
    ]

    def project(relation):
        return "SELECT %s FROM %s" % (", ".join(picked + ["1 AS %s" % side]), relation)

    on = " AND ".join("b.%s = h.%s" % (q(k), q(k)) for k in key)

    def text(expr):
        return "CAST(%s AS STRING)" % expr

    def differs(c):
        b, h = "b.%s" % q(c["name"]), "h.%s" % q(c["name"])
        if c["asText"]:
            return "%s IS DISTINCT FROM %s" % (text(b), text(h))
        return "%s IS DISTINCT FROM %s" % (b, h)

    masks = [columns[m : m + MASK_BITS] for m in range(0, len(columns), MASK_BITS)] or [[]]

    def mask_sum(cols):
        if not cols:
            return "0"
        return " + ".join("CASE WHEN %s THEN %d ELSE 0 END" % (differs(c), 2**i) for i, c in enumerate(cols))

    def key_text(alias):
        if len(key) == 1:
            return "%s.%s" % (alias, q(key[0]))
        return " || '|' || ".join("COALESCE(%s, 'null')" % text("%s.%s" % (alias, q(k))) for k in key)

    mask_names = ["mask_%d" % m for m in range(len(masks))]
    labelled = (
        ["CASE WHEN b.%s IS NULL THEN 1 WHEN h.%s IS NULL THEN 2 ELSE 0 END AS kind" % (side, side)]
        + [
            "CASE WHEN b.%s IS NULL OR h.%s IS NULL THEN 0 ELSE %s END AS mask_%d" % (side, side, mask_sum(cols), m)
            for m, cols in enumerate(masks)
        ]
        + ["CASE WHEN b.%s IS NULL THEN %s ELSE %s END AS k" % (side, key_text("h"), key_text("b"))]
    )
    changed = "(%s)" % " OR ".join("%s <> 0" % m for m in mask_names)

    def total(condition, alias):
        return "SUM(CASE WHEN %s THEN n ELSE 0 END) AS %s" % (condition, alias)

    def bit(i):
        return "(mask_%d & %d) <> 0" % (i // MASK_BITS, 2 ** (i % MASK_BITS))

    def example(condition, alias):
        out = []
        for fn, of in (("MIN", "lo"), ("MAX", "hi")):
            value = "%s(CASE WHEN %s THEN %s END)" % (fn, condition, of)
            end = "%s_%s" % (alias, fn.lower())
            out.append("%s AS %s" % (text(value) if len(key) == 1 else value, end))
        return out

    select = (
        [
            total("kind = 1", "added"),
            total("kind = 2", "removed"),
            total("kind = 0 AND %s" % changed, "changed"),
            total("kind = 0", "matched"),
            total("kind <> 1", "base_rows"),
            total("kind <> 2", "head_rows"),
        ]
        + [total("kind = 0 AND %s" % bit(i), "c_%d" % i) for i in range(len(columns))]
        + example("kind = 1", "added")
        + example("kind = 2", "removed")
        + example("kind = 0 AND %s" % changed, "changed")
    )
    groups = ", ".join(["kind"] + mask_names)
    return "\n".join(
        [
            "SELECT",
            "  " + ",\n  ".join(select),
            "FROM (",
            "  SELECT %s, COUNT(*) AS n, MIN(k) AS lo, MAX(k) AS hi" % groups,
            "  FROM (",
            "    SELECT %s" % ", ".join(labelled),
            "    FROM (%s) AS b" % project(base),
            "    FULL OUTER JOIN (%s) AS h" % project(head),
            "      ON %s" % on,
            "  ) AS labelled",
            "  GROUP BY %s" % groups,
            ") AS grouped",
        ]
    )


def _norm(t):
    return "".join(t.lower().split())


def diff_columns(base, head):
    """base, head: [{"name", "type"}] → added, removed, retyped (names without case)."""

    def find(cols, name):
        for c in cols:
            if c["name"].lower() == name.lower():
                return c
        return None

    retyped = []
    for h in head:
        b = find(base, h["name"])
        if b and _norm(b["type"]) != _norm(h["type"]):
            retyped.append({"name": h["name"], "from": b["type"], "to": h["type"]})
    return {
        "added": [h for h in head if not find(base, h["name"])],
        "removed": [b for b in base if not find(head, b["name"])],
        "retyped": retyped,
    }


def compared_columns(base, head, key):
    keys = {k.lower() for k in key}
    out = []
    for h in head:
        if h["name"].lower() in keys:
            continue
        b = next((c for c in base if c["name"].lower() == h["name"].lower()), None)
        if b is None:
            continue
        as_text = (
            _norm(b["type"]) != _norm(h["type"])
            or _norm(h["type"]).startswith("map<")
            or _norm(b["type"]).startswith("map<")
        )
        column = {"name": h["name"], "asText": as_text}
        if not as_text and _norm(h["type"]) == "string":
            column["hashed"] = True
        out.append(column)
    return out


def read_keyed(key, columns, row, rows):
    def num(v):
        return 0 if v is None else int(v)

    def examples(kind):
        out = []
        for end in ("min", "max"):
            v = row.get("%s_%s" % (kind, end))
            if v is not None and str(v) not in out:
                out.append(str(v))
        return out

    by_column = {}
    for i, c in enumerate(columns):
        n = num(row.get("c_%d" % i))
        if n > 0:
            by_column[c["name"]] = n
    result = {
        "key": list(key),
        "added": num(row.get("added")),
        "removed": num(row.get("removed")),
        "changed": num(row.get("changed")),
        "unchanged": num(row.get("matched")) - num(row.get("changed")),
        "byColumn": by_column,
        "examples": {k: examples(k) for k in ("added", "removed", "changed")},
    }
    if num(row.get("base_rows")) != rows["base"] or num(row.get("head_rows")) != rows["head"]:
        result["duplicateKeys"] = True
    return result


def missing_key(columns, key):
    """The key columns a side lacks (names without case, as Spark)."""
    return [k for k in key if not any(c["name"].lower() == k.lower() for c in columns)]


def first_line(text):
    """One line of at most 300 characters, as dtflw reports a reason."""
    line = str(text).split("\n")[0]
    return line[:297] + "\u2026" if len(line) > 300 else line


def out_of_time(timeout_ms):
    """The reason of a table not begun before the budget ran out."""
    return "the diff's time budget of %d s (diff.timeout_seconds) ran out before this table" % int(
        timeout_ms / 1000.0 + 0.5
    )


def compare_tables(run_sql, describe, exists, dialect, plan, clock=time.monotonic):
    """Each table of the plan in turn, as src/diff/compare.ts does: no new
    table is begun once plan["timeoutMs"] is spent, and one table's
    failure is that table's. dtflw orders the result."""
    started = clock()
    tables = []
    for spec in plan["tables"]:
        where = {"table": spec["table"], "head": spec["head"], "base": spec["base"]}
        if (clock() - started) * 1000 > plan["timeoutMs"]:
            tables.append(dict(where, status="not-compared", reason=out_of_time(plan["timeoutMs"])))
            continue
        try:
            tables.append(compare_table(run_sql, describe, exists, dialect, spec, plan["maxRows"]))
        except Exception as error:  # one table's failure is that table's
            tables.append(dict(where, status="not-compared", reason=first_line(error)))
    return {"against": plan["against"], "tables": tables}


def compare_table(run_sql, describe, exists, dialect, spec, max_rows):
    """One table: spec {"table", "base", "head", "key"}; run_sql(sql) → [dict]."""
    out = {"table": spec["table"], "head": spec["head"], "base": spec["base"]}
    head_cols = describe(spec["head"])
    head_rows = int(run_sql(count_query(spec["head"]))[0]["n"])
    if not exists(spec["base"], spec.get("baseKind", "table")):
        out.update({"status": "new-table", "rows": {"head": head_rows}})
        return out
    base_cols = describe(spec["base"])
    base_rows = int(run_sql(count_query(spec["base"]))[0]["n"])
    out.update(
        {
            "status": "compared",
            "rows": {"base": base_rows, "head": head_rows},
            "columns": diff_columns(base_cols, head_cols),
        }
    )
    key = spec.get("key") or []
    if not key:
        return out
    # Each side must have the whole key (src/diff/compare.ts says the same).
    missing = []
    for k in missing_key(base_cols, key) + missing_key(head_cols, key):
        if k not in missing:
            missing.append(k)
    if missing:
        out["reason"] = "the key column %s is missing, so rows were not matched by key" % ", ".join(missing)
        return out
    if base_rows + head_rows > max_rows:
        out["reason"] = "%d rows, over the budget of %d (diff.max_rows): rows were not matched by key" % (
            base_rows + head_rows,
            max_rows,
        )
        return out
    columns = compared_columns(base_cols, head_cols, key)
    row = run_sql(keyed_query(dialect, spec["base"], spec["head"], key, columns))[0]
    out["keyed"] = read_keyed(key, columns, row, {"base": base_rows, "head": head_rows})
    return out


# What Spark says when a path holds no table (Delta, then file sources).
MISSING_PATH = (
    "PATH_NOT_FOUND",
    "Path does not exist",
    "DELTA_MISSING_DELTA_TABLE",
    "DELTA_TABLE_NOT_FOUND",
    "is not a Delta table",
)


def main(spark, dbutils):
    plan = json.loads(dbutils.widgets.get("plan"))

    def run_sql(sql):
        return [r.asDict() for r in spark.sql(sql).collect()]

    def describe(relation):
        # Resolving the query reads the schema only; nothing runs.
        schema = spark.sql("SELECT * FROM %s" % relation).schema
        return [{"name": f.name, "type": f.dataType.simpleString()} for f in schema]

    def exists(relation, kind):
        if kind == "table":
            return spark.catalog.tableExists(relation)
        try:
            spark.sql("SELECT * FROM %s" % relation).schema
            return True
        except Exception as error:
            if any(m in str(error) for m in MISSING_PATH):
                return False
            raise

    result = compare_tables(run_sql, describe, exists, "databricks", plan)
    dbutils.notebook.exit(json.dumps(result))


# COMMAND ----------

# On Databricks the notebook's globals hold spark and dbutils; imported by
# a test, it does nothing.
if "dbutils" in globals():
    main(globals()["spark"], globals()["dbutils"])
