-- Databricks notebook source
SELECT :__proto__, :empty, :toString FROM IDENTIFIER(:toString_in)
