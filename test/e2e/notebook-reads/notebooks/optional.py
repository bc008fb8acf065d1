# Databricks notebook source
try:
    tags = dbutils.widgets.get("apply_tags")
except Exception:
    tags = ""

try: mode = dbutils.widgets.get("mode")
except Exception: mode = "full"

if tags:
    strict = dbutils.widgets.get("strict")
