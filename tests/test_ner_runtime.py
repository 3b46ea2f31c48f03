"""The numpy runtime's shortcuts give exactly what the plain computation gives: cached
per-token inputs (neural.encode_token) vs encoding the sentence afresh, char-CNN vectors
token by token vs in one batch, batched Viterbi vs one sequence at a time."""
import numpy as np

from isnad.models.ner import load_tagger
from isnad.models.ner.neural import encode, viterbi, viterbi_batch

SENTS = [
    "قال الرئيس الأمريكي جورج بوش في واشنطن إن وزارة الخارجية ستوفد مبعوثا".split(),
    "فاز برشلونة على ريال مدريد في ملعب سانتياغو برنابيو ضمن الدوري الإسباني".split(),
    "وبالحسكة 2024 ، « الأمم المتحدة » x" .split(),
    ["بوش"],
]


def test_cached_inputs_equal_fresh_encoding():
    net = load_tagger().nets[0]
    rows = net._token_inputs(SENTS)
    rows_again = net._token_inputs(SENTS)            # now all from the cache
    for toks, row, row2 in zip(SENTS, rows, rows_again):
        a = encode(toks, net.vocab, net.chars, net.res, net.fvocab)
        for b in (encode(toks, net.vocab, net.chars, net.res, net.fvocab, toks=row),
                  encode(toks, net.vocab, net.chars, net.res, net.fvocab, toks=row2)):
            for x, y in zip(a[:4] + a[5:], b[:4] + b[5:]):
                assert np.array_equal(x, y)
            assert np.array_equal(a[4][0], b[4][0]) and np.array_equal(a[4][1], b[4][1])


def test_char_vectors_per_token_equal_batch():
    net = load_tagger().nets[0]
    enc = [encode(t, net.vocab, net.chars, net.res, net.fvocab) for t in SENTS]
    cid = np.concatenate([e[2] for e in enc])
    batch = net._chars(cid)
    single = np.concatenate([net._chars(cid[i:i + 1]) for i in range(len(cid))])
    assert np.array_equal(batch, single)


def test_batched_viterbi_equals_single():
    rng = np.random.default_rng(0)
    K = 9
    trans = rng.normal(size=(K, K)).astype(np.float32)
    start = rng.normal(size=K).astype(np.float32)
    end = rng.normal(size=K).astype(np.float32)
    ems = [rng.normal(size=(n, K)) for n in (1, 7, 3, 40, 2, 40)]
    assert viterbi_batch(ems, trans, start, end) == [viterbi(e, trans, start, end) for e in ems]
    assert viterbi_batch([], trans, start, end) == []


def _lstm_reference(net, xs, d):
    """The padded full-batch loop the runtime used before it skipped finished rows."""
    from isnad.models.ner.neural import _sigmoid
    wih, whh, b = net.lstm[d]
    H = whh.shape[0]
    lens = [x.shape[0] for x in xs]
    T, B = max(lens), len(xs)
    proj = np.zeros((T, B, 4 * H), dtype=np.float32)
    for j, x in enumerate(xs):
        p = x @ wih + b
        proj[:lens[j], j] = p if d == "f" else p[::-1]
    h = np.zeros((B, H), dtype=np.float32)
    c = np.zeros((B, H), dtype=np.float32)
    hs = np.empty((T, B, H), dtype=np.float32)
    for t in range(T):
        g = proj[t] + h @ whh
        sg = _sigmoid(g)
        c = sg[:, H:2 * H] * c + sg[:, :H] * np.tanh(g[:, 2 * H:3 * H])
        h = sg[:, 3 * H:] * np.tanh(c)
        hs[t] = h
    return [hs[:n, j] if d == "f" else hs[:n, j][::-1] for j, n in enumerate(lens)]


def test_lstm_skipping_finished_rows_equals_full_batch():
    net = load_tagger().nets[0]
    rng = np.random.default_rng(3)
    d_in = net.lstm["f"][0].shape[0]
    for lens in ([5, 1, 17, 3, 17, 2], [1], [4, 9], [30] + [1] * 7):
        xs = [rng.normal(size=(n, d_in)).astype(np.float32) for n in lens]
        for d in ("f", "b"):
            for a, b in zip(net._lstm_batch(xs, d), _lstm_reference(net, xs, d)):
                assert np.array_equal(a, b)


def test_threads_with_small_caches_give_the_same_tags(monkeypatch):
    import threading
    import isnad.models.ner.features as F
    import isnad.models.ner.neural as N
    tagger = load_tagger()
    sents = [s[i:] + s[:i] for s in SENTS for i in range(len(s))]    # many windows, shared tokens
    want = tagger.tag_sents(sents, document=True)
    monkeypatch.setattr(N, "TOKEN_CACHE", 8)
    monkeypatch.setattr(F, "_CACHE_MAX", 8)
    got, errors = [], []

    def run():
        try:
            for _ in range(5):
                got.append(tagger.tag_sents(sents, document=True))
        except Exception as e:      # noqa: BLE001 - reported below
            errors.append(e)
    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(g == want for g in got) and len(got) == 20
