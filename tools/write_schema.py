"""Regenerate the shipped JSON Schema, ``src/policyconflict/data/schema.json``.

Run ``PYTHONPATH=src python tools/write_schema.py`` after changing a model class; the test suite
fails while the shipped file differs from :func:`policyconflict.serialization.json_schema`.
"""

from __future__ import annotations

from pathlib import Path

from policyconflict.serialization.schema import schema_text

TARGET = Path(__file__).resolve().parent.parent / "src" / "policyconflict" / "data" / "schema.json"


def main() -> None:
    """Write the schema file and say where."""
    TARGET.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
