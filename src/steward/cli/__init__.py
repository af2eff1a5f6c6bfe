"""The `steward` command line: thin commands over the library."""
