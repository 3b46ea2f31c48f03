"""Train the BiLSTM-CRF (torch, CPU) and export it to the numpy format of
``isnad.models.ner.neural``.

    python training/ner/neural.py --dev          # train on train minus dev, score dev
    python training/ner/neural.py --out FILE.npz # train on all of train.tsv

Inputs per token: frozen word2vec vectors (word and clitic stem), a character
CNN, dense features; one BiLSTM layer; CRF output.  Seeds are fixed; torch runs
on 1-2 threads.
"""
from __future__ import annotations

import argparse
import random
import time
from collections import Counter

import os
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np
import torch
import torch.nn as nn

from common import BUILD, fix_bio, split_dev, train_sents
from crf import make_resources

from isnad.evaluation.ner import format_scores, score
from isnad.models.ner.neural import MAX_CHARS, N_FEATS, NeuralTagger, _WINDOW, encode
from isnad.models.ner.features import _gazet_tags, _token_info

TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def build_vocab(w2v_path, train, max_words):
    from gensim.models import Word2Vec
    from isnad.text.normalize import normalize
    wv = Word2Vec.load(str(w2v_path)).wv
    keep = list(wv.index_to_key[:max_words])
    seen = set(keep)
    # words of the training data that the embedding knows but the cut-off dropped
    for s in train:
        for w, _ in s:
            n = normalize(w)
            if n in wv.key_to_index and n not in seen:
                seen.add(n)
                keep.append(n)
    vocab = ["<pad>", "<unk>"] + keep
    emb = np.zeros((len(vocab), wv.vector_size), dtype=np.float32)
    emb[2:] = np.stack([wv[w] for w in keep])
    emb[2:] /= np.linalg.norm(emb[2:], axis=1, keepdims=True) + 1e-8
    return vocab, emb


def build_vocab_npz(npz_path, train, max_words):
    """The same vocabulary and vectors as :func:`build_vocab`, taken from an exported
    network (e.g. the shipped ``nn.npz``: its table is the word2vec model's top
    ``max_words`` words + the train.tsv words it knew, stored in float16) when
    ``build/w2v.model`` is not at hand.  Of the table's train-word tail only the words
    of ``train`` are kept, so a dev-slice network gets no vector that
    :func:`build_vocab` would not have given it."""
    from isnad.text.normalize import normalize
    z = np.load(npz_path, allow_pickle=False)
    words = [str(w) for w in z["vocab"]]
    table = np.asarray(z["emb"], dtype=np.float32)
    if words[:2] != ["<pad>", "<unk>"] or len(words) - 2 < max_words:
        raise SystemExit(f"{npz_path}: not a table of >= {max_words} words")
    seen = {normalize(w) for s in train for w, _ in s}
    rows = list(range(2, 2 + max_words)) + [i for i in range(2 + max_words, len(words))
                                             if words[i] in seen]
    vocab = ["<pad>", "<unk>"] + [words[i] for i in rows]
    emb = np.zeros((len(vocab), table.shape[1]), dtype=np.float32)
    emb[2:] = table[rows]
    emb[2:] /= np.linalg.norm(emb[2:], axis=1, keepdims=True) + 1e-8
    return vocab, emb


def build_chars(train):
    from isnad.text.normalize import normalize
    c = Counter(ch for s in train for w, _ in s for ch in normalize(w))
    return ["<pad>", "<unk>"] + [ch for ch, n in c.most_common() if n >= 2]


def build_fvocab(train, res, min_count=2):
    c = Counter()
    for s in train:
        toks = [w for w, _ in s]
        infos = [_token_info(t, res, _WINDOW) for t in toks]
        gz = _gazet_tags([i[0] for i in infos], res)
        for info, g in zip(infos, gz):
            c.update(info[1])
            c.update(g)
    return ["<pad>"] + sorted(f for f, n in c.items() if n >= min_count)


