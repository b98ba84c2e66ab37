"""Scaffolding: new clauses, new projects and the JSON Schemas editors use."""
