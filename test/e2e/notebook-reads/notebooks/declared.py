# Databricks notebook source
# MAGIC %run ./setup $region=emea

# COMMAND ----------

dbutils.widgets.dropdown(name="mode", defaultValue="full", choices=["full", "delta"], label="Mode")
dbutils.widgets.text("since", default_since)
events = dbutils.widgets.get("events_in")
mode = dbutils.widgets.get("mode")
since = dbutils.widgets.get("since")
region = dbutils.widgets.get("region")
catalog = dbutils.widgets.get("catalog")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM IDENTIFIER(:events_in) WHERE mode = :mode AND kind = :kind
