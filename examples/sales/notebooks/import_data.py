# Databricks notebook source
# MAGIC %md
# MAGIC # Silver: clean orders, products and customers
# MAGIC Reads the bronze tables that `ingest_data` wrote and keeps what the gold
# MAGIC step needs: completed or shipped orders with their amount, products with
# MAGIC tidy names, and one row per customer.

# COMMAND ----------

# DBTITLE 1,Orders
# MAGIC %sql
# MAGIC CREATE OR REPLACE TABLE IDENTIFIER(:sales_orders_silver_out) AS
# MAGIC SELECT
# MAGIC   order_id,
# MAGIC   order_date,
# MAGIC   customer_id,
# MAGIC   product_id,
# MAGIC   quantity,
# MAGIC   unit_price,
# MAGIC   CAST(quantity * unit_price AS DECIMAL(18, 2)) AS amount
# MAGIC FROM IDENTIFIER(:sales_orders_bronze_in)
# MAGIC WHERE status <> 'cancelled' -- cancelled orders earn nothing

# COMMAND ----------

# DBTITLE 1,Products
# MAGIC %sql
# MAGIC CREATE OR REPLACE TABLE IDENTIFIER(:products_silver_out) AS
# MAGIC SELECT product_id, trim(product_name) AS product_name, category, list_price
# MAGIC FROM IDENTIFIER(:products_bronze_in)

# COMMAND ----------

# DBTITLE 1,Customers
# MAGIC %sql
# MAGIC -- The shop repeats the name on every order, sometimes padded: keep one.
# MAGIC CREATE OR REPLACE TABLE IDENTIFIER(:customers_silver_out) AS
# MAGIC SELECT customer_id, max(trim(customer_name)) AS customer_name
# MAGIC FROM IDENTIFIER(:sales_orders_bronze_in)
# MAGIC GROUP BY customer_id
