"""The run in progress, shared by the loop class and the runtime (one run at a time)."""

run = None
