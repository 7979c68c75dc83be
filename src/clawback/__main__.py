"""``python -m clawback``: the same as the ``clawback`` command."""

from clawback.cli import app

if __name__ == "__main__":  # not again in a process multiprocessing spawns from this one
    app()
