# Databricks notebook source
# MAGIC %md
# MAGIC # {{step}}
# MAGIC Copies `{{src}}` into `{{out}}`, overwriting: each run replaces the copy
# MAGIC with the rows `{{src}}` holds now, so a re-run is safe. Each column is
# MAGIC cast to the type `dtflw.yaml` declares for it. Cast or rename the
# MAGIC columns here; keep to the DataFrame API that PySpark and DuckDB's
# MAGIC PySpark API both offer, so the step also runs on your laptop.

# COMMAND ----------

{{widgets}}

# COMMAND ----------

from pyspark.sql import functions as F


{{helpers}}


# COMMAND ----------

df = read_table({{src}}_in).select(
    {{columns}}
)
write_table(df, {{out}}_out)
