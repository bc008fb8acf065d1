-- Databricks notebook source
-- MAGIC %md
-- MAGIC # {{step}}
-- MAGIC Copies `{{src}}` into `{{out}}`, overwriting: each run replaces the
-- MAGIC copy with the rows `{{src}}` holds now, so a re-run is safe. Cast or
-- MAGIC rename the columns here; keep to SQL that Databricks and DuckDB both
-- MAGIC accept, so the step also runs on your laptop.

-- COMMAND ----------

{{widgets}}

-- COMMAND ----------

CREATE OR REPLACE TABLE IDENTIFIER(:{{out}}_out) AS
SELECT
  {{columns}}
FROM IDENTIFIER(:{{src}}_in)
