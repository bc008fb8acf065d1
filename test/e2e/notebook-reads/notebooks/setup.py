# Databricks notebook source
dbutils.widgets.text("catalog", "main")
dbutils.widgets.text("kind", "click")
