-- Databricks notebook source
CREATE OR REPLACE TABLE IDENTIFIER(:events_out) AS
select value :event_id, value:payload.kind, raw :[0]
from IDENTIFIER(:events_raw_in)
where day = :day
