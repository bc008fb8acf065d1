-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Bronze: ingest the shop's exports
-- MAGIC Copies the raw orders and products as they are, with explicit types, so
-- MAGIC later steps never depend on how the export was inferred.
-- MAGIC Parameters: `raw_orders_in`, `raw_products_in`, `sales_orders_bronze_out`,
-- MAGIC `products_bronze_out` (set by dtflw).

-- COMMAND ----------

-- DBTITLE 1,Orders
CREATE OR REPLACE TABLE IDENTIFIER(:sales_orders_bronze_out) AS
SELECT
  CAST(order_id AS BIGINT) AS order_id,
  CAST(order_date AS DATE) AS order_date,
  CAST(customer_id AS BIGINT) AS customer_id,
  CAST(customer_name AS STRING) AS customer_name,
  CAST(product_id AS BIGINT) AS product_id,
  CAST(quantity AS INT) AS quantity,
  CAST(unit_price AS DECIMAL(10, 2)) AS unit_price,
  CAST(status AS STRING) AS status
FROM IDENTIFIER(:raw_orders_in)

-- COMMAND ----------

-- DBTITLE 1,Products
CREATE OR REPLACE TABLE IDENTIFIER(:products_bronze_out) AS
SELECT
  CAST(product_id AS BIGINT) AS product_id,
  CAST(product_name AS STRING) AS product_name,
  CAST(category AS STRING) AS category,
  CAST(list_price AS DECIMAL(10, 2)) AS list_price
FROM IDENTIFIER(:raw_products_in)
