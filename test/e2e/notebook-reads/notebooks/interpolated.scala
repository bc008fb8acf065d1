// Databricks notebook source
val target = s"${dbutils.widgets.get("table")}_v2"
val source = dbutils.widgets.get("events_in")
