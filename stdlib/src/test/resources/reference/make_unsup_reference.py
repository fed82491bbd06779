"""Writes unsup_reference.json: literal inputs drawn by NumPy and the outputs of scikit-learn 1.2.1 and
SciPy 1.10 (k-means from given centres, PCA, Gaussian mixtures from a given init, factor analysis,
spectral clustering, classification/calibration/ranking metrics, correlations and tests). The Java tests
under dev.exp.learn.{cluster,decompose}, dev.exp.metrics and dev.exp.stats compare Exp's kernels with it.
Regenerate with the system python, which has scikit-learn:
    /usr/bin/python3 make_unsup_reference.py
(numpy 1.24, scipy 1.10, scikit-learn 1.2.1)."""
import json

import numpy as np
import scipy.stats as st
import sklearn
from sklearn import metrics as skm
from sklearn.cluster import KMeans, SpectralClustering
from sklearn.decomposition import PCA, FactorAnalysis
from sklearn.mixture import GaussianMixture

rs = np.random.RandomState(20261201)
inputs, expected = {}, {}


def enc(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "re": a.ravel().tolist()}


def put_in(name, a):
    inputs[name] = enc(a)
    return np.asarray(a, dtype=float)


def put(name, a):
    expected[name] = enc(a)


# ---------------------------------------------------------------- k-means
centres = np.array([[0, 0, 0, 0], [3, 3, 0, 0], [0, 3, 3, 1]], float)
Xk = np.vstack([c + rs.normal(scale=1.0, size=(100, 4)) for c in centres])
Xk = put_in("kmeans_X", Xk)
C0 = put_in("kmeans_init", Xk[[5, 150, 250]])
km = KMeans(n_clusters=3, init=C0, n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(Xk)
put("kmeans_centers", km.cluster_centers_)
put("kmeans_labels", km.labels_)
put("kmeans_inertia", km.inertia_)
put("kmeans_n_iter", km.n_iter_)
put("kmeans_transform", km.transform(Xk[:5]))
put("kmeans_score", km.score(Xk))
# a harder case: 7 clusters in uniform 2-D data, many iterations, tol 0
Xu = put_in("kmeans_uniform_X", rs.uniform(size=(400, 2)))
Cu = put_in("kmeans_uniform_init", Xu[:7])
ku = KMeans(n_clusters=7, init=Cu, n_init=1, max_iter=500, tol=0.0, algorithm="lloyd").fit(Xu)
put("kmeans_uniform_centers", ku.cluster_centers_)
put("kmeans_uniform_inertia", ku.inertia_)
put("kmeans_uniform_n_iter", ku.n_iter_)

# ---------------------------------------------------------------- PCA
A = rs.normal(size=(5, 5))
Xp = put_in("pca_X", rs.normal(size=(60, 5)) @ A + np.array([1, -2, 0.5, 3, 0]))
p3 = PCA(n_components=3).fit(Xp)
put("pca3_components", p3.components_)
put("pca3_explained_variance", p3.explained_variance_)
put("pca3_explained_variance_ratio", p3.explained_variance_ratio_)
put("pca3_singular_values", p3.singular_values_)
put("pca3_mean", p3.mean_)
put("pca3_noise_variance", p3.noise_variance_)
put("pca3_transform", p3.transform(Xp[:6]))
put("pca3_score", p3.score(Xp))
put("pca3_inverse", p3.inverse_transform(p3.transform(Xp[:6])))
pw = PCA(n_components=3, whiten=True).fit(Xp)
put("pca3w_transform", pw.transform(Xp[:6]))
Xw = put_in("pca_wide_X", rs.normal(size=(8, 12)))
pf = PCA().fit(Xw)
put("pca_wide_explained_variance", pf.explained_variance_)
put("pca_wide_components", pf.components_)

# ---------------------------------------------------------------- classification metrics
yb = put_in("cls_y", rs.randint(0, 2, size=40))
sc = put_in("cls_score", np.round(rs.uniform(size=40) * 0.5 + 0.4 * yb, 1))  # rounded: many ties
fpr, tpr, th = skm.roc_curve(yb, sc, drop_intermediate=False)
put("roc_fpr", fpr)
put("roc_tpr", tpr)
put("roc_thresholds_tail", th[1:])  # scikit-learn 1.2 puts max+1 first; Exp puts inf
put("roc_auc", skm.roc_auc_score(yb, sc))
pr, rc, pth = skm.precision_recall_curve(yb, sc)
put("pr_precision", pr)
put("pr_recall", rc)
put("pr_thresholds", pth)
put("average_precision", skm.average_precision_score(yb, sc))
put("pr_auc", skm.auc(rc, pr))
ym = put_in("cls_multi_true", rs.randint(0, 3, size=50))
pm = put_in("cls_multi_pred", np.where(rs.uniform(size=50) < 0.6, ym, rs.randint(0, 3, size=50)))
put("confusion", skm.confusion_matrix(ym, pm))
for avg in ["micro", "macro", "weighted"]:
    p_, r_, f_, _ = skm.precision_recall_fscore_support(ym, pm, average=avg)
    put("prf_" + avg, [p_, r_, f_])
p_, r_, f_, s_ = skm.precision_recall_fscore_support(ym, pm, average=None)
put("prf_none", np.vstack([p_, r_, f_, s_]))
p_, r_, f_, _ = skm.precision_recall_fscore_support(yb, (sc > 0.5).astype(int), average="binary")
put("prf_binary", [p_, r_, f_])

# ---------------------------------------------------------------- calibration
pb = put_in("cal_p", rs.uniform(size=200))
yc = put_in("cal_y", (rs.uniform(size=200) < pb ** 1.5).astype(float))
put("log_loss", skm.log_loss(yc, pb))
put("brier", skm.brier_score_loss(yc, pb))
for strat in ["uniform", "quantile"]:
    prob_true, prob_pred = __import__("sklearn.calibration", fromlist=["x"]).calibration_curve(
        yc, pb, n_bins=8, strategy=strat)
    put("cal_%s_accuracy" % strat, prob_true)
    put("cal_%s_confidence" % strat, prob_pred)
P3 = rs.dirichlet([1, 1, 1], size=60)
P3 = put_in("cal_multi_p", P3)
y3 = put_in("cal_multi_y", np.array([rs.choice(3, p=row) for row in P3]))
put("log_loss_multi", skm.log_loss(y3, P3, labels=[0, 1, 2]))
put("brier_multi", np.mean(np.sum((P3 - np.eye(3)[y3.astype(int)]) ** 2, axis=1)))
# multi-class ECE by the textbook formula (top-label confidence, 10 equal-width bins, right-closed)
conf = P3.max(1)
acc = (P3.argmax(1) == y3).astype(float)
ids = np.searchsorted(np.linspace(0, 1, 11)[1:-1], conf)
put("ece_multi", sum(abs(acc[ids == b].mean() - conf[ids == b].mean()) * (ids == b).sum() / 60
                     for b in range(10) if (ids == b).any()))

# ---------------------------------------------------------------- ranking
rel = put_in("rank_rel", rs.randint(0, 4, size=(6, 8)))
rsc = put_in("rank_score", np.round(rs.uniform(size=(6, 8)), 1))  # ties
put("ndcg", skm.ndcg_score(rel, rsc))
put("ndcg_at3", skm.ndcg_score(rel, rsc, k=3))

# ---------------------------------------------------------------- correlation
cx = put_in("corr_x", rs.normal(size=30))
cy = put_in("corr_y", 0.6 * cx + rs.normal(size=30))
pe = st.pearsonr(cx, cy)
ci = pe.confidence_interval(0.9)
put("pearson", [pe.statistic, pe.pvalue, ci.low, ci.high])
sp = st.spearmanr(cx, cy)
put("spearman", [sp.correlation, sp.pvalue])
kt = st.kendalltau(cx, cy)  # no ties, n = 30: exact
put("kendall_exact", [kt.correlation, kt.pvalue])
tx_ = put_in("corr_tx", np.round(cx))  # ties: asymptotic with tie correction
ty_ = put_in("corr_ty", np.round(cy * 2) / 2)
kt2 = st.kendalltau(tx_, ty_)
put("kendall_ties", [kt2.correlation, kt2.pvalue])
sp2 = st.spearmanr(tx_, ty_)
put("spearman_ties", [sp2.correlation, sp2.pvalue])
kt3 = st.kendalltau(cx, cy, method="asymptotic")
put("kendall_asymptotic", [kt3.correlation, kt3.pvalue])

# ---------------------------------------------------------------- Gaussian mixtures from a given init
gm_means = np.array([[0, 0], [4, 1], [1, 5]], float)
gm_covs = [np.array([[1, 0.6], [0.6, 1]]), np.array([[0.5, 0], [0, 2]]), np.array([[1.5, -0.7], [-0.7, 1]])]
Xg = np.vstack([rs.multivariate_normal(m, c, size=n) for m, c, n in zip(gm_means, gm_covs, [120, 80, 100])])
Xg = put_in("gmm_X", Xg)
w0 = put_in("gmm_init_weights", [0.3, 0.3, 0.4])
m0 = put_in("gmm_init_means", Xg[[0, 130, 250]])
c0 = np.array([np.eye(2) * 2.0, np.eye(2), np.array([[1.0, 0.3], [0.3, 1.0]])])
put_in("gmm_init_covs", c0)
g = GaussianMixture(3, covariance_type="full", weights_init=w0, means_init=m0, precisions_init=np.linalg.inv(c0),
                    max_iter=100, tol=1e-3, reg_covar=1e-6).fit(Xg)
put("gmm_weights", g.weights_)
put("gmm_means", g.means_)
put("gmm_covariances", g.covariances_)
put("gmm_lower_bound", g.lower_bound_)
put("gmm_n_iter", g.n_iter_)
put("gmm_proba", g.predict_proba(Xg[:5]))
put("gmm_score", g.score(Xg))
put("gmm_bic", g.bic(Xg))
put("gmm_aic", g.aic(Xg))
cd0 = put_in("gmm_init_diag", np.array([[2.0, 2.0], [1.0, 1.0], [1.0, 1.5]]))
gd = GaussianMixture(3, covariance_type="diag", weights_init=w0, means_init=m0, precisions_init=1 / cd0,
                     max_iter=100, tol=1e-3, reg_covar=1e-6).fit(Xg)
put("gmmd_weights", gd.weights_)
put("gmmd_means", gd.means_)
put("gmmd_covariances", gd.covariances_)
put("gmmd_lower_bound", gd.lower_bound_)
put("gmmd_n_iter", gd.n_iter_)

# ---------------------------------------------------------------- probabilistic PCA (closed form) and factor analysis
Xf = put_in("fa_X", rs.normal(size=(200, 2)) @ rs.normal(size=(2, 6)) + rs.normal(size=(200, 6)) * rs.uniform(0.3, 1.5, 6)
            + np.arange(6))
S = np.cov(Xf.T, bias=True)
lam, U = np.linalg.eigh(S)
lam, U = lam[::-1], U[:, ::-1]
s2 = lam[2:].mean()
W = U[:, :2] * np.sqrt(lam[:2] - s2)
put("ppca_noise_variance", s2)
C = W @ W.T + s2 * np.eye(6)
put("ppca_covariance", C)
put("ppca_score", st.multivariate_normal(Xf.mean(0), C).logpdf(Xf).mean())
M = W.T @ W + s2 * np.eye(2)
Z = (Xf[:4] - Xf.mean(0)) @ W @ np.linalg.inv(M)  # posterior means E[z|x] = M^-1 W^T (x - mu)
put("ppca_latent_norms", np.linalg.norm(Z, axis=1))  # rotation/sign free
fa = FactorAnalysis(n_components=2, tol=1e-2, max_iter=1000).fit(Xf)
put("fa_noise_variance", fa.noise_variance_)
put("fa_covariance", fa.get_covariance())
put("fa_loglike", fa.loglike_)
put("fa_n_iter", fa.n_iter_)
put("fa_score", fa.score(Xf))
put("fa_latent_norms", np.linalg.norm(fa.transform(Xf[:4]), axis=1))

# ---------------------------------------------------------------- spectral clustering
Xs = np.vstack([np.c_[np.cos(t), np.sin(t)] * r + rs.normal(scale=0.05, size=(60, 2))
                for r, t in [(1.0, rs.uniform(0, 2 * np.pi, 60)), (3.0, rs.uniform(0, 2 * np.pi, 60))]])
Xs = put_in("spectral_X", Xs)
put("spectral_truth", np.repeat([0, 1], 60))
sc_ = SpectralClustering(2, affinity="nearest_neighbors", n_neighbors=8, random_state=0).fit(Xs)
put("spectral_knn_labels", sc_.labels_)
Xb = put_in("spectral_blobs_X", np.vstack([rs.normal(size=(40, 2)) * 0.3 + c for c in [[0, 0], [3, 0], [0, 3]]]))
sb = SpectralClustering(3, affinity="rbf", gamma=1.0, random_state=0).fit(Xb)
put("spectral_rbf_labels", sb.labels_)

# ---------------------------------------------------------------- paired tests, multiple comparisons
wa = put_in("w_a", rs.normal(size=30))
wb = put_in("w_b", wa - 0.3 + rs.normal(scale=0.8, size=30))
r_ = st.wilcoxon(wa, wb)  # n = 30, no ties: exact
put("wilcoxon_exact", [r_.statistic, r_.pvalue])
la = put_in("w_long_a", rs.normal(size=80))
lb = put_in("w_long_b", np.round(la + 0.2 + rs.normal(scale=0.5, size=80), 1) + 0.0)
la_r = np.round(la, 1)
put_in("w_long_a_round", la_r)
r_ = st.wilcoxon(la_r, lb)  # n = 80 with ties and zeros: normal approximation
put("wilcoxon_approx", [r_.statistic, r_.pvalue])
tt = st.ttest_rel(wa, wb)
ci_ = tt.confidence_interval(0.9)
put("paired_ttest", [tt.statistic, tt.pvalue, ci_.low, ci_.high])
pv = put_in("mc_p", [0.01, 0.04, 0.03, 0.005, 0.2, 0.049, 0.5, 0.0001])
m_ = len(pv)
o_ = np.argsort(pv)
holm = np.empty(m_)
holm[o_] = np.minimum(1, np.maximum.accumulate(pv[o_] * np.arange(m_, 0, -1)))
bh = np.empty(m_)
bh[o_] = np.minimum(1, np.minimum.accumulate((pv[o_] * m_ / np.arange(1, m_ + 1))[::-1])[::-1])
put("mc_bonferroni", np.minimum(1, pv * m_))
put("mc_holm", holm)
put("mc_bh", bh)

with open("unsup_reference.json", "w") as f:
    json.dump({"generator": "make_unsup_reference.py", "sklearn": sklearn.__version__,
               "inputs": inputs, "expected": expected}, f)
