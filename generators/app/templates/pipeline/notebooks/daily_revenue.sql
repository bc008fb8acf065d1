-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Revenue per day
-- MAGIC Sums the cleaned orders (`orders_in`) per day from `since` on, an
-- MAGIC argument the profile sets (`variables.since`), into `daily_revenue_out`.

-- COMMAND ----------

CREATE OR REPLACE TABLE IDENTIFIER(:daily_revenue_out) AS
SELECT
  order_date,
  CAST(SUM(amount) AS DECIMAL(18, 2)) AS revenue,
  COUNT(*) AS orders
FROM IDENTIFIER(:orders_in)
WHERE order_date >= CAST(:since AS DATE)
GROUP BY order_date
