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

with open("unsup_reference.json", "w") as f:
    json.dump({"generator": "make_unsup_reference.py", "sklearn": sklearn.__version__,
               "inputs": inputs, "expected": expected}, f)
