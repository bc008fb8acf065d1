# Databricks notebook source
# MAGIC %md
# MAGIC # Revenue per day
# MAGIC Sums the cleaned orders (`orders_in`) per day from `since` on, an
# MAGIC argument the profile sets (`variables.since`), into `daily_revenue_out`.

# COMMAND ----------

from pyspark.sql import functions as F

# Parameters: a flow run passes each one. The defaults are the values
# of profile development, for running this notebook by hand.
dbutils.widgets.text("since", "2024-03-02")
dbutils.widgets.text("orders_in", ".dtflw/data/development/notebooks/clean_orders/orders.parquet")
dbutils.widgets.text("daily_revenue_out", ".dtflw/data/development/notebooks/daily_revenue/daily_revenue.parquet")

since = dbutils.widgets.get("since")
orders_in = dbutils.widgets.get("orders_in")
daily_revenue_out = dbutils.widgets.get("daily_revenue_out")

# COMMAND ----------


def read_table(location):
    """A catalog table name, or a file: a CSV source or a path-layout table."""
    if "/" not in location:
        return spark.table(location)
    if location.endswith(".csv"):
        return spark.read.csv(location, header=True)
    return spark.read.parquet(location)


def write_table(df, location):
    """A catalog table name, or a path-layout location (Parquet)."""
    writer = df.write.mode("overwrite")
    if "/" in location:
        writer.parquet(location)
    else:
        writer.saveAsTable(location)


# COMMAND ----------

daily_revenue = (
    read_table(orders_in)
    .filter(F.col("order_date") >= F.lit(since).cast("date"))
    .groupBy("order_date")
    .agg(
        F.sum("amount").cast("decimal(18,2)").alias("revenue"),
        F.count(F.lit(1)).alias("orders"),
    )
)
write_table(daily_revenue, daily_revenue_out)
