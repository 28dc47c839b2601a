"""The ``eventwire`` command line: one small module per command, no logic beyond arguments and output."""
