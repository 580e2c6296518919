"""Guided forms: official tờ khai as data, their answers and checks."""
