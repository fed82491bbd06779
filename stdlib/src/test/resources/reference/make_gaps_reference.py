"""Writes gaps_reference.json: literal inputs drawn by NumPy and the values of scikit-learn 1.2.1 for the
kernels added by the "issue 13/14 gaps" work: BayesianRidge.predict(return_std=True) (L02),
QuantileRegressor with its L1 penalty alpha (L33, exact LP by HiGHS), best-subset regression by brute
force over LinearRegression fits (L03), roc_auc_score with
multi_class="ovr"/"ovo" and average="macro"/"weighted"/"micro"/None (M05/M07), average_precision_score
per query (MAP) and dcg_score (M05), with R-precision, hits@k and F1@k by explicit loops. The predictive std at fixed
(alpha, beta) is the formula sqrt(1/beta + xᵀ S x) (raw and centred x) written here with NumPy.
The Java tests dev.exp.learn.linear.{BayesPredictStdTest, QuantilePenaltyTest, BestSubsetTest} and
dev.exp.metrics.{MulticlassAucTest, RetrievalScoringTest} compare Exp's kernels with it.
Run with the system python that has scikit-learn:  /usr/bin/python3 make_gaps_reference.py
(numpy 1.24, scipy 1.10, scikit-learn 1.2.1)."""
import json

import numpy as np
from sklearn import linear_model as lm
from sklearn.metrics import roc_auc_score

rs = np.random.RandomState(20260413)
inputs, expected = {}, {}


def enc(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "re": a.ravel().tolist()}


def put_in(name, a):
    inputs[name] = enc(a)
    return np.asarray(a, dtype=float)


def put(name, a):
    expected[name] = enc(a)


# ---------------------------------------------------------------- L02 predictive mean and std
X = put_in("bayes_X", rs.randn(30, 4).round(3))
y = put_in("bayes_y", (X @ np.array([1.0, -0.5, 0.0, 2.0]) + 0.7 + 0.4 * rs.randn(30)).round(4))
Xq = put_in("bayes_Xq", rs.randn(6, 4).round(3) * 2)
m = lm.BayesianRidge(tol=1e-12, n_iter=1000).fit(X, y)
mean, std = m.predict(Xq, return_std=True)
put("bayes_fit_mean", mean); put("bayes_fit_std", std)
put("bayes_fit_noise_precision", [m.alpha_])
# fixed prior precision a and noise precision b, centred design (the intercept is the least-squares one)
a, b = 2.0, 5.0
xm, ym = X.mean(0), y.mean()
Xc = X - xm
S = np.linalg.inv(a * np.eye(4) + b * Xc.T @ Xc)
w = b * S @ Xc.T @ (y - ym)
Qc = Xq - xm
put("bayes_fixed_mean", Qc @ w + ym)
# scikit-learn's convention (predict(return_std=True) in 1.2.1): the raw row, sqrt(1/b + xᵀSx)
put("bayes_fixed_std", np.sqrt(1 / b + np.einsum("ij,jk,ik->i", Xq, S, Xq)))
# the centred row: the variance of the mean prediction ȳ + (x − x̄)ᵀw given the least-squares intercept
put("bayes_fixed_std_centered", np.sqrt(1 / b + np.einsum("ij,jk,ik->i", Qc, S, Qc)))
put("bayes_fixed_std_mean_only", np.sqrt(np.einsum("ij,jk,ik->i", Xq, S, Xq)))

# ---------------------------------------------------------------- L33 quantile regression with the L1 penalty
xh = rs.uniform(-2, 2, 50)
Xh = put_in("qrl1_X", np.c_[xh.round(4), (xh ** 2).round(4), rs.randn(50).round(4)])
yh = put_in("qrl1_y", (1 + 2 * xh - 0.5 * xh ** 2 + (0.3 + 0.5 * np.abs(xh)) * rs.randn(50)).round(4))
for tau in [0.2, 0.5, 0.8]:
    for alpha in [0.01, 0.1, 0.5]:
        q = lm.QuantileRegressor(quantile=tau, alpha=alpha, solver="highs").fit(Xh, yh)
        put("qrl1_%g_%g_coef" % (tau, alpha), q.coef_); put("qrl1_%g_%g_intercept" % (tau, alpha), [q.intercept_])
        obj = np.mean(np.maximum(tau * (yh - q.predict(Xh)), (tau - 1) * (yh - q.predict(Xh)))) \
            + alpha * np.abs(q.coef_).sum()
        put("qrl1_%g_%g_objective" % (tau, alpha), [obj])
q = lm.QuantileRegressor(quantile=0.3, alpha=0.05, fit_intercept=False, solver="highs").fit(Xh, yh)
put("qrl1_noint_coef", q.coef_)

