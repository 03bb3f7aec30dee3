"""The trained reversal model: re-trained and compared with the shipped weights, its
accuracy and attention pattern, and --trained of self-attention, multihead and transformer."""

import json

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.trained import TrainedExample, mirror_share, with_trained
from nncli.maths import reverse_task
from nncli.maths.attention import multi_head_attention
from nncli.maths.positional import positional_encoding
from nncli.trace import Trace
from nncli.trained import REVERSE, load_reverse


def test_retraining_gives_the_shipped_weights():
    params, losses = reverse_task.train()
    data = json.loads(REVERSE.read_text(encoding="utf-8"))
    assert data["settings"] == reverse_task.SETTINGS and data["vocab"] == list(reverse_task.VOCAB)
    assert data["final_loss"] == pytest.approx(losses[-1], rel=1e-6)
    _, _, shipped = load_reverse()
    assert set(shipped) == set(params)
    for k in params:
        np.testing.assert_allclose(shipped[k], params[k], rtol=1e-6, atol=1e-9, err_msg=k)


def test_shipped_model_reverses_every_sentence_and_one_head_mirrors():
    settings, vocab, params = load_reverse()
    tokens = reverse_task.all_sentences(len(vocab), settings["tokens"])
    assert reverse_task.accuracy(params, settings["heads"], tokens) == 1.0
    ex = TrainedExample(vocab)
    share = mirror_share(ex.attention(reverse_task.embed(tokens, params["E"])))
    assert share[ex.mirror_head] == share.max() and share.max() > 0.9


def test_mirror_share_counts_argmax_on_the_mirrored_key():
    T = 3
    mirror = np.eye(T)[::-1][None, None]           # (1, 1, T, T): i attends to T − 1 − i
    identity = np.eye(T)[None, None]
    both = np.concatenate([mirror, identity], axis=1)  # (1, 2, T, T)
    np.testing.assert_allclose(mirror_share(both), [1.0, 1 / 3])  # the middle row is its own mirror


def test_self_attention_trained_json_is_the_mirror_head(run):
    data = run("explain", "self-attention", "--trained", "--words", "cat mat the sat", "--json").json()
    settings, vocab, p = load_reverse()
    ex = TrainedExample(["cat", "mat", "the", "sat"])
    ids = [vocab.index(w) for w in ex.words]
    X0 = p["E"][ids] + positional_encoding(4, p["E"].shape[1])
    np.testing.assert_allclose(np.array(data["inputs"]["X"]), X0, rtol=1e-12)
    _, weights = multi_head_attention(X0[None], p["Wq"], p["Wk"], p["Wv"], p["Wo"], settings["heads"])
    np.testing.assert_allclose(np.array(data["outputs"]["weights"]), weights[0, ex.mirror_head], rtol=1e-10)
    assert data["params"]["trained"] == "reverse"


def test_trained_sentences_follow_the_numbers(run):
    out = run("explain", "multihead", "--trained").stdout
    weights = TrainedExample(["the", "cat", "sat", "mat"])
    w = weights.attention(weights.X0[None])[0]
    for h in range(w.shape[0]):
        hits = int(np.sum(np.argmax(w[h], axis=-1) == [3, 2, 1, 0]))
        if hits == 4:
            assert f"Head {h}: each output position attends most to the mirrored" in out
        else:
            assert f"Head {h}: {hits} of 4 positions" in out
    assert "Head 1: " in out and "of 4 positions" in out  # this sentence has a head that is not a pure mirror
    assert "tools/train_attention.py" in out and "random small integers" not in out


def test_transformer_trained_reverses_and_says_so(run):
    for words in ("the,cat,sat,mat", "mat,mat,cat,the"):
        out = run("explain", "transformer", "--trained", "--words", words).stdout
        assert f'picks "{" ".join(reversed(words.split(",")))}"' in out, words
        assert "the sentence reversed, word for word" in out
    ex = TrainedExample(["the", "cat", "sat", "mat"])
    trace = Trace("transformer", {}, {}, [], {})
    wrong = with_trained(trace, ex, "en", np.ones((2, 4, 4)) / 4, predicted=["the"] * 4)
    assert "is not the sentence reversed" in wrong.steps[-1].blocks[-1].text


@pytest.mark.parametrize("args,needle", [
    (["self-attention", "--trained", "--wq", "1 0; 0 1"], "--wq"),
    (["self-attention", "--trained", "--words", "the cat"], "4 words"),
    (["multihead", "--trained", "--heads", "4"], "--heads"),
    (["multihead", "--trained", "--words", "the cat sat dog"], "4 words"),
    (["transformer", "--trained", "--dim", "8"], "--dim"),
    (["transformer", "--trained", "--words", "the,cat"], "4 words"),
])
def test_trained_conflicts_are_one_line_exit_2(run, args, needle):
    result = run("explain", *args)
    assert result.code == 2, result.stderr
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_trained_in_chinese_and_80_columns(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for topic in ("self-attention", "multihead", "transformer"):
        zh = run("explain", topic, "--trained", "--lang", "zh")
        assert zh.code == 0 and "镜像" in zh.stdout, topic
        en = run("explain", topic, "--trained").stdout
        assert max(len(line) for line in en.splitlines()) <= 80, topic


def test_data_file_is_inside_the_package():
    import nncli

    assert REVERSE.parent.parent == __import__("pathlib").Path(nncli.__file__).parent
    assert REVERSE.stat().st_size < 64_000
