"""Resources shipped with ReviewDesk (icons, fonts, templates, theme lists).

``resource_path`` finds them in a source checkout, an installed package and a PyInstaller
bundle alike.
"""

import sys
from pathlib import Path


def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    path = resource_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"ReviewDesk resource missing: {'/'.join(parts)}")
    return path
