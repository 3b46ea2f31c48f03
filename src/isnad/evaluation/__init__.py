"""`isnad eval TASK`: one module a task, each with ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``.  The CLI discovers the modules here by name."""
