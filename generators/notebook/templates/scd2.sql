-- Databricks notebook source
-- MAGIC %md
-- MAGIC # {{step}}
-- MAGIC Keeps the history of `{{src}}` in `{{out}}`, a slowly changing
-- MAGIC dimension of type 2: one row per version of each `{{key}}`, with
-- MAGIC `valid_from`, `valid_to` (empty while current) and `is_current`. When a
-- MAGIC tracked column changes, the current version is closed and a new one
-- MAGIC opened; a key new to `{{src}}` opens its first version. Keys missing
-- MAGIC from `{{src}}` stay as they are (uncomment the last clause to close
-- MAGIC them).
-- MAGIC
-- MAGIC `as_of` is when the changes took effect; empty means the time of the
-- MAGIC run. The step passes `$AS_OF` (`AS_OF=2024-03-31 npx dtflw run …`
-- MAGIC backfills). The step lists `{{out}}` as its input and its output
-- MAGIC (dtflw's read-and-rewrite rule), so the history is kept from run to
-- MAGIC run.

-- COMMAND ----------

{{widgets}}

-- COMMAND ----------

-- The first run creates the table: the columns of the source, then validity.
CREATE TABLE IF NOT EXISTS IDENTIFIER(:{{out}}_out) AS
SELECT
  {{columns}},
  CAST(NULL AS TIMESTAMP) AS valid_from,
  CAST(NULL AS TIMESTAMP) AS valid_to,
  CAST(NULL AS BOOLEAN) AS is_current
FROM IDENTIFIER(:{{src}}_in)
WHERE 1 = 0;

-- One row per key in the source, or the history would open two current
-- versions of it (Databricks' MERGE refuses such a source; this says why).
SELECT raise_error(concat(
  '{{key}} is not unique in {{src}}: ', CAST(dup.{{key}} AS STRING), ' is in ',
  CAST(dup.n AS STRING), ' rows; keep one row per {{key}} (the latest) before this step.'
))
FROM (
  SELECT s.{{key}}, COUNT(*) AS n
  FROM IDENTIFIER(:{{src}}_in) AS s
  GROUP BY s.{{key}}
  HAVING COUNT(*) > 1
  LIMIT 1
) AS dup;

MERGE INTO IDENTIFIER(:{{out}}_out) AS d
USING (
  SELECT
    x.*,
    COALESCE(
      CAST(NULLIF(:as_of, '') AS TIMESTAMP),
      CAST(current_timestamp AS TIMESTAMP)
    ) AS changed_at
  FROM (
    -- Every row of the source, keyed: it meets its key's current version.
    SELECT
      s.{{key}} AS merge_key,
      {{source_columns}}
    FROM IDENTIFIER(:{{src}}_in) AS s
    UNION ALL
    -- Rows that changed, once more without a key: they meet nothing, so
    -- they are inserted as the new current version.
    SELECT
      NULL AS merge_key,
      {{source_columns}}
    FROM IDENTIFIER(:{{src}}_in) AS s
    JOIN IDENTIFIER(:{{out}}_out) AS c
      ON c.{{key}} = s.{{key}} AND c.is_current
    WHERE {{changed_c}}
  ) AS x
) AS u
ON d.{{key}} = u.merge_key AND d.is_current
WHEN MATCHED AND ({{changed_d}}) THEN
  UPDATE SET valid_to = u.changed_at, is_current = false
WHEN NOT MATCHED THEN
  INSERT ({{insert_columns}}, valid_from, valid_to, is_current)
  VALUES ({{insert_values}}, u.changed_at, NULL, true)
-- WHEN NOT MATCHED BY SOURCE AND d.is_current THEN
--   UPDATE SET valid_to = CAST(current_timestamp AS TIMESTAMP), is_current = false
