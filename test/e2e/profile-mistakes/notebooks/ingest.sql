-- Databricks notebook source
CREATE TABLE IDENTIFIER(:orders_out) AS SELECT * FROM IDENTIFIER(:raw_orders_in)
