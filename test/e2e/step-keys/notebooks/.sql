-- Databricks notebook source
SELECT 1
