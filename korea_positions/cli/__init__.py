"""The command line: Typer app, option parsing and output; no analysis lives here."""
