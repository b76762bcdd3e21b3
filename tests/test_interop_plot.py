"""Pictures: rendered to PNG with the Agg backend, checked by size and by the text drawn."""

from __future__ import annotations

import io
from typing import Any

import pytest

from interop_helpers import grants_story, la_story
from policyconflict import Stance
from policyconflict.interop.plot import GROUPS, positions, positions_figure, timeline_figure

matplotlib = pytest.importorskip("matplotlib")

DEPLOYMENT = "deployment:us/dhs/cbp/2020-02/sanctuary-cities"


def _texts(figure: Any) -> list[str]:
    """Every text drawn: titles, tick labels, legend entries, annotations."""
    figure.canvas.draw()
    return [t.get_text() for t in figure.findobj(matplotlib.text.Text) if t.get_text()]


def _png(figure: Any) -> tuple[int, int]:
    out = io.BytesIO()
    figure.savefig(out, format="png")
    data = out.getvalue()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert len(data) > 10_000  # a real picture, not an empty canvas
    return width, height


def test_la_timeline() -> None:
    story = la_story()
    figure = timeline_figure(story)
    width, height = _png(figure)
    assert width >= 1000
    assert height >= 250
    texts = _texts(figure)
    assert story.title in texts
    assert "SB 54" in texts
    assert "Deployment by CBP" in texts
    assert "statements: oppose" in texts
    assert {"in-force", "enjoined", "stayed", "struck", "unknown", "not-yet-effective"} <= set(
        texts
    )


def test_grants_timeline_shows_injunctions() -> None:
    story = grants_story()
    figure = timeline_figure(story)
    _png(figure)
    texts = _texts(figure)
    assert "Executive Order 13768" in texts
    (axes,) = figure.axes
    enjoined = matplotlib.colors.to_rgba("#c62828")
    bars = [p for p in axes.patches if p.get_facecolor() == enjoined]
    assert bars  # the injunctions of the executive order are drawn as red bands
    marks = [line for line in axes.lines if line.get_marker() == "v"]
    assert len(marks) >= len([r for r in story.rulings if r.targets])


def test_positions_on_the_deployment() -> None:
    found = positions(la_story(), DEPLOYMENT)
    by_name = {p.name: p for p in found}
    assert by_name["Eric Garcetti"].stance is Stance.OPPOSE
    assert by_name["Eric Garcetti"].group == "city"
    assert by_name["Alex Villanueva"].group == "county"
    assert by_name["Immigration and Customs Enforcement"].stance is Stance.SUPPORT
    assert by_name["Immigration and Customs Enforcement"].group == "country"
    assert all(p.evidence for p in found)
    assert [GROUPS.index(p.group) for p in found] == sorted(GROUPS.index(p.group) for p in found)


def test_positions_figure_draws_actors_and_groups() -> None:
    figure = positions_figure(la_story(), DEPLOYMENT)
    width, height = _png(figure)
    assert width >= 600
    assert height >= 250
    texts = _texts(figure)
    for expected in ("country", "county", "city", "Eric Garcetti", "Alex Villanueva"):
        assert expected in texts
    (axes,) = figure.axes
    oppose = matplotlib.colors.to_rgba("#c62828")
    links = [line for line in axes.lines if line.get_linestyle() == "-"]
    assert sum(1 for line in links if matplotlib.colors.to_rgba(line.get_color()) == oppose) >= 4


def test_positions_of_an_unknown_target() -> None:
    with pytest.raises(KeyError):
        positions(la_story(), "law:nowhere")


def test_cli_export_and_plot(tmp_path: Any) -> None:
    from interop_helpers import LA
    from policyconflict.cli import main

    for to in ("ftm", "popolo", "jsonld", "plover", "gexf", "graphml"):
        out = tmp_path / f"la.{to}"
        assert main(["export", str(LA), "--to", to, "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    picture = tmp_path / "timeline.png"
    assert main(["plot", "timeline", str(LA), "-o", str(picture)]) == 0
    assert picture.read_bytes()[:4] == b"\x89PNG"
    svg = tmp_path / "positions.svg"
    assert main(["plot", "positions", str(LA), "--target", DEPLOYMENT, "-o", str(svg)]) == 0
    assert b"Eric Garcetti" in svg.read_bytes() or b"<svg" in svg.read_bytes()
    assert main(["plot", "positions", str(LA), "--target", "law:nowhere", "-o", str(svg)]) == 1
