-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:daily_revenue_out) AS
SELECT order_date, SUM(amount) AS revenue
FROM IDENTIFIER(:raw_orders_in)
GROUP BY order_date
