# Databricks notebook source
out_dir = getArgument("out_dir", "/tmp/out")
events = dbutils.widgets.get("events_in")
needed = getArgument("needed")
