# Databricks notebook source
# MAGIC %md
# MAGIC # {{step}}
# MAGIC Copies `{{src}}` into `{{out}}`, overwriting: each run replaces the copy
# MAGIC with the rows `{{src}}` holds now, so a re-run is safe. Cast or rename
# MAGIC the columns here; keep to the DataFrame API that PySpark and DuckDB's
# MAGIC PySpark API both offer, so the step also runs on your laptop.

# COMMAND ----------

{{widgets}}

# COMMAND ----------


{{helpers}}


# COMMAND ----------

df = read_table({{src}}_in).select(
    {{columns}}
)
write_table(df, {{out}}_out)
