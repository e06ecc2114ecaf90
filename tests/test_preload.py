"""The database layer loaded on its own thread for the window: every module named exists."""

import subprocess
import sys
from pathlib import Path


def test_the_preload_thread_loads_every_module_it_names():
    code = (
        "import sys; from app.preload import MODULES, start_loading_database_layer; "
        "start_loading_database_layer().join(); "
        "print(all(m in sys.modules for m in MODULES), 'PySide6' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert done.stdout.split() == ["True", "False"]  # and no Qt: the thread never loads it
