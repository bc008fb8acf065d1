"""Unit tests of dtflw_harness: python3 -m unittest discover -s src/engines/local/python"""

import importlib.util
import io
import unittest
from contextlib import redirect_stderr, redirect_stdout

import dtflw_harness


def spec(*cells, parameters=None, spark="duckdb"):
    return {
        "notebook": "notebooks/nb.py",
        "parameters": parameters or {},
        "spark": spark,
        "cells": list(cells),
        "duckdb": {"threads": 1, "setup": [], "sandbox": []},
        "exports": [],
    }


def python(source, line=2):
    return {"kind": "python", "source": source, "fileLine": line}


def run(s):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        result = dtflw_harness.run_notebook(s)
    return result, out.getvalue(), err.getvalue()


def has_duckdb():
    return importlib.util.find_spec("duckdb") is not None


class WidgetsTest(unittest.TestCase):
    def test_parameters_win_over_defaults_and_remove_all_clears_defaults(self):
        widgets = dtflw_harness._Widgets({"year": "2022"})
        widgets.text("year", "1999")
        widgets.dropdown("mode", "full", ["full", "delta"])
        self.assertEqual(widgets.get("year"), "2022")
        self.assertEqual(widgets.get("mode"), "full")
        self.assertEqual(widgets.getAll(), {"year": "2022", "mode": "full"})
        widgets.removeAll()
        self.assertEqual(widgets.getArgument("mode", "fallback"), "fallback")
        self.assertEqual(widgets.get("year"), "2022")

    def test_an_unknown_widget_names_the_parameters(self):
        widgets = dtflw_harness._Widgets({"b_in": "x", "a_out": "y"})
        with self.assertRaisesRegex(dtflw_harness.InputWidgetNotDefined, "parameters are: a_out, b_in"):
            widgets.get("nope")


class RunNotebookTest(unittest.TestCase):
    def test_exit_value_ends_the_notebook(self):
        result, out, _ = run(
            spec(
                python('print("year", dbutils.widgets.get("year"))\ndbutils.notebook.exit("done")\nraise RuntimeError("not reached")'),
                parameters={"year": "2022"},
            )
        )
        self.assertEqual(result, {"exitValue": "done"})
        self.assertEqual(out, "year 2022\n")

    def test_an_error_points_at_the_notebook_line(self):
        result, _, err = run(spec(python("x = 1\n\ndef f():\n    raise ValueError('bad')\n\nf()", line=5)))
        self.assertEqual(result["error"]["type"], "ValueError")
        self.assertEqual(result["error"]["line"], 8)
        self.assertEqual(result["error"]["message"], "ValueError: bad")
        self.assertIn('File "notebooks/nb.py", line 10, in <module>', result["error"]["traceback"])
        self.assertIn("ValueError: bad", err)

    def test_sys_exit_zero_is_success_and_non_zero_is_an_error(self):
        self.assertEqual(run(spec(python("import sys\nsys.exit(0)")))[0], {})
        result = run(spec(python("import sys\nsys.exit(3)")))[0]
        self.assertEqual(result["error"]["message"], "the notebook called sys.exit(3)")

    def test_each_run_gets_a_fresh_namespace(self):
        run(spec(python("leaked = 1")))
        result = run(spec(python("assert 'leaked' not in globals()")))[0]
        self.assertEqual(result, {})

    def test_dbutils_offers_only_widgets_and_notebook(self):
        result = run(spec(python("dbutils.fs.ls('/')")))[0]
        self.assertIn("dbutils.fs is not available in the local engine", result["error"]["message"])

    @unittest.skipUnless(has_duckdb(), "DuckDB for Python is not installed")
    def test_sql_cells_run_on_the_duckdb_spark(self):
        result, out, _ = run(
            spec(
                {"kind": "sql", "statements": [{"text": "SELECT 41 + 1 AS answer", "fileLine": 3}], "rawStatements": []},
            )
        )
        self.assertEqual(result, {})
        self.assertIn("42", out)

    @unittest.skipUnless(has_duckdb(), "DuckDB for Python is not installed")
    def test_a_sql_error_names_its_line(self):
        result = run(
            spec(
                {"kind": "sql", "statements": [{"text": "SELECT * FROM nowhere", "fileLine": 7}], "rawStatements": []},
            )
        )[0]
        self.assertEqual(result["error"]["line"], 7)
        self.assertIn("nowhere", result["error"]["message"])


if __name__ == "__main__":
    unittest.main()
