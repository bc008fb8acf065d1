-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Revenue per day
-- MAGIC Sums the cleaned orders (`orders_in`) per day from `since` on, an
-- MAGIC argument the profile sets (`variables.since`), into `daily_revenue_out`.

-- COMMAND ----------

-- Parameters: a flow run passes each one. The defaults are the values
-- of profile development, for running this notebook by hand.
CREATE WIDGET TEXT since DEFAULT '2024-03-02';
CREATE WIDGET TEXT orders_in DEFAULT '.dtflw/data/development/notebooks/clean_orders/orders.parquet';
CREATE WIDGET TEXT daily_revenue_out DEFAULT '.dtflw/data/development/notebooks/daily_revenue/daily_revenue.parquet'

-- COMMAND ----------

CREATE OR REPLACE TABLE IDENTIFIER(:daily_revenue_out) AS
SELECT
  order_date,
  CAST(SUM(amount) AS DECIMAL(18, 2)) AS revenue,
  COUNT(*) AS orders
FROM IDENTIFIER(:orders_in)
WHERE order_date >= CAST(:since AS DATE)
GROUP BY order_date
