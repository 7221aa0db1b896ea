"""Repositories per aggregate: SQL in, domain objects and small typed records out (see unit_of_work.py)."""
