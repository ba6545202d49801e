"""`quotes train`: the learned weights, fitted on gold folders (the CLI door of scoring/train.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app, err
from .extract import BACKEND, MODEL, SIEVES, _extractor, _progress, gold_of


@app.command("train")
def train_(
    gold_dirs: list[Path] = typer.Argument(..., help="Directories of NAME.txt with NAME.gold.json."),
    output: Path = typer.Option(..., "--output", "-o", help="The weights file to write (JSON)."),
    backend: str = BACKEND,
    model: Optional[str] = MODEL,
    sieves: Optional[str] = SIEVES,
) -> None:
    """Fit the fragment and speaker scorers on gold articles (needs quotes[train])."""
    from ..scoring.train import analyse_all, train

    gold = gold_of(gold_dirs)
    extractor = _extractor(backend, model, sieves)
    with _progress(len(gold)) as progress:
        task = progress.add_task("analysing", total=len(gold)) if progress else None
        analyses = analyse_all(extractor, gold, (lambda: progress.advance(task)) if progress else None)
    weights = train(analyses, gold, {"gold": [d.name for d in gold_dirs],
                                      "command": "quotes train " + " ".join(str(d) for d in gold_dirs)
                                      + f" -o {output}"})
    weights.dump(output)
    err.print(f"{len(gold)} articles: {len(weights.fragment.coef)} fragment and {len(weights.speaker.coef)} "
              f"speaker weights written to {output}", highlight=False)
