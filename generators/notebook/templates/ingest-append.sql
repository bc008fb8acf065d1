-- Databricks notebook source
-- MAGIC %md
-- MAGIC # {{step}}
-- MAGIC Appends `{{src}}` to `{{out}}`: each run adds the rows of `{{src}}`
-- MAGIC that `{{out}}` does not hold yet, matched on {{matched_on}}, so
-- MAGIC re-running the same batch adds nothing. The step lists `{{out}}` as its
-- MAGIC input and its output (dtflw's read-and-rewrite rule): the table keeps
-- MAGIC what earlier runs appended.

-- COMMAND ----------

{{widgets}}

-- COMMAND ----------

-- The first run creates the table, with the columns of the source.
CREATE TABLE IF NOT EXISTS IDENTIFIER(:{{out}}_out) AS
SELECT
  {{columns}}
FROM IDENTIFIER(:{{src}}_in)
WHERE 1 = 0;

INSERT INTO IDENTIFIER(:{{out}}_out)
SELECT DISTINCT
  {{source_columns}}
FROM IDENTIFIER(:{{src}}_in) AS s
WHERE NOT EXISTS (
  SELECT 1
  FROM IDENTIFIER(:{{out}}_out) AS t
  WHERE {{match}}
)
