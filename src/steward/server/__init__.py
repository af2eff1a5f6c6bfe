"""The Django service: storage, ingest, workflow, audit trail, REST API and web pages.

Nothing below ``steward`` outside this package imports Django; the CLI reaches the service through
``steward.server.bootstrap`` only when a service command is run.
"""
