-- Databricks notebook source
-- MAGIC %md
-- MAGIC # {{step}}
-- MAGIC `{{out}}`, a dimension of a star schema: one row per `{{key}}` of
-- MAGIC `{{src}}`, with a surrogate key `{{sk}}` that facts join on. A member
-- MAGIC keeps its surrogate key from run to run and its other columns take the
-- MAGIC latest values (type 1); new members get the next keys, in `{{key}}`
-- MAGIC order. Facts use -1 for a key the dimension lacks. The step lists
-- MAGIC `{{out}}` as its input and its output (dtflw's read-and-rewrite rule),
-- MAGIC so the keys stay stable.

-- COMMAND ----------

{{widgets}}

-- COMMAND ----------

-- The first run creates the table: the surrogate key, then the source's columns.
CREATE TABLE IF NOT EXISTS IDENTIFIER(:{{out}}_out) AS
SELECT
  CAST(NULL AS BIGINT) AS {{sk}},
  {{columns}}
FROM IDENTIFIER(:{{src}}_in)
WHERE 1 = 0;

MERGE INTO IDENTIFIER(:{{out}}_out) AS d
USING IDENTIFIER(:{{src}}_in) AS s
ON d.{{key}} = s.{{key}}
WHEN MATCHED AND ({{changed_d}}) THEN
  UPDATE SET {{update_set}};

INSERT INTO IDENTIFIER(:{{out}}_out)
SELECT
  m.top + ROW_NUMBER() OVER (ORDER BY s.{{key}}) AS {{sk}},
  {{source_columns}}
FROM IDENTIFIER(:{{src}}_in) AS s
CROSS JOIN (
  SELECT COALESCE(MAX({{sk}}), 0) AS top FROM IDENTIFIER(:{{out}}_out)
) AS m
WHERE NOT EXISTS (
  SELECT 1 FROM IDENTIFIER(:{{out}}_out) AS d WHERE d.{{key}} = s.{{key}}
)
