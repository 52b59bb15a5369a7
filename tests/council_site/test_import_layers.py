"""The import contracts of pyproject.toml (decision 0013): the project keeps them, and each one
breaks when its rule is broken.

The second half runs the project's own contracts over a small stand-in tree: a package of the
same name for every module the contracts name, then one forbidden import at a time. A contract
that stayed kept there would be a contract that cannot fail.
"""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONFIG = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]
CONTRACTS = {contract["id"]: contract for contract in CONFIG["contracts"]}


def lint_imports(cwd):
    # A subprocess: in this process `home` and the rest are already imported, and grimp would
    # find those rather than the stand-ins.
    result = subprocess.run(
        [LINT_IMPORTS, "--no-cache", str(PYPROJECT)],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def test_the_project_keeps_its_import_contracts():
    code, output = lint_imports(ROOT)
    assert code == 0, output
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in output


def named_modules():
    """Every module a contract names, each `a : b` layer split and containers applied."""
    names = set(CONFIG["root_packages"])
    for contract in CONTRACTS.values():
        for layer in contract.get("layers", []):
            for part in layer.replace(":", "|").split("|"):
                tail = part.strip().strip("()")
                containers = contract.get("containers") or [""]
                names.update(f"{container}.{tail}".strip(".") for container in containers)
        for ignored in contract.get("ignore_imports", []):
            names.update(side.strip() for side in ignored.split("->"))
    return names


def write_module(root, name, imports=()):
    parts = name.split(".")
    for depth in range(1, len(parts) + 1):
        package = root.joinpath(*parts[:depth])
        package.mkdir(exist_ok=True)
        (package / "__init__.py").touch()
    init = root.joinpath(*parts, "__init__.py")
    init.write_text(init.read_text() + "".join(f"import {module}\n" for module in imports))


@pytest.fixture
def stand_in(tmp_path):
    """The stand-in tree, with the imports the contracts ignore, and a writer for one more."""
    for name in named_modules():
        write_module(tmp_path, name)
    for contract in CONTRACTS.values():
        for ignored in contract.get("ignore_imports", []):
            importer, imported = (side.strip() for side in ignored.split("->"))
            write_module(tmp_path, importer, [imported])
    return tmp_path


def test_the_stand_in_tree_keeps_every_contract(stand_in):
    # Without this, a broken contract below could be the stand-in's fault, not the import's.
    code, output = lint_imports(stand_in)
    assert code == 0, output


@pytest.mark.parametrize(
    ("importer", "imported", "broken"),
    [
        ("foundation.cache", "home.models", {"foundation-imports-no-app", "apps-are-layered"}),
        ("home.models", "search.views", {"apps-are-layered"}),
        ("services_directory.finder", "consultations.models", {"apps-are-layered"}),
        (
            "search.backends",
            "search.results",
            {"search-page-above-engine", "apps-are-layered", "no-import-circles"},
        ),
        ("consultations.models", "consultations.views", {"inside-an-app"}),
        ("services_directory.finder", "services_directory.views", {"inside-an-app"}),
        ("home.models", "home.forms", {"inside-home"}),
        ("services_directory.geo.postcodes", "services_directory.planner", {"no-import-circles"}),
    ],
)
def test_each_contract_breaks_when_its_rule_is_broken(stand_in, importer, imported, broken):
    write_module(stand_in, importer, [imported])
    # The circle case: planner already leans on geo in the stand-in, as it might in the app.
    write_module(stand_in, "services_directory.planner", ["services_directory.geo"])
    write_module(stand_in, "search.results", ["search.backends"])
    code, output = lint_imports(stand_in)
    assert code == 1, output
    reported = {
        contract_id
        for contract_id, contract in CONTRACTS.items()
        if f"{contract['name']} BROKEN" in " ".join(output.split())
    }
    assert reported == broken, output
