"""axe-core run in a real headless Chromium against a local HTML file, WCAG 2.1 AA rules.

The page is copied with axe's script and a small runner appended; Chromium loads it with no
network and dumps the DOM once axe has written its results into the page. ``.ci/run``
installs Chromium and axe-core (``npm install --prefix .axe axe-core``, ignored by git).
"""

import json
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RUNNER = """
<script>
axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
  .then(r => { const out = document.createElement("pre"); out.id = "axe-results";
    out.textContent = JSON.stringify({violations: r.violations.map(v => ({id: v.id,
      impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.html)}))});
    document.body.appendChild(out); })
  .catch(e => { const out = document.createElement("pre"); out.id = "axe-results";
    out.textContent = JSON.stringify({error: String(e)}); document.body.appendChild(out); });
</script>
"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing() -> str:
    """Why axe cannot run here ("" when it can)."""
    if chromium() is None:
        return "Chromium is not installed (apt-get install chromium; .ci/run does)"
    if not AXE.is_file():
        return "axe-core is not installed (npm install --prefix .axe axe-core; .ci/run does)"
    return ""


def run_axe(page: Path) -> list[dict]:
    """The WCAG 2.1 A/AA violations axe finds in ``page``."""
    html = page.read_text(encoding="utf-8")
    script = f"<script>{AXE.read_text(encoding='utf-8')}</script>" + RUNNER % json.dumps(TAGS)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
        result = subprocess.run(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={Path(tmp) / 'profile'}",
                "--virtual-time-budget=60000",
                "--dump-dom",
                copy.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    start = result.stdout.find('<pre id="axe-results">')
    if start < 0:
        raise AssertionError(f"axe did not report: {result.stderr[-2000:]}")
    body = result.stdout[start + len('<pre id="axe-results">') :]
    data = json.loads(unescape(body[: body.index("</pre>")]))
    if "error" in data:
        raise AssertionError(f"axe failed: {data['error']}")
    return data["violations"]
