"""The README, the docs and the deploy files work as written: every file they or a comment name
exists, every link between the docs leads somewhere, the benchmarks' tables have their place, and
the embed tag's path is served by widget/serve.py and by the nginx template."""
import re
import threading
import urllib.request

import pytest

from vigie import PROJECT_ROOT as ROOT
from tooling.processes import free_port
from widget.serve import make_server

TOP_DIRS = "actions|bench|channels|data|deploy|directory|docs|lexicon|mk|scripts|tests|vigie|widget|\\.ci"
FILE_NAME = re.compile(rf"(?<![\w/.-])((?:{TOP_DIRS})/[\w./-]*\.(?:md|py|yml|yaml|sh|template|js|css|html|png|json))\b")
GENERATED = {"bench/results.json", "bench/load.json", "tests/browser/node_modules/axe-core/axe.min.js"}


def project_texts():
    for pattern in ("*.md", "*.yml", "lexicon/*.yml", "directory/*.yml", "Makefile", "mk/*.mk", "deploy/*",
                    "docs/*.md", "scripts/*", ".ci/*",
                    "vigie/**/*.py", "channels/*.py", "actions/*.py", "bench/*.py", "widget/*.*", "tests/**/*.py"):
        for path in ROOT.glob(pattern):
            blind = path.is_relative_to(ROOT / "tests" / "nlu_blind")  # never read here
            skipped = blind or path.name == "test_docs.py" or "node_modules" in path.parts or path.suffix == ".png"
            if path.is_file() and not skipped:
                yield path


def test_every_file_named_in_docs_and_comments_exists():
    missing = set()
    for path in project_texts():
        for name in FILE_NAME.findall(path.read_text(encoding="utf-8", errors="replace")):
            if name.startswith("tests/nlu_blind/") or name in GENERATED:
                continue
            if not (ROOT / name).exists():
                missing.add(f"{path.relative_to(ROOT)}: {name}")
    assert not missing, sorted(missing)


# a markdown link to a file of the project: [text](path) or [text](path#anchor), not a web address
LINK = re.compile(r"\]\((?!https?:|mailto:|tel:)([^)\s#]*)(?:#([^)\s]*))?\)")


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path) -> set:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return {anchor(line.lstrip("#")) for line in text.splitlines() if re.match(r"#{1,6} ", line)}


def test_every_link_between_the_docs_leads_somewhere():
    broken = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target, fragment in LINK.findall(page.read_text(encoding="utf-8")):
            destination = (page.parent / target).resolve() if target else page
            if not destination.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
            elif fragment and destination.suffix == ".md" and fragment not in anchors(destination):
                broken.append(f"{page.relative_to(ROOT)}: {target}#{fragment}")
    assert not broken, broken


def test_the_benchmarks_tables_have_their_markers():
    from bench.readme_table import MEASUREMENTS

    text = MEASUREMENTS.read_text(encoding="utf-8")
    for name in ("bench", "load"):  # bench/run.py, bench/load.py
        assert text.count(f"<!-- {name}:start -->") == 1 and text.count(f"<!-- {name}:end -->") == 1, name


def embed_path() -> str:
    widget_doc = (ROOT / "docs" / "widget.md").read_text(encoding="utf-8")
    return re.search(r'<script src="https://[^/"]+(/[^"]+)"', widget_doc).group(1)


def test_the_documented_embed_path_is_the_widget():
    assert embed_path() == "/widget/vigie-widget.js"


@pytest.fixture(scope="module")
def widget_url():
    port = free_port()
    server = make_server(port, "http://127.0.0.1:5005")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


@pytest.mark.parametrize("path", ["/widget/vigie-widget.js", "/widget/vigie-widget.css", "/widget/neutre.html",
                                  "/vigie-widget.js", "/"])
def test_widget_server_serves_the_public_files(widget_url, path):
    with urllib.request.urlopen(widget_url + path, timeout=5) as response:
        assert response.status == 200


@pytest.mark.parametrize("path", ["/widget/serve.py", "/serve.py", "/widget/../README.md"])
def test_widget_server_serves_nothing_else(widget_url, path):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(widget_url + path, timeout=5)
    assert error.value.code == 404


def test_the_nginx_template_serves_the_embed_path():
    template = (ROOT / "deploy" / "nginx.conf.template").read_text(encoding="utf-8")
    location = re.search(r"location ~ (\S+) \{\s*alias @@WIDGET_DIR@@/\$1;", template)
    assert location and re.match(location.group(1), embed_path())
    assert not re.match(location.group(1), "/widget/serve.py")
