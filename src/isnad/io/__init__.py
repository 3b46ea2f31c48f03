"""Readers (inputs → InputDoc / InputError) and writers (records → json, jsonl, pretty, html, ...)."""
