# Databricks notebook source
run_name = f"{dbutils.widgets.get('job_name')}-{dbutils.widgets.get('events_in')}"
print(run_name)
