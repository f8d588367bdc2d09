"""The stage registry: what stages declare, how a run is planned and checked before any page is read."""

from __future__ import annotations

import dataclasses
import inspect
import json
from pathlib import Path

import pytest

import rashomon
from rashomon import pipeline
from rashomon.errors import ConfigError
from rashomon.model import Analysis, Page
from rashomon.options import Options, ParseOptions
from rashomon.pipeline import DEFAULT_STAGES, StageContext, plan_stages, register_stage, stage_spec, with_requirements

PAGE = "Harbour shut\n\nThe port authority said 40 ships were waiting outside the harbour on Monday.\n"


def test_the_default_plan_runs_every_builtin_stage_in_order():
    plan = plan_stages()
    assert plan.names == DEFAULT_STAGES
    assert plan.needs_parse and plan.resources == ("spacy", "encoder")  # the compare stage embeds claims


def test_every_stage_declares_fields_of_the_model_and_one_signature():
    for name in DEFAULT_STAGES:
        spec = stage_spec(name)
        assert spec.func.__name__ == f"{name}_stage"
        assert spec.assigns or spec.provides, f"{name} assigns nothing"
        for dotted in spec.assigns:
            assert pipeline._field_of(dotted) is not None
        assert list(inspect.signature(spec.func).parameters)[:2] == ["analysis", "ctx"]


def test_an_unknown_stage_is_an_error_before_the_page_is_read(tmp_path):
    missing = tmp_path / "never-read.txt"  # does not exist: planning must fail first
    with pytest.raises(ConfigError, match="unknown stage 'atribution'.*known stages: actors, attribution"):
        rashomon.analyze(missing, stage_names=("atribution",))


def test_a_missing_prerequisite_is_an_error_that_says_what_to_add():
    with pytest.raises(
        ConfigError,
        match="the compare stage needs claims, encode to run before it.*attribution, claims, encode, compare",
    ):
        plan_stages(["attribution", "compare"])
    with pytest.raises(ConfigError, match="comments stage needs actors"):
        plan_stages(["comments"])
    with pytest.raises(ConfigError, match="needs attribution"):
        plan_stages(["claims", "attribution"])  # present, but after
    with pytest.raises(ConfigError, match="listed twice"):
        plan_stages(["attribution", "attribution"])


def test_requirements_are_added_in_order():
    assert with_requirements(["compare"]) == ("attribution", "claims", "encode", "compare")
    assert with_requirements(["comments"]) == ("actors", "comments")
    assert with_requirements(["comments", "compare"]) == (
        "actors",
        "comments",
        "attribution",
        "claims",
        "encode",
        "compare",
    )
    plan_stages(with_requirements(["comments", "compare"]))  # a valid plan


def test_a_stage_needing_no_resource_runs_without_a_parse():
    calls: list[int] = []

    @register_stage("test_count_blocks", assigns=("warnings",))
    def test_count_blocks_stage(analysis: Analysis, ctx: StageContext) -> None:
        calls.append(len(ctx.parsed))
        assert "spacy" not in ctx.loaded  # nothing asked for spaCy

    analysis = rashomon.analyze(PAGE, stage_names=("test_count_blocks",))
    assert calls == [0] and analysis.page.blocks


def test_assigns_must_name_model_fields():
    with pytest.raises(ValueError, match="unknown Analysis fields: verdicts"):
        register_stage("test_bad_assigns", assigns=("verdicts",))


def test_the_callers_spacy_pipeline_reaches_every_stage():
    from rashomon import nlp as nlp_module

    own = nlp_module._load.__wrapped__(nlp_module._package(None))  # a second pipeline, not the cached one
    seen: list[object] = []

    @register_stage("test_sees_nlp", resources=("spacy",))
    def test_sees_nlp_stage(analysis: Analysis, ctx: StageContext) -> None:
        seen.append(ctx.nlp)
        seen.extend(pb.doc.vocab for pb in ctx.parsed)

    rashomon.analyze(PAGE, stage_names=("attribution", "actors", "test_sees_nlp"), nlp=own)
    assert seen[0] is own and all(vocab is own.vocab for vocab in seen[1:])


def test_one_spacy_pipeline_serves_every_caller_in_the_process():
    from rashomon import nlp as nlp_module
    from rashomon.comments import stance, targets

    full = nlp_module.load()
    assert nlp_module.load(nlp_module._package(None)) is full  # the package named or picked: one pipeline
    for rule in (targets._parser(), stance._parser()):
        assert rule.pipeline is full
    sentence = "Angela Merkel met Emmanuel Macron in Paris on Tuesday."
    assert {e.label_ for e in full(sentence).ents} >= {"PERSON"}
    parsed = targets._parser()(sentence)
    assert not parsed.ents and parsed[2].dep_ == "ROOT" and parsed[2].tag_ == "VBD"  # no entities; tags, parse
    assert [d.ents for d in targets._parser().pipe([sentence])] == [()]
    assert "ner" in full.pipe_names and full(sentence).ents  # the shared pipeline itself is left whole


