"""Writes attention_reference.json: inputs drawn by NumPy and outputs computed here, independently of
Exp, following PyTorch's documented reference semantics of scaled_dot_product_attention (attn_mask
from torch.ones(L, S).tril(diagonal=0) for is_causal, boolean masks, additive float masks), the
RoFormer / GPT-NeoX RoPE layouts, torch.nn.functional layer_norm / rms_norm / gelu, and the
recurrences written step by step. attention_reference.exp compares Exp's kernels with it.
Regenerate with: python3 make_attention_reference.py (needs numpy)."""
import json
from math import erf, sqrt, pi
import numpy as np

rs = np.random.RandomState(20261201)
q, k, v = rs.randn(5, 4), rs.randn(7, 4), rs.randn(7, 3)
kk = rs.randn(7, 4)
bias = rs.randn(5, 7)
x = rs.randn(6, 8)
wq, wk, wv, wo = (rs.randn(8, 8) * 0.3 for _ in range(4))
beta = rs.rand(7)
a, b, c = rs.rand(7, 2), rs.randn(7, 2), rs.randn(7, 2)


def sdpa(q, k, v, mask=None, bias=None, scale=None):
    s = 1 / np.sqrt(q.shape[1]) if scale is None else scale
    logits = q @ k.T * s
    if bias is not None:
        logits = logits + bias
    if mask is not None:
        logits = np.where(mask, logits, -np.inf)
    logits -= logits.max(1, keepdims=True)
    w = np.exp(logits)
    return (w / w.sum(1, keepdims=True)) @ v


def rope(x, half):
    n, d = x.shape
    theta = 10000.0 ** (-np.arange(0, d, 2) / d)
    out = x.copy()
    for p in range(n):
        for i in range(d // 2):
            u, w = (i, i + d // 2) if half else (2 * i, 2 * i + 1)
            cs, sn = np.cos(p * theta[i]), np.sin(p * theta[i])
            out[p, u] = x[p, u] * cs - x[p, w] * sn
            out[p, w] = x[p, u] * sn + x[p, w] * cs
    return out


i, j = np.arange(7)[:, None], np.arange(7)[None, :]
phi = lambda t: np.where(t > 0, t + 1, np.exp(t))
lin = (phi(kk) @ phi(k).T) * np.tril(np.ones((7, 7)))
lin_nc = phi(q) @ phi(k).T
Q, K, V = x @ wq, x @ wk, x @ wv
heads = [sdpa(Q[:, h * 4:(h + 1) * 4], K[:, h * 4:(h + 1) * 4], V[:, h * 4:(h + 1) * 4],
              np.tril(np.ones((6, 6), bool))) for h in range(2)]
kn = k / np.linalg.norm(k, axis=1, keepdims=True)
S = np.zeros((3, 4))
delta = []
for t in range(7):
    S = S @ (np.eye(4) - beta[t] * np.outer(kn[t], kn[t])) + beta[t] * np.outer(v[t], kn[t])
    delta.append(S @ kk[t])
h, scan = np.zeros(2), []
for t in range(7):
    h = a[t] * h + b[t]
    scan.append(c[t] @ h)
mu, var = x.mean(1, keepdims=True), x.var(1, keepdims=True)

ref = {
    "inputs": dict(q=q, k=k, v=v, kk=kk, bias=bias, x=x, wq=wq, wk=wk, wv=wv, wo=wo, kn=kn, beta=beta,
                   a=a, b=b, c=c),
    "expected": {
        "causal_short_queries": sdpa(q, k, v, np.tril(np.ones((5, 7), bool))),
        "causal_long_queries": sdpa(k, q, v[:5], np.tril(np.ones((7, 5), bool))),
        "sliding_2": sdpa(kk, k, v, (j <= i) & (j > i - 2)),
        "prefix_3": sdpa(kk, k, v, (j <= i) | (j < 3)),
        "block_3": sdpa(kk, k, v, (i // 3) == (j // 3)),
        "bias_scale": sdpa(q, k, v, bias=bias, scale=0.7),
        "rope_interleaved": rope(x, False),
        "rope_half": rope(x, True),
        "layer_norm": (x - mu) / np.sqrt(var + 1e-5),
        "rms_norm": x / np.sqrt((x ** 2).mean(1, keepdims=True) + 1e-6),
        "gelu": np.vectorize(lambda t: 0.5 * t * (1 + erf(t / sqrt(2))))(x),
        "gelu_tanh": 0.5 * x * (1 + np.tanh(np.sqrt(2 / pi) * (x + 0.044715 * x ** 3))),
        "linear_causal_elu1": (lin / lin.sum(1, keepdims=True)) @ v,
        "linear_elu1": (lin_nc / lin_nc.sum(1, keepdims=True)) @ v,
        "multihead_causal": np.concatenate(heads, 1) @ wo,
        "delta_out": np.array(delta),
        "delta_state": S,
        "scan": np.array(scan),
    },
}
to_list = lambda d: {key: np.asarray(val).tolist() for key, val in d.items()}
with open("attention_reference.json", "w") as f:
    json.dump({"inputs": to_list(ref["inputs"]), "expected": to_list(ref["expected"])}, f, indent=1)
