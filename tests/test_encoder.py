"""The shared encoder and heads-as-data, on texts written for these tests."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest

from rashomon import encoder, heads, settings
from rashomon.resources import data_path, data_text


@pytest.fixture(scope="module")
def enc() -> encoder.Encoder:
    return encoder.load(threads=1)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_vectors_are_unit_length_float32_in_the_callers_order(enc):
    texts = ["The army shelled the eastern districts overnight.", "ok", "Nice weather for a picnic today!"]
    vectors = enc.embed(texts)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    reordered = enc.embed(texts[::-1])[::-1]
    for a, b in zip(vectors, reordered, strict=True):
        assert cosine(a, b) > 0.995


def test_paraphrases_are_closer_than_unrelated_texts(enc):
    captured, seized, recipe, liberated = enc.embed(
        [
            "Rebel fighters captured the town after two days of fighting.",
            "Insurgents seized the town following a two-day battle.",
            "Whisk two eggs with the sugar until the mixture is pale.",
            "Government forces liberated the town from the militants.",
        ]
    )
    assert cosine(captured, seized) > 0.6
    assert cosine(captured, seized) > cosine(captured, recipe) + 0.4
    # "captured" and "liberated" tell one event: closer to each other than to an unrelated sentence
    assert cosine(captured, liberated) > cosine(captured, recipe) + 0.2


TEXT = "Aid agencies said thousands of families had fled the fighting."
#: 40 neighbours of growing length, the text set among them at index 20
AMONG_OTHERS = [f"Comment number {i}: {'really ' * i}not sure about this." for i in range(40)]
AMONG_OTHERS.insert(20, TEXT)


def test_a_text_gets_the_same_bits_alone_and_among_others(enc):
    # int8 activations are quantized per call: a text run with neighbours would take their range
    alone = enc.encode([TEXT], tokens=True)
    among = enc.encode(AMONG_OTHERS, tokens=True)
    assert np.array_equal(alone.sentences[0], among.sentences[20])
    assert np.array_equal(alone.tokens[0], among.tokens[20])


@pytest.fixture(scope="module")
def batched_enc() -> encoder.Encoder:
    """The shipped model run 8 texts per call, as it was before session 21."""
    return encoder.Encoder(
        data_path(settings.ENCODER_MODEL), data_path(settings.ENCODER_TOKENIZER), threads=1, batch_size=8
    )


def test_batched_calls_stay_close_to_one_text_per_call(enc, batched_enc):
    alone = enc.embed([TEXT])[0]
    batched = batched_enc.embed(AMONG_OTHERS)[20]
    assert cosine(alone, batched) > 0.99


def test_vector_caches_are_read_only_for_the_same_texts_and_encoder(enc, batched_enc, tmp_path):
    # keyed by name and length alone, a cache of other texts (or of 8 texts per call) was read back silently
    from rashomon.comments.training import embed_cached

    first, second = ["the ceasefire held", "the convoy left"], ["rebels took the hill", "aid arrived late"]
    assert np.array_equal(embed_cached(first, "set", tmp_path, log=lambda *_: None), enc.embed(first))
    assert np.array_equal(embed_cached(second, "set", tmp_path, log=lambda *_: None), enc.embed(second))
    assert len(list(tmp_path.glob("set-*.npy"))) == 2
    assert batched_enc.fingerprint != enc.fingerprint == encoder.load(threads=1).fingerprint


def test_the_same_call_gives_the_same_bits(enc):
    texts = ["first text", "a second, longer text about a ceasefire that collapsed", ""]
    assert np.array_equal(enc.embed(texts), enc.embed(texts))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t  ",
        "Переговоры продолжатся завтра, сообщили в министерстве.",
        "停火协议于周二生效。",
        "وقالت الوزارة إن المفاوضات ستستمر",
        "😂😂😂 🔥🔥 👍",
        "bell\x07 escape\x1b[31m nul\x00 c1\x85 rtl\u202e override",
        "lone surrogate \ud83d here",
        "x" * 100_000,
        "word " * 30_000,
    ],
    ids=[
        "empty",
        "blank",
        "cyrillic",
        "chinese",
        "arabic",
        "emoji",
        "controls",
        "surrogate",
        "100k-letters",
        "150k-words",
    ],
)
def test_hostile_texts_give_finite_deterministic_vectors(enc, text):
    first = enc.encode([text], tokens=True)
    second = enc.encode([text], tokens=True)
    assert np.isfinite(first.sentences).all()
    assert np.array_equal(first.sentences, second.sentences)
    assert first.tokens is not None and first.offsets is not None
    assert len(first.tokens[0]) == len(first.offsets[0])
    assert (first.offsets[0] <= settings.ENCODER_MAX_CHARS).all()


def test_long_texts_are_truncated_and_say_so(enc):
    short, long_words, long_letters = enc.encode(["a short comment", "word " * 300, "x" * 100_000]).truncated
    assert not short
    assert long_words  # 300 words overflow 256 word pieces
    assert long_letters  # cut to ENCODER_MAX_CHARS before tokenizing


def test_token_offsets_point_at_the_words_of_the_text(enc):
    text = "The ministry DENIED that 150 fighters were captured."
    encoding = enc.encode([text], tokens=True)
    assert encoding.tokens is not None and encoding.offsets is not None
    pieces = [text[start:end] for start, end in encoding.offsets[0]]
    assert "DENIED" in "".join(pieces) and "captured" in "".join(pieces)
    assert encoding.tokens[0].shape == (len(pieces), 384)
    # the word pieces cover every letter and digit of the text, in order
    assert re.sub(r"\W", "", "".join(pieces)) == re.sub(r"\W", "", text)


def test_empty_input_gives_empty_arrays(enc):
    encoding = enc.encode([], tokens=True)
    assert encoding.sentences.shape == (0, 384) and encoding.truncated.shape == (0,)


def test_non_text_input_is_refused_plainly(enc):
    with pytest.raises(TypeError, match="takes str"):
        enc.embed([b"bytes are not text"])  # type: ignore[list-item]


def test_load_is_once_per_process_and_thread_count():
    assert encoder.load(threads=1) is encoder.load(threads=1)


def test_the_card_names_the_shipped_file_by_its_hash():
    model = data_path(settings.ENCODER_MODEL)
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    card = data_text("models/encoder-minilm-l6.card.md")
    assert digest in card, "the encoder card's sha256 is stale: rebuild with 'make encoder' and update the card"
    assert "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db" in card  # the source weights
    assert "Apache License" in card


# --- heads -----------------------------------------------------------------------------------------------

NEWS = [
    "The defence ministry said its forces had taken control of three villages.",
    "Officials reported that 40 people were killed in the strike on the market.",
    "The observatory said clashes continued in the southern districts on Monday.",
    "A spokesman for the coalition denied that civilians had been targeted.",
    "The United Nations called for a humanitarian pause to evacuate the wounded.",
    "Rebel commanders said they had withdrawn to new defensive lines.",
]
KITCHEN = [
    "Bake the bread for forty minutes until the crust is golden.",
    "Add a pinch of salt and stir the soup gently.",
    "Let the dough rest overnight in the fridge.",
    "Chop the onions finely and fry them in butter.",
    "Serve the cake with fresh berries and cream.",
    "Season the roast with rosemary and garlic.",
]


def train_topic_head(enc, hidden: int | None = None) -> heads.Head:
    """A real head fitted on encoder vectors of the sentences above (news = 1, kitchen = 0)."""
    from sklearn.linear_model import LogisticRegression

    features = enc.embed(NEWS + KITCHEN)
    target = np.array([1] * len(NEWS) + [0] * len(KITCHEN))
    model = LogisticRegression(C=10.0).fit(features, target)
    layer = heads.Layer(model.coef_.T.astype(np.float32), model.intercept_.astype(np.float32))
    return heads.Head(
        name="topic-news",
        input="sentence",
        layers=(layer,),
        output="sigmoid",
        labels=("news",),
        thresholds={"news": 0.5},
    )


def test_a_head_fitted_on_encoder_vectors_generalises_to_new_sentences(enc):
    head = train_topic_head(enc)
    unseen = enc.embed(
        [
            "Troops advanced on the airport under heavy shelling, witnesses said.",
            "Whip the cream with a little vanilla sugar.",
        ]
    )
    assert head.flags(unseen) == [["news"], []]


def test_a_head_survives_its_file(enc, tmp_path):
    head = train_topic_head(enc)
    calibrated = heads.Head(
        name=head.name,
        input=head.input,
        layers=head.layers,
        output=head.output,
        labels=head.labels,
        thresholds=head.thresholds,
        calibration={"news": (np.array([0.0, 0.5, 1.0], np.float32), np.array([0.0, 0.2, 1.0], np.float32))},
    )
    path = tmp_path / "topic.npz"
    calibrated.save(path)
    again = heads.Head.read(path)
    features = enc.embed(NEWS[:2] + KITCHEN[:2])
    assert np.allclose(again.scores(features), calibrated.scores(features))
    raw = head.scores(features)[:, 0]
    assert np.allclose(calibrated.scores(features)[:, 0], np.interp(raw, [0, 0.5, 1], [0, 0.2, 1]), atol=1e-6)


def test_an_mlp_head_on_token_vectors_tags_spans(enc):
    # a two-layer head whose output is the token's projection on one direction: written by hand, so the
    # spans it must give are known
    direction = enc.encode(["furious"], tokens=True).tokens[0].mean(axis=0)
    w0 = np.stack([direction, -direction], axis=1).astype(np.float32)
    head = heads.Head(
        name="toy-span",
        input="token",
        layers=(
            heads.Layer(w0, np.zeros(2, np.float32), "relu"),
            heads.Layer(np.array([[1.0], [-1.0]], np.float32), np.array([-0.5 * direction @ direction], np.float32)),
        ),
        output="sigmoid",
        labels=("loaded",),
    )
    text = "The minister was furious about the decision, aides said."
    encoding = enc.encode([text], tokens=True)
    scores = head.scores(encoding.tokens[0])[:, 0]
    spans = heads.token_spans(scores, encoding.offsets[0], threshold=float(scores.max()) - 1e-6)
    assert [text[start:end] for start, end, _ in spans] == ["furious"]


def test_token_spans_join_neighbouring_pieces():
    offsets = np.array([[0, 3], [4, 8], [8, 11], [12, 14], [15, 20]])
    scores = np.array([0.1, 0.9, 0.8, 0.2, 0.7])
    assert heads.token_spans(scores, offsets, 0.5) == [(4, 11, pytest.approx(0.9)), (15, 20, pytest.approx(0.7))]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"layers": (heads.Layer(np.zeros((384, 3), np.float32), np.zeros(3, np.float32)),)}, "3 outputs for 1"),
        (
            {
                "layers": (
                    heads.Layer(np.zeros((384, 4), np.float32), np.zeros(4, np.float32), "swish"),
                    heads.Layer(np.zeros((4, 1), np.float32), np.zeros(1, np.float32)),
                )
            },
            "activation 'swish'",
        ),
        (
            {
                "layers": (
                    heads.Layer(np.zeros((384, 4), np.float32), np.zeros(4, np.float32)),
                    heads.Layer(np.zeros((5, 1), np.float32), np.zeros(1, np.float32)),
                )
            },
            "takes 4 inputs",
        ),
        ({"output": "argmax"}, "output must be"),
        ({"input": "document"}, "input must be"),
        ({"thresholds": {"other": 0.5}}, "unknown labels"),
    ],
)
def test_malformed_heads_are_refused_at_construction(change, message):
    base = {
        "name": "bad",
        "input": "sentence",
        "output": "sigmoid",
        "labels": ("x",),
        "layers": (heads.Layer(np.zeros((384, 1), np.float32), np.zeros(1, np.float32)),),
    }
    with pytest.raises(heads.HeadError, match=message):
        heads.Head(**{**base, **change})


def test_head_files_of_another_encoder_or_broken_are_refused(enc, tmp_path):
    head = train_topic_head(enc)
    path = tmp_path / "head.npz"
    head.save(path)
    with pytest.raises(heads.HeadError, match="trained on encoder"):
        heads.Head.read(path, encoder="some-other-encoder")
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip file at all")
    with pytest.raises(heads.HeadError, match="cannot read head"):
        heads.Head.read(garbage)
    with pytest.raises(heads.HeadError, match="takes vectors of 384"):
        head.scores(np.zeros((2, 100), np.float32))


def test_the_encoder_is_a_pipeline_resource_that_batch_workers_run_on_one_thread():
    from rashomon import pipeline
    from rashomon.batch.worker import batch_options
    from rashomon.options import Options

    assert pipeline.load_resource("encoder", Options().with_values({"encoder.threads": 1})) is encoder.load(1)
    assert batch_options(Options()).encoder.threads == 1