# ---------------------------------------------------------------- M05/M07 multiclass ROC-AUC
n, k = 60, 4
yt = rs.randint(0, k, n)
yt[:k] = np.arange(k)
logits = rs.randn(n, k) + 1.2 * np.eye(k)[yt]
P = np.exp(logits)
P /= P.sum(1, keepdims=True)
P = P.round(2)
P[:, -1] = 1 - P[:, :-1].sum(1)          # rows sum to 1 exactly after rounding; rounding makes ties
put_in("auc_y", yt); put_in("auc_P", P)
for mc in ["ovr", "ovo"]:
    for avg in ["macro", "weighted"]:
        put("auc_%s_%s" % (mc, avg), [roc_auc_score(yt, P, multi_class=mc, average=avg)])
put("auc_ovr_micro", [roc_auc_score(yt, P, multi_class="ovr", average="micro")])
put("auc_ovr_none", roc_auc_score(yt, P, multi_class="ovr", average=None))
# labels that are not 0..K-1 (sorted unique values index the columns)
lab = np.array([2.0, 5.0, 7.0, 11.0])
put_in("auc_y_labels", lab[yt])
put("auc_labels_ovo_weighted", [roc_auc_score(lab[yt], P, multi_class="ovo", average="weighted")])
# three classes, unbalanced
yt3 = np.r_[np.zeros(5), np.ones(12), 2 * np.ones(23)].astype(int)
rs.shuffle(yt3)
L3 = rs.randn(40, 3) + 0.8 * np.eye(3)[yt3]
P3 = np.exp(L3)
P3 /= P3.sum(1, keepdims=True)
put_in("auc3_y", yt3); put_in("auc3_P", P3)
for mc in ["ovr", "ovo"]:
    for avg in ["macro", "weighted"]:
        put("auc3_%s_%s" % (mc, avg), [roc_auc_score(yt3, P3, multi_class=mc, average=avg)])

# ---------------------------------------------------------------- M05 retrieval: MAP, DCG (scikit-learn)
from sklearn.metrics import average_precision_score, dcg_score

R = (rs.rand(7, 12) < 0.3).astype(float)
R[0] = 0; R[0, 3] = 1                         # at least one relevant in every row used by AP
R[R.sum(1) == 0, 0] = 1
S = rs.rand(7, 12).round(6)                   # distinct scores per row
put_in("ret_rel", R); put_in("ret_scores", S)
put("ret_map", [np.mean([average_precision_score(R[i], S[i]) for i in range(len(R))])])
G = rs.randint(0, 4, (5, 9)).astype(float)
T = rs.randint(0, 5, (5, 9)).astype(float)    # integer scores: many ties (dcg_score averages tied gains)
put_in("dcg_rel", G); put_in("dcg_scores", T)
put("dcg_all", [dcg_score(G, T)]); put("dcg_at_4", [dcg_score(G, T, k=4)])
# R-precision, hit rate and F1@k by explicit loops (independent of Exp's code)
rp, hit3, f13 = [], [], []
for i in range(len(R)):
    order = np.argsort(-S[i], kind="stable")
    nrel = int(R[i].sum())
    rp.append(R[i, order[:nrel]].sum() / nrel)
    h = R[i, order[:3]].sum()
    hit3.append(float(h > 0))
    p3, r3 = h / 3, h / nrel
    f13.append(0 if h == 0 else 2 * p3 * r3 / (p3 + r3))
put("ret_r_precision", [np.mean(rp)]); put("ret_hit_3", [np.mean(hit3)]); put("ret_f1_3", [np.mean(f13)])

# ---------------------------------------------------------------- L03 best subset (brute force with LinearRegression)
from itertools import combinations

Xb = put_in("bs_X", rs.randn(40, 8).round(3))
Xb[:, 5] = (Xb[:, 1] + 0.3 * rs.randn(40)).round(3)   # a correlated decoy
inputs["bs_X"] = enc(Xb)
yb = put_in("bs_y", (Xb @ np.array([0, 1.0, 0, -0.8, 0, 0.5, 0, 0]) + 2 + 0.5 * rs.randn(40)).round(4))
for s_ in [1, 2, 3]:
    best = None
    for S_ in combinations(range(8), s_):
        lr = lm.LinearRegression().fit(Xb[:, S_], yb)
        rss = ((yb - lr.predict(Xb[:, S_])) ** 2).sum()
        if best is None or rss < best[0]:
            best = (rss, S_, lr)
    coef = np.zeros(8); coef[list(best[1])] = best[2].coef_
    put("bs_%d_support" % s_, best[1]); put("bs_%d_rss" % s_, [best[0]])
    put("bs_%d_coef" % s_, coef); put("bs_%d_intercept" % s_, [best[2].intercept_])

with open("gaps_reference.json", "w") as f:
    json.dump({"inputs": inputs, "expected": expected}, f)
