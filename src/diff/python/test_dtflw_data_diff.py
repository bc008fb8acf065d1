"""The data diff task's comparison, run in DuckDB over two versions of a
table and checked against hand-written queries over the same rows."""

import unittest

import duckdb

import dtflw_data_diff as diff


class CompareTable(unittest.TestCase):
    def setUp(self):
        self.db = duckdb.connect(":memory:")
        self.db.execute(
            """
            CREATE TABLE base AS
            SELECT i AS id, 'n' || i AS name, i * 2 AS score FROM range(1, 101) t(i)
            """
        )
        self.db.execute(
            """
            CREATE TABLE head AS
            SELECT id, name, CASE WHEN id % 5 = 0 THEN score + 1 ELSE score END AS score,
                   'x' AS extra
            FROM base WHERE id % 10 <> 3
            UNION ALL SELECT 500, 'new', 1, 'x'
            """
        )

    def run_sql(self, sql):
        cursor = self.db.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def describe(self, relation):
        return [{"name": r["column_name"], "type": r["column_type"].lower()} for r in self.run_sql("DESCRIBE %s" % relation)]

    def exists(self, relation, kind="table"):
        return bool(self.run_sql("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '%s'" % relation)[0]["n"])

    def one(self, sql):
        return self.run_sql(sql)[0]["n"]

    def test_counts_match_hand_written_queries(self):
        spec = {"table": "t", "base": "base", "head": "head", "key": ["id"]}
        out = diff.compare_table(self.run_sql, self.describe, self.exists, "duckdb", spec, 10**9)
        keyed = out["keyed"]
        self.assertEqual(out["status"], "compared")
        self.assertEqual(keyed["added"], self.one("SELECT count(*) AS n FROM head WHERE id NOT IN (SELECT id FROM base)"))
        self.assertEqual(keyed["removed"], self.one("SELECT count(*) AS n FROM base WHERE id NOT IN (SELECT id FROM head)"))
        changed = self.one("SELECT count(*) AS n FROM base b JOIN head h USING (id) WHERE b.score <> h.score")
        self.assertEqual(keyed["changed"], changed)
        self.assertEqual(keyed["byColumn"], {"score": changed})
        self.assertEqual(out["columns"]["added"], [{"name": "extra", "type": "varchar"}])

    def test_new_table_and_budget(self):
        spec = {"table": "t", "base": "nowhere", "head": "head", "key": ["id"]}
        out = diff.compare_table(self.run_sql, self.describe, self.exists, "duckdb", spec, 10)
        self.assertEqual(out["status"], "new-table")
        spec["base"] = "base"
        out = diff.compare_table(self.run_sql, self.describe, self.exists, "duckdb", spec, 10)
        self.assertNotIn("keyed", out)
        self.assertIn("over the budget of 10", out["reason"])

    def test_a_key_column_missing_on_one_side_is_named(self):
        self.db.execute("CREATE TABLE head2 AS SELECT id AS order_id, name, score FROM head")
        spec = {"table": "t", "base": "base", "head": "head2", "key": ["id"]}
        out = diff.compare_table(self.run_sql, self.describe, self.exists, "duckdb", spec, 10**9)
        self.assertEqual(out["status"], "compared")
        self.assertNotIn("keyed", out)
        self.assertEqual(out["reason"], "the key column id is missing, so rows were not matched by key")

    def test_tables_not_begun_within_the_budget_are_not_compared(self):
        ticks = iter([0.0, 0.0, 2.5, 2.6])
        plan = {
            "against": "test",
            "maxRows": 10**9,
            "timeoutMs": 2000,
            "tables": [
                {"table": "first", "base": "base", "head": "head", "key": ["id"]},
                {"table": "second", "base": "base", "head": "head", "key": ["id"]},
            ],
        }
        out = diff.compare_tables(self.run_sql, self.describe, self.exists, "duckdb", plan, clock=lambda: next(ticks))
        self.assertEqual([t["status"] for t in out["tables"]], ["compared", "not-compared"])
        self.assertEqual(
            out["tables"][1]["reason"],
            "the diff's time budget of 2 s (diff.timeout_seconds) ran out before this table",
        )

    def test_one_failing_table_leaves_the_others(self):
        plan = {
            "against": "test",
            "maxRows": 10**9,
            "timeoutMs": 60000,
            "tables": [
                {"table": "gone", "base": "base", "head": "no_such_table", "key": []},
                {"table": "t", "base": "base", "head": "head", "key": []},
            ],
        }
        out = diff.compare_tables(self.run_sql, self.describe, self.exists, "duckdb", plan)
        self.assertEqual(out["tables"][0]["status"], "not-compared")
        self.assertIn("no_such_table", out["tables"][0]["reason"])
        self.assertEqual(out["tables"][1]["rows"], {"base": 100, "head": 91})


if __name__ == "__main__":
    unittest.main()
