-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Clean the raw orders
-- MAGIC Reads `raw_orders_in` and writes `orders_out`: typed columns, names
-- MAGIC trimmed, cancelled orders dropped. dtflw sets both parameters: a file
-- MAGIC on your laptop, a table or storage path on Databricks.

-- COMMAND ----------

-- Parameters: a flow run passes each one. The defaults are the values
-- of profile development, for running this notebook by hand.
CREATE WIDGET TEXT raw_orders_in DEFAULT 'data/raw_orders.csv';
CREATE WIDGET TEXT orders_out DEFAULT '.dtflw/data/development/notebooks/clean_orders/orders.parquet'

-- COMMAND ----------

CREATE OR REPLACE TABLE IDENTIFIER(:orders_out) AS
SELECT
  CAST(order_id AS BIGINT) AS order_id,
  CAST(order_date AS DATE) AS order_date,
  trim(CAST(customer AS STRING)) AS customer,
  CAST(amount AS DECIMAL(18, 2)) AS amount
FROM IDENTIFIER(:raw_orders_in)
WHERE status <> 'cancelled'
