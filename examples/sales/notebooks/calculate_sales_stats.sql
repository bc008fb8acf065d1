-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Gold: sales of one year by product and by customer
-- MAGIC `year` comes from the profile (`variables.year`), as the `:year` parameter.

-- COMMAND ----------

-- DBTITLE 1,Revenue by product
CREATE OR REPLACE TABLE IDENTIFIER(:sales_stats_by_product_gold_out) AS
SELECT
  p.product_id,
  p.product_name,
  CAST(SUM(o.amount) AS DECIMAL(18, 2)) AS revenue,
  CAST(SUM(o.quantity) AS BIGINT) AS units
FROM IDENTIFIER(:sales_orders_silver_in) AS o
JOIN IDENTIFIER(:products_silver_in) AS p ON o.product_id = p.product_id
WHERE year(o.order_date) = :year
GROUP BY p.product_id, p.product_name

-- COMMAND ----------

-- DBTITLE 1,Total by customer
CREATE OR REPLACE TABLE IDENTIFIER(:sales_stats_by_customer_gold_out) AS
SELECT
  c.customer_id,
  c.customer_name,
  CAST(SUM(o.amount) AS DECIMAL(18, 2)) AS total,
  COUNT(*) AS orders
FROM IDENTIFIER(:sales_orders_silver_in) AS o
JOIN IDENTIFIER(:customers_silver_in) AS c ON o.customer_id = c.customer_id
WHERE year(o.order_date) = :year
GROUP BY c.customer_id, c.customer_name