class CRF(nn.Module):
    def __init__(self, k):
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))

    def nll(self, em, tags, mask):
        # em: B,T,K ; tags: B,T ; mask: B,T bool
        B, T, K = em.shape
        maskf = mask.float()
        # gold score
        s = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for t in range(1, T):
            st = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
            s = s + st * maskf[:, t]
        lengths = mask.sum(1)
        last = tags.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)
        s = s + self.end[last]
        # partition
        a = self.start + em[:, 0]
        for t in range(1, T):
            na = torch.logsumexp(a.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, t]
            a = torch.where(mask[:, t:t + 1], na, a)
        logz = torch.logsumexp(a + self.end, dim=1)
        return (logz - s).sum()


class Net(nn.Module):
    def __init__(self, emb, n_chars, hidden=100, cdim=25, cout=50, dropout=0.5, tune_emb=False,
                 n_fvocab=0, bag_dim=50, extra_dense=0):
        super().__init__()
        self.n_fvocab = n_fvocab
        if n_fvocab:
            self.bag = nn.EmbeddingBag(n_fvocab, bag_dim, mode="sum")
            nn.init.normal_(self.bag.weight, std=0.05)
        self.emb = nn.Embedding.from_pretrained(torch.tensor(emb), freeze=not tune_emb, padding_idx=0)
        self.cemb = nn.Embedding(n_chars, cdim, padding_idx=0)
        self.conv = nn.Conv1d(cdim, cout, 3, padding=1)
        d_in = emb.shape[1] * 2 + cout + N_FEATS + extra_dense + (bag_dim if n_fvocab else 0)
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(d_in, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(TAGS))
        self.crf = CRF(len(TAGS))

    def char_repr(self, cid):
        B, T, L = cid.shape
        x = self.cemb(cid.view(B * T, L)).transpose(1, 2)       # N, E, L
        y = self.conv(x).transpose(1, 2)                          # N, L, C
        m = (cid.view(B * T, L) > 0).unsqueeze(2)
        y = y.masked_fill(~m, -1e4).max(1).values
        y = torch.where(m.any(1), y, torch.zeros_like(y))
        return y.view(B, T, -1)

    def emissions(self, wid, sid, cid, feats, lengths, bag=None):
        parts = [self.emb(wid), self.emb(sid), self.char_repr(cid), feats]
        if self.n_fvocab:
            ids, offs = bag
            parts.append(self.bag(ids, offs).view(wid.shape[0], wid.shape[1], -1))
        x = self.drop(torch.cat(parts, dim=2))
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True,
                                                   enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.out(self.drop(h))


def load_lm(path):
    z = np.load(path)
    return {d: (z[f"wih_{d}"].T.copy(), z[f"whh_{d}"].T.copy(), z[f"bih_{d}"] + z[f"bhh_{d}"])
            for d in ("f", "b")}, dict(z)


def lm_states(lm, emb, lids, batch=64):
    """Forward/backward LM hidden states (n, 2H) per sentence, with the runtime code."""
    emb = emb.astype(np.float16).astype(np.float32)      # exactly what the runtime sees
    out = [None] * len(lids)
    order = sorted(range(len(lids)), key=lambda i: len(lids[i]))
    for a in range(0, len(order), batch):
        idx = order[a:a + batch]
        xs = [emb[lids[i]] for i in idx]
        f = NeuralTagger._lstm_batch(None, xs, "f", lm)
        b = NeuralTagger._lstm_batch(None, xs, "b", lm)
        for j, i in enumerate(idx):
            out[i] = np.concatenate([f[j], b[j]], axis=1)
    return out


def encode_all(sents, vocab_map, chars_map, res, fmap=None, lm=None, emb=None):
    out = []
    encs = [encode([w for w, _ in s], vocab_map, chars_map, res, fmap) for s in sents]
    states = lm_states(lm, emb, [e[5] for e in encs]) if lm is not None else None
    for k, s in enumerate(sents):
        toks = [w for w, _ in s]
        wid, sid, cid, feats, bag, lid = encs[k]
        if states is not None:
            feats = np.concatenate([feats, states[k]], axis=1)
        if bag is None:
            per_tok = [np.zeros(0, np.int64)] * len(toks)
        else:
            ids, offs = bag
            ends = np.append(offs[1:], len(ids))
            per_tok = [ids[a:b] for a, b in zip(offs, ends)]
        tags = np.array([TAGS.index(t) for t in fix_bio([t for _, t in s])], dtype=np.int64)
        out.append((wid, sid, cid, feats, tags, per_tok))
    return out


