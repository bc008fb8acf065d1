-- Databricks notebook source
-- MAGIC %md
-- MAGIC # {{step}}
-- MAGIC `{{src}}` rolled up by {{by_doc}}: one row per {{by_doc}}, with the
-- MAGIC number of rows{{measures_doc}}. A period (day, week, month, quarter,
-- MAGIC year) is the date it starts on. Each run rebuilds the table.

-- COMMAND ----------

{{widgets}}

-- COMMAND ----------

CREATE OR REPLACE TABLE IDENTIFIER(:{{out}}_out) AS
SELECT
  {{select}}
FROM IDENTIFIER(:{{src}}_in)
GROUP BY
  {{group_by}}