def test_a_failing_stage_leaves_a_warning_and_the_page():
    @register_stage("test_fails")
    def test_fails_stage(analysis: Analysis, ctx: StageContext) -> None:
        raise RuntimeError("boom")

    analysis = rashomon.analyze(PAGE, stage_names=("attribution", "test_fails"))
    assert analysis.attributions
    (warning,) = [w for w in analysis.warnings if w.code == "stage_failed"]
    assert warning.stage == "test_fails" and "boom" in warning.message


def test_a_resource_is_loaded_once_per_run_and_shared_by_its_stages():
    loads: list[int] = []

    @pipeline.register_resource("test_resource")
    def load(options: Options) -> object:
        loads.append(1)
        return object()

    seen: list[object] = []
    for name in ("test_uses_a", "test_uses_b"):
        register_stage(name, resources=("test_resource",))(
            lambda analysis, ctx: seen.append(ctx.resource("test_resource"))
        )
    plan = plan_stages(["test_uses_a", "test_uses_b"])
    assert plan.resources == ("test_resource",) and not plan.needs_parse
    rashomon.analyze(PAGE, stage_names=plan.names)
    assert len(loads) == 1 and seen[0] is seen[1]
    assert pipeline.load_resource("spacy") is pipeline.load_resource("spacy")  # the spaCy loader caches per process
    with pytest.raises(ConfigError, match="no resource named 'nope'"):
        StageContext().resource("nope")


def test_parse_options_reach_the_parse():
    page = rashomon.read_page(PAGE)
    short = pipeline.parse(page, options=ParseOptions(max_block_chars=10))
    assert all(len(pb.doc.text) <= 10 for pb in short)
    options = dataclasses.replace(Options(), parse=ParseOptions(max_block_chars=10), stages=("attribution",))
    analysis = rashomon.analyze(PAGE, options=options)
    assert "block_truncated" in [w.code for w in analysis.warnings]


