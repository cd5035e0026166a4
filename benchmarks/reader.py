"""What a reader downloads, and how fast the glossary filter answers. Prints a report.

- Page weight: each page of the handbook with the local CSS, scripts and images it loads,
  raw and gzip-compressed (what a server with compression sends).
- Filter speed: a glossary of 6,000 synthetic terms, built with the extension and opened in
  Debian's Chromium on 127.0.0.1; the time the filter takes for each keystroke of a query.

Run with `make bench-reader`. It asserts nothing: compare the figures between changes.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml
from tests.browser.conftest import CHROMIUM_FLAGS

from benchmarks.synthetic import synthetic_glossary

ROOT = Path(__file__).parents[1]
ASSET = re.compile(r'(?:href|src)="([^"#?]+\.(?:css|js|svg|png|woff2))(?:\?[^"]*)?"')


def sphinx(source: Path, out: Path, *, conf: Path | None = None) -> None:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q"]
    if conf is not None:
        command += ["-c", str(conf)]
    subprocess.run([*command, str(source), str(out)], check=True)


def page_weights(site: Path) -> list[tuple[str, int, int]]:
    rows = []
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0].startswith(("_", ".")):
            continue
        html = page.read_bytes()
        assets = {(page.parent / link).resolve() for link in ASSET.findall(html.decode("utf-8"))}
        files = [html, *(path.read_bytes() for path in sorted(assets) if path.is_file())]
        raw = sum(len(data) for data in files)
        zipped = sum(len(gzip.compress(data, 6)) for data in files)
        rows.append((page.relative_to(site).as_posix(), raw, zipped))
    return rows


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def filter_timings(folder: Path, terms: int, query: str) -> list[float]:
    data = folder / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("glossary.yaml"))
    (data / "glossary.yaml").write_text(
        yaml.safe_dump({"glossary": synthetic_glossary(terms)}), encoding="utf-8"
    )
    # All the terms on one page, where the filter works hardest: a glossary this large would
    # be split into pages of letters unless careerkb_glossary_split_at says otherwise.
    (folder / "conf.py").write_text(
        'extensions = ["myst_parser", "careerkb.sphinxext"]\n'
        'careerkb_data_dir = "data"\nhtml_theme = "pydata_sphinx_theme"\n'
        f"careerkb_glossary_split_at = {terms}\n",
        encoding="utf-8",
    )
    (folder / "index.md").write_text("# Glossary\n\n```{careerkb:glossary}\n```\n", encoding="utf-8")
    site = folder / "_build"
    sphinx(folder, site)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html", timeout=120_000)
            page.wait_for_selector("#careerkb-glossary-filter", state="attached", timeout=120_000)
            timings: list[float] = page.evaluate(
                """(query) => {
                    const input = document.getElementById("careerkb-glossary-filter");
                    const times = [];
                    for (let i = 1; i <= query.length; i++) {
                        input.value = query.slice(0, i);
                        const start = performance.now();
                        input.dispatchEvent(new Event("input"));
                        document.body.getBoundingClientRect();  // include the layout it causes
                        times.push(performance.now() - start);
                    }
                    return times;
                }""",
                query,
            )
            browser.close()
    finally:
        server.shutdown()
    return timings


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        sphinx(ROOT / "docs", site, conf=ROOT)
        rows = page_weights(site)
        print(f"{'page':45} {'raw KB':>9} {'gzip KB':>9}")
        for name, raw, zipped in rows:
            print(f"{name:45} {raw / 1024:9.1f} {zipped / 1024:9.1f}")
        raw_median = statistics.median(row[1] for row in rows) / 1024
        zipped_median = statistics.median(row[2] for row in rows) / 1024
        print(f"{'median of ' + str(len(rows)) + ' pages':45} {raw_median:9.1f} {zipped_median:9.1f}")
        if not shutil.which("chromium"):
            print("\nfilter timing skipped: no Chromium on PATH")
            return
        query = "model agent"
        timings = filter_timings(Path(temp) / "filter", 6000, query)
        print(f"\nglossary filter, 6,000 terms, typing {query!r} ({len(timings)} keystrokes):")
        print(
            f"  median {statistics.median(timings):.1f} ms, slowest {max(timings):.1f} ms, "
            f"first {timings[0]:.1f} ms"
        )


if __name__ == "__main__":
    main()