def batches(data, bs, shuffle, rng, max_len=200):
    # long sentences are cut into chunks for training
    items = []
    for wid, sid, cid, feats, tags, per_tok in data:
        for a in range(0, len(wid), max_len):
            items.append((wid[a:a + max_len], sid[a:a + max_len], cid[a:a + max_len],
                          feats[a:a + max_len], tags[a:a + max_len], per_tok[a:a + max_len]))
    idx = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    groups = [idx[i:i + bs] for i in range(0, len(idx), bs)]
    if shuffle:
        rng.shuffle(groups)
    for g in groups:
        T = max(len(items[i][0]) for i in g)
        B = len(g)
        W = np.zeros((B, T), np.int64); S = np.zeros((B, T), np.int64)
        C = np.zeros((B, T, MAX_CHARS), np.int64); F = np.zeros((B, T, N_FEATS), np.float32)
        F = np.zeros((B, T, items[g[0]][3].shape[1]), np.float32)
        Y = np.zeros((B, T), np.int64); M = np.zeros((B, T), bool)
        bag_ids, bag_offs = [], []
        pos = 0
        for b, i in enumerate(g):
            w, s, c, f, y, pt = items[i]
            n = len(w)
            W[b, :n] = w; S[b, :n] = s; C[b, :n] = c; F[b, :n] = f; Y[b, :n] = y; M[b, :n] = True
            for t in range(T):
                bag_offs.append(pos)
                if t < n:
                    bag_ids.append(pt[t])
                    pos += len(pt[t])
        ids = torch.from_numpy(np.concatenate(bag_ids) if bag_ids else np.zeros(0, np.int64))
        offs = torch.tensor(bag_offs, dtype=torch.int64)
        yield tuple(torch.from_numpy(a) for a in (W, S, C, F, Y, M)) + ((ids, offs),)


def export(net, vocab, chars, path, fvocab=None, lm_raw=None):
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    extra = {}
    if lm_raw is not None:
        extra.update({f"lm_{k}": v for k, v in lm_raw.items()})
    if fvocab is not None:
        extra.update({"fvocab": np.array(fvocab), "fbag": sd["bag.weight"].astype(np.float16)})
    np.savez_compressed(
        path, **extra, tags=np.array(TAGS), vocab=np.array(vocab), chars=np.array(chars),
        emb=sd["emb.weight"].astype(np.float16), cemb=sd["cemb.weight"],
        conv_w=sd["conv.weight"], conv_b=sd["conv.bias"],
        wih_f=sd["lstm.weight_ih_l0"], whh_f=sd["lstm.weight_hh_l0"],
        bih_f=sd["lstm.bias_ih_l0"], bhh_f=sd["lstm.bias_hh_l0"],
        wih_b=sd["lstm.weight_ih_l0_reverse"], whh_b=sd["lstm.weight_hh_l0_reverse"],
        bih_b=sd["lstm.bias_ih_l0_reverse"], bhh_b=sd["lstm.bias_hh_l0_reverse"],
        out_w=sd["out.weight"], out_b=sd["out.bias"],
        trans=sd["crf.trans"], start=sd["crf.start"], end=sd["crf.end"])


def train(train_data, vocab, emb, chars, res, *, epochs=25, bs=16, lr=2e-3, hidden=100,
          seed=1, dev=None, tune_emb=False, dropout=0.5, word_drop=0.05, log=print, fvocab=None,
          eval_every=5, weight_decay=0.0, lm_path=None):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    vmap = {w: i for i, w in enumerate(vocab)}
    cmap = {c: i for i, c in enumerate(chars)}
    fmap = {f: i for i, f in enumerate(fvocab)} if fvocab else None
    lm, lm_raw = load_lm(lm_path) if lm_path else (None, None)
    data = encode_all(train_data, vmap, cmap, res, fmap, lm, emb)
    net = Net(emb, len(chars), hidden=hidden, dropout=dropout, tune_emb=tune_emb,
              n_fvocab=len(fvocab) if fvocab else 0,
              extra_dense=2 * lm["f"][1].shape[0] if lm else 0)
    net.lm_raw = lm_raw
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr,
                           weight_decay=weight_decay)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 / (1 + 0.05 * e))
    history = []
    for ep in range(epochs):
        net.train()
        t = time.time()
        tot = 0.0
        for W, S, C, F, Y, M, bag in batches(data, bs, True, rng):
            if word_drop:
                drop = (torch.rand(W.shape) < word_drop) & M
                W = W.masked_fill(drop, 1)
                S = S.masked_fill(drop, 1)
            em = net.emissions(W, S, C, F, M.sum(1), bag)
            loss = net.crf.nll(em, Y, M) / W.shape[0]
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            tot += loss.item()
        sched.step()
        msg = f"epoch {ep + 1} loss {tot:.1f} {time.time() - t:.0f}s"
        if dev is not None and ((ep + 1) % eval_every == 0 or ep + 1 == epochs):
            f = evaluate(net, vocab, chars, res, dev, fvocab=fvocab)["micro"][2]
            history.append((ep + 1, f))
            msg += f" dev F1 {f:.4f}"
        log(msg)
    return net, history


