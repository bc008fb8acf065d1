-- Databricks notebook source
-- MAGIC %md
-- MAGIC # {{step}}
-- MAGIC `{{out}}`, a fact table of a star schema: the rows of `{{src}}` with
-- MAGIC the surrogate key of each dimension in place of its business key:
-- MAGIC {{dimensions_doc}}. A business key a dimension lacks gets -1. Each run
-- MAGIC rebuilds the table, so it always matches the dimensions' keys.

-- COMMAND ----------

{{widgets}}

-- COMMAND ----------

CREATE OR REPLACE TABLE IDENTIFIER(:{{out}}_out) AS
SELECT
  {{select}}
FROM IDENTIFIER(:{{src}}_in) AS f
{{joins}}
