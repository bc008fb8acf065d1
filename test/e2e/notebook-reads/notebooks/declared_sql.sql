-- Databricks notebook source
CREATE WIDGET TEXT limit_rows DEFAULT '100';
CREATE WIDGET DROPDOWN currency DEFAULT 'EUR' CHOICES SELECT 'EUR' UNION SELECT 'USD'

-- COMMAND ----------

SELECT amount, '$USD' AS unit, $discount AS discount
FROM IDENTIFIER(:events_in)
WHERE currency = :currency
LIMIT ${limit_rows}
