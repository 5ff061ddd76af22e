"""`make serve` installs only requirements/base.txt: every package the application imports
outside its tests must be there, or a fresh clone fails to start (as it once did, for pyphen)."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
OWN = {"harbour", "config"}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _base_requirements() -> set[str]:
    text = (REPO / "requirements" / "base.txt").read_text(encoding="utf-8")
    return {_canonical(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", text,
                                                        re.MULTILINE)}


def _application_modules() -> list[Path]:
    paths = [*REPO.glob("harbour/**/*.py"), *REPO.glob("config/**/*.py")]
    return [p for p in paths if "tests" not in p.relative_to(REPO).parts
            and p.name != "test.py"]  # config/settings/test.py configures the test run


def _imported_top_levels(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _missing_requirements(paths: list[Path]) -> dict[str, list[str]]:
    """Top-level imports of `paths` that come from an installed distribution which
    requirements/base.txt does not list, with the files that import them."""
    base = _base_requirements()
    owners = packages_distributions()
    missing: dict[str, list[str]] = {}
    for path in paths:
        for name in _imported_top_levels(path) - OWN - set(sys.stdlib_module_names):
            distributions = {_canonical(d) for d in owners.get(name, [])}
            if distributions and not distributions & base:
                missing.setdefault(name, []).append(path.name)
    return missing


def test_everything_the_application_imports_is_in_the_base_requirements():
    missing = _missing_requirements(_application_modules())
    assert not missing, f"imported by the application but not in requirements/base.txt: {missing}"


def test_the_check_finds_a_test_only_import(tmp_path):
    module = tmp_path / "uses_pytest.py"
    module.write_text("import json\nimport yaml\nfrom pytest import approx\n", encoding="utf-8")
    assert _missing_requirements([module]) == {"pytest": ["uses_pytest.py"]}