def evaluate(net, vocab, chars, res, sents, path=None, fvocab=None):
    path = path or BUILD / f"tmp_eval_{os.getpid()}.npz"
    export(net, vocab, chars, path, fvocab, getattr(net, "lm_raw", None))
    tg = NeuralTagger(path, res)
    pred = [tg.tag([w for w, _ in s]) for s in sents]
    return score([fix_bio([t for _, t in s]) for s in sents], pred)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--out", default=None)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--bs", type=int, default=16)
    ap.add_argument("--max-words", type=int, default=100_000)
    ap.add_argument("--tune-emb", action="store_true")
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--eval-every", type=int, default=5)
    ap.add_argument("--lm", default=None, help="language-model weights (lm.py) for contextual inputs")
    ap.add_argument("--wd", type=float, default=0.0)
    ap.add_argument("--lexicon", default=None,
                    help="clusters + gazetteer from this lexicon.tsv.gz (e.g. the shipped one, so the "
                         "network's feature bag matches the CRF it is ensembled with)")
    ap.add_argument("--bag", action="store_true", help="feature-bag input (the CRF's own-token features)")
    ap.add_argument("--extra", default=None,
                    help="pseudo-labelled CoNLL file (selftrain.py) added to the training sentences "
                         "(vocabularies still come from the gold sentences only)")
    ap.add_argument("--emb-npz", default=None,
                    help="word vectors from this exported network (e.g. the shipped nn.npz) "
                         "instead of build/w2v.model (build_vocab_npz)")
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    if args.lexicon:
        from isnad.models.ner import load_resources
        from pathlib import Path
        res = load_resources(Path(args.lexicon))
    else:
        res, *_ = make_resources(BUILD / "clusters.tsv", True)
    sents = train_sents()
    tr, dev = split_dev(sents) if args.dev else (sents, None)
    if args.emb_npz:
        vocab, emb = build_vocab_npz(args.emb_npz, tr, args.max_words)
    else:
        vocab, emb = build_vocab(BUILD / "w2v.model", tr, args.max_words)
    chars = build_chars(tr)
    fvocab = build_fvocab(tr, res) if args.bag else None
    print(f"vocab {len(vocab):,} chars {len(chars)} features {len(fvocab) if fvocab else 0:,}")
    t = time.time()
    if args.extra:
        from common import read_conll
        extra = read_conll(args.extra)
        print(f"+ {len(extra):,} pseudo-labelled sentences from {args.extra}")
        tr = tr + extra
    net, hist = train(tr, vocab, emb, chars, res, epochs=args.epochs, bs=args.bs, lr=args.lr,
                      hidden=args.hidden, seed=args.seed, dev=dev, tune_emb=args.tune_emb,
                      dropout=args.dropout, fvocab=fvocab, eval_every=args.eval_every,
                      weight_decay=args.wd, lm_path=args.lm)
    print(f"trained in {time.time() - t:.0f}s")
    if dev is not None:
        print(format_scores(evaluate(net, vocab, chars, res, dev, fvocab=fvocab)))
    if args.out:
        export(net, vocab, chars, args.out, fvocab, net.lm_raw)
        print(f"-> {args.out}")


if __name__ == "__main__":
    main()