def test_path_and_text_are_told_apart_by_type(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    from_file = rashomon.analyze(path, stage_names=())
    from_text = rashomon.analyze(PAGE, stage_names=())
    assert from_file.page.text == from_text.page.text
    assert rashomon.analyze(str(path), stage_names=()).page.text == str(path)
    assert rashomon.analyze(path=str(path), stage_names=()).page.text == from_file.page.text
    assert rashomon.analyze(text=PAGE, stage_names=()).page.source_format == "text"
    assert isinstance(path, Path)


def test_stage_sections_of_the_options_reach_their_stages():
    page = "Harbour shut\n\nThe port authority said the harbour was shut.\n\n"
    comments = "Comments\n\nann says:\nI hope the harbour master gets shot.\n"
    base = rashomon.analyze(page + comments, stage_names=("actors", "comments"))
    assert "threat" in base.page.comments[0].flags
    options = Options(stages=("actors", "comments")).with_values({"comments.steps": "language,threads"})
    fewer = rashomon.analyze(page + comments, options=options)
    assert fewer.page.comments and not fewer.page.comments[0].flags


def test_options_from_a_config_file_and_set(tmp_path):
    from rashomon.options import load_options

    config = tmp_path / "rashomon.toml"
    config.write_text('stages = ["attribution", "claims"]\n[parse]\nbatch_size = 8\n[actors]\nmax_actors = 5\n')
    options = load_options(config, ["parse.batch_size=16", "actors.tables=a.yaml,b.yaml"])
    assert options.stages == ("attribution", "claims")
    assert options.parse.batch_size == 16 and options.actors.max_actors == 5
    assert options.actors.tables == ("a.yaml", "b.yaml")
    with pytest.raises(ConfigError, match="unknown option 'prase'"):
        load_options(overrides=["prase.batch_size=1"])
    with pytest.raises(ConfigError, match=r"\[parse\] batch_size: 'many' is not a int"):
        load_options(overrides=["parse.batch_size=many"])
    with pytest.raises(ConfigError, match="unknown option\\(s\\) size"):
        load_options(overrides=["parse.size=1"])
    (tmp_path / "bad.toml").write_text("stages = [\n")
    with pytest.raises(ConfigError, match="not a valid TOML"):
        load_options(tmp_path / "bad.toml")


def test_the_cli_checks_stages_and_options_before_reading_a_page(tmp_path):
    from typer.testing import CliRunner

    from rashomon.cli import app

    runner = CliRunner()
    missing = str(tmp_path / "never-read.txt")
    result = runner.invoke(app, ["analyze", missing, "--stages", "compare"])
    assert result.exit_code == 2 and "compare stage needs claims" in result.output
    result = runner.invoke(app, ["analyze", missing, "--set", "parse.batch_size=many"])
    assert result.exit_code == 2 and "is not a int" in result.output
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    config = tmp_path / "run.toml"
    config.write_text('stages = ["attribution"]\n')
    result = runner.invoke(app, ["analyze", str(page), "--config", str(config), "--quiet", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"] and data["claims"] == []  # only attribution ran


def test_a_stage_runs_only_on_the_languages_it_declares_and_the_analysis_says_so():
    ran: list[str | None] = []

    @register_stage("test_english_only", languages=("en",))
    def test_english_only_stage(analysis: Analysis, ctx: StageContext) -> None:
        ran.append(analysis.page.language)

    register_stage("test_any_language")(lambda analysis, ctx: ran.append("any"))
    plan = plan_stages(["test_english_only", "test_any_language"])
    runs, skipped = plan.for_language("de")
    assert runs.names == ("test_any_language",) and [s.name for s in skipped] == ["test_english_only"]
    for language in ("en", None, "de"):
        ran.clear()
        analysis = Analysis(page=Page(text="x", language=language))
        pipeline.run_stages(analysis, plan)
        warnings = [w for w in analysis.warnings if w.code == "stages_skipped"]
        if language == "de":
            assert ran == ["any"]
            (warning,) = warnings
            assert "test_english_only" in warning.message and "German" in warning.message
        else:  # English, or a language that could not be told: the stage runs
            assert ran == [language, "any"] and not warnings


def test_a_page_past_the_token_budget_is_analysed_up_to_it_and_says_so():
    paragraphs = [f'"We lost {n} boats," the mayor said on day {n}.' for n in range(1, 41)]
    page_text = "Harbour talks stall\n\n" + "\n\n".join(paragraphs)
    page = rashomon.read_page(page_text)
    whole, stopped = pipeline.parsed_extent(page, ParseOptions())
    assert stopped is None and [end for _, end in whole] == [len(b.text) for b, _ in whole]
    budget = ParseOptions(max_article_tokens=60)
    extent, stopped = pipeline.parsed_extent(page, budget)
    tokens = sum(len(pipeline._TOKEN.findall(block.text[:end])) for block, end in extent)
    assert stopped is not None and tokens == 60  # cut inside a block, at the budget exactly
    assert extent[-1][1] < len(extent[-1][0].text) and stopped is extent[-1][0]
    options = dataclasses.replace(Options(), parse=budget, stages=("attribution",))
    analysis = rashomon.analyze(page_text, options=options)
    warning = next(w for w in analysis.warnings if w.code == "page_truncated")
    assert stopped.id in warning.message and warning.stage == "parse"
    assert analysis.page.blocks[-1].id == stopped.id  # every stage saw the same cut article
    assert analysis.page.blocks[-1].text == stopped.text[: extent[-1][1]]
    spoken = [a.content.text for a in analysis.attributions]
    assert any("We lost 1 boats" in text for text in spoken)
    assert not any("We lost 40 boats" in text for text in spoken)  # past the budget: not analysed
    assert "page_truncated" not in [w.code for w in rashomon.analyze(page_text, stage_names=("attribution",)).warnings]


def test_a_stage_that_breaks_its_provides_fails_as_that_stage():
    """A stage must leave what it declares in ``provides`` and nothing undeclared; a broken promise is reported
    as the stage's failure, and the stages after it still run."""

    @register_stage("test_forgets_provides", provides=("test_vectors",))
    def forgets(analysis, ctx):
        pass

    @register_stage("test_leaks_undeclared")
    def leaks(analysis, ctx):
        ctx.provided["test_secret"] = 1

    @register_stage("test_keeps_promise", provides=("test_vectors",))
    def keeps(analysis, ctx):
        ctx.provided["test_vectors"] = [0.0]

    analysis = Analysis(page=Page(text="A short page.", blocks=[]))
    ctx = StageContext()
    pipeline.run_stages(analysis, ["test_forgets_provides", "test_leaks_undeclared", "test_keeps_promise"], ctx)
    failed = {w.stage: w.message for w in analysis.warnings if w.code == "stage_failed"}
    assert set(failed) == {"test_forgets_provides", "test_leaks_undeclared"}
    assert "did not provide test_vectors" in failed["test_forgets_provides"]
    assert "undeclared test_secret" in failed["test_leaks_undeclared"]
    assert ctx.provided["test_vectors"] == [0.0]


def test_a_callers_own_pipeline_reads_title_case_lines_as_the_projects_does():
    """The parse gives a Title-Case line the entities of its sentence-case reading also with a pipeline of the
    caller's that lacks the project's component: "Ada Moss", not "Ada Moss Defends"."""
    import spacy

    from rashomon import nlp as nlp_module
    from rashomon.pipeline import parse
    from tests.conftest import page_from

    own = spacy.load(nlp_module._package(None))  # the model as installed, without the project's components
    assert nlp_module.HEADLINE_ENTITIES not in own.pipe_names
    headline = parse(page_from("Mayor Ada Moss Defends Her Ferry Budget\n\nThe mayor spoke on Tuesday."), own)[0]
    assert [e.text for e in headline.doc.ents if e.label_ == "PERSON"] == ["Ada Moss"]
