# Databricks notebook source
# MAGIC %md
# MAGIC # Clean the raw orders
# MAGIC Reads `raw_orders_in` and writes `orders_out`: typed columns, names
# MAGIC trimmed, cancelled orders dropped. dtflw sets both parameters: a file
# MAGIC on your laptop, a table or storage path on Databricks.

# COMMAND ----------

from pyspark.sql import functions as F

# Parameters: a flow run passes each one. The defaults are the values
# of profile development, for running this notebook by hand.
dbutils.widgets.text("raw_orders_in", "data/raw_orders.csv")
dbutils.widgets.text("orders_out", ".dtflw/data/development/notebooks/clean_orders/orders.parquet")

raw_orders_in = dbutils.widgets.get("raw_orders_in")
orders_out = dbutils.widgets.get("orders_out")

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

orders = (
    read_table(raw_orders_in)
    .filter(F.col("status") != "cancelled")
    .select(
        F.col("order_id").cast("bigint").alias("order_id"),
        F.col("order_date").cast("date").alias("order_date"),
        F.trim(F.col("customer").cast("string")).alias("customer"),
        F.col("amount").cast("decimal(18,2)").alias("amount"),
    )
)
write_table(orders, orders_out)
