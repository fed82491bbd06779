"""Writes learn_reference.json: literal inputs drawn by NumPy and the fits of scikit-learn 1.2.1
(LinearRegression, Ridge, KernelRidge, LogisticRegression, GaussianNB, MultinomialNB, LDA, QDA, Lasso,
ElasticNet, lasso_path, KNeighbors*, BayesianRidge, QuantileRegressor) plus a few textbook formulas
written here (explicit leave-one-out refits, the Bayesian evidence as a Gaussian density).
The Java tests under dev.exp.learn compare Exp's learners with it.
Run with the system python that has scikit-learn:  /usr/bin/python3 make_learn_reference.py
(numpy 1.24, scipy 1.10, scikit-learn 1.2.1)."""
import json

import numpy as np
from scipy.stats import multivariate_normal
from sklearn import discriminant_analysis as da
from sklearn import kernel_ridge, linear_model as lm, naive_bayes as nb, neighbors

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


# ---------------------------------------------------------------- L01 least squares, ridge, kernel ridge
X = put_in("reg_X", rs.randn(40, 5).round(3))
w_true = np.array([1.5, -2.0, 0.0, 0.7, 3.0])
y = put_in("reg_y", (X @ w_true + 0.5 + 0.3 * rs.randn(40)).round(4))
Y2 = put_in("reg_Y2", np.c_[y, (X @ rs.randn(5) - 1 + 0.2 * rs.randn(40)).round(4)])

m = lm.LinearRegression().fit(X, y)
put("ols_coef", m.coef_); put("ols_intercept", [m.intercept_])
m = lm.LinearRegression(fit_intercept=False).fit(X, y)
put("ols_noint_coef", m.coef_)
m = lm.Ridge(alpha=2.5).fit(X, Y2)
put("ridge_multi_coef", m.coef_.T); put("ridge_multi_intercept", m.intercept_)
Xw = put_in("wide_X", rs.randn(8, 20).round(3))
yw = put_in("wide_y", rs.randn(8).round(3))
m = lm.Ridge(alpha=0.7).fit(Xw, yw)
put("ridge_wide_coef", m.coef_); put("ridge_wide_intercept", [m.intercept_])

# explicit leave-one-out refits of ridge for several alphas (independent of any shortcut)
alphas = [0.01, 0.3, 3.0, 30.0]
loo = []
for a in alphas:
    errs = []
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        r = lm.Ridge(alpha=a).fit(X[keep], y[keep])
        errs.append((y[i] - r.predict(X[i:i + 1])[0]) ** 2)
    loo.append(np.mean(errs))
put("ridge_loo_mse", loo)

Xq = put_in("reg_Xq", rs.randn(6, 5).round(3))
for kern, kw in [("rbf", dict(gamma=0.2)), ("poly", dict(gamma=0.3, degree=2, coef0=1.5)), ("linear", {})]:
    m = kernel_ridge.KernelRidge(alpha=0.5, kernel=kern, **kw).fit(X, y)
    put("krr_%s_pred" % kern, m.predict(Xq))
m = kernel_ridge.KernelRidge(alpha=0.5, kernel="rbf").fit(X, y)  # gamma defaults to 1/n_features
put("krr_rbf_default_pred", m.predict(Xq))

# ---------------------------------------------------------------- L04 logistic regression (newton-cg: lbfgs stops ~1e-6 short)
Xc = put_in("clf_X", rs.randn(60, 4).round(3))
yb = put_in("clf_yb", (Xc @ [1.0, -1.0, 0.5, 0.0] + 0.8 * rs.randn(60) > 0.2).astype(float))
m = lm.LogisticRegression(C=0.5, tol=1e-10, max_iter=10000, solver="newton-cg").fit(Xc, yb)
put("logit_bin_coef", m.coef_[0]); put("logit_bin_intercept", m.intercept_)
put("logit_bin_proba", m.predict_proba(Xc[:5]))
centers = np.array([[0, 0, 0, 0], [1.5, 0, -1, 0], [0, 1.5, 1, 1]])
ym = put_in("clf_ym", rs.randint(0, 3, 60).astype(float) * 2 + 1)  # classes 1, 3, 5
Xm = put_in("clf_Xm", (centers[((ym - 1) / 2).astype(int)] + rs.randn(60, 4)).round(3))
m = lm.LogisticRegression(C=2.0, tol=1e-10, max_iter=10000, solver="newton-cg", multi_class="multinomial").fit(Xm, ym)
put("logit_multi_coef", m.coef_.T); put("logit_multi_intercept", m.intercept_)
put("logit_multi_proba", m.predict_proba(Xm[:5]))

# ---------------------------------------------------------------- L05 generative classifiers
Xq3 = put_in("clf_Xq", rs.randn(7, 4).round(3))
m = nb.GaussianNB().fit(Xm, ym)
put("gnb_theta", m.theta_); put("gnb_var", m.var_); put("gnb_proba", m.predict_proba(Xq3))
Xcnt = put_in("cnt_X", rs.poisson(2.0, size=(30, 6)).astype(float))
ycnt = put_in("cnt_y", rs.randint(0, 3, 30).astype(float))
Xcnt_q = put_in("cnt_Xq", rs.poisson(2.0, size=(5, 6)).astype(float))
m = nb.MultinomialNB(alpha=0.5).fit(Xcnt, ycnt)
put("mnb_flp", m.feature_log_prob_); put("mnb_proba", m.predict_proba(Xcnt_q))
m = da.LinearDiscriminantAnalysis().fit(Xm, ym)
put("lda_proba", m.predict_proba(Xq3)); put("lda_pred", m.predict(Xq3))
m = da.LinearDiscriminantAnalysis().fit(Xc, yb)
put("lda_bin_proba", m.predict_proba(Xq3))
m = da.QuadraticDiscriminantAnalysis(reg_param=0.0).fit(Xm, ym)
put("qda_proba", m.predict_proba(Xq3))
m = da.QuadraticDiscriminantAnalysis(reg_param=0.3).fit(Xm, ym)
put("qda_reg_proba", m.predict_proba(Xq3))

# ---------------------------------------------------------------- L03 sparse regression
m = lm.Lasso(alpha=0.05, tol=1e-12, max_iter=100000).fit(X, y)
put("lasso_coef", m.coef_); put("lasso_intercept", [m.intercept_])
m = lm.ElasticNet(alpha=0.1, l1_ratio=0.3, tol=1e-12, max_iter=100000).fit(X, y)
put("enet_coef", m.coef_); put("enet_intercept", [m.intercept_])
Xs = put_in("sparse_X", rs.randn(15, 30).round(3))
ws = np.zeros(30); ws[[2, 7, 11]] = [2.0, -1.5, 1.0]
ys = put_in("sparse_y", (Xs @ ws + 0.1 * rs.randn(15)).round(4))
path_alphas = [0.5, 0.2, 0.1, 0.05]
Xs_c = Xs - Xs.mean(0); ys_c = ys - ys.mean()
_, coefs, _ = lm.lasso_path(Xs_c, ys_c, alphas=path_alphas, tol=1e-12, max_iter=100000)
put("lasso_path_coefs", coefs.T)

# ---------------------------------------------------------------- L06 neighbours
m = neighbors.KNeighborsClassifier(n_neighbors=5).fit(Xm, ym)
put("knn_proba", m.predict_proba(Xq3)); put("knn_pred", m.predict(Xq3))
m = neighbors.KNeighborsClassifier(n_neighbors=4, weights="distance").fit(Xm, ym)
put("knn_dist_proba", m.predict_proba(Xq3))
m = neighbors.KNeighborsRegressor(n_neighbors=3, weights="distance").fit(X, y)
put("knnr_pred", m.predict(Xq))

# ---------------------------------------------------------------- L33 quantile regression (exact LP by HiGHS)
xh = rs.uniform(-2, 2, 60)
yh = put_in("qr_y", (xh + (0.2 + np.abs(xh)) * rs.randn(60)).round(4))
Xh = put_in("qr_X", np.c_[xh.round(4), (xh ** 2).round(4)])
for tau in [0.1, 0.5, 0.9]:
    m = lm.QuantileRegressor(quantile=tau, alpha=0.0, solver="highs").fit(Xh, yh)
    put("qr_%g_coef" % tau, m.coef_); put("qr_%g_intercept" % tau, [m.intercept_])

# ---------------------------------------------------------------- L02 Bayesian linear regression
a_, b_ = 2.0, 5.0
cov_y = X @ X.T / a_ + np.eye(len(y)) / b_
put("bayes_log_evidence", [multivariate_normal(mean=np.zeros(len(y)), cov=cov_y).logpdf(y)])
m = lm.BayesianRidge(tol=1e-12, n_iter=1000).fit(X, y)
put("bayes_ridge_coef", m.coef_); put("bayes_ridge_intercept", [m.intercept_])
put("bayes_ridge_alpha_lambda", [m.alpha_, m.lambda_])

# ---------------------------------------------------------------- L03: 2-D y (sklearn fits each column; coef is
# stored [d, k] as Exp returns it), a wide design with large column means (Exp's working-set form)
# (appended with their own generator so the cases above keep their values)
rs2 = np.random.RandomState(20261214)
Xmo = put_in("mo_X", rs2.randn(30, 8).round(3))
Ymo = put_in("mo_Y", np.c_[Xmo @ np.r_[1.5, 0, -2, 0, 0, 0.7, 0, 0] + 0.2 * rs2.randn(30),
                           Xmo @ np.r_[0, -1, 0, 0, 2.5, 0, 0, 0.3] - 1 + 0.2 * rs2.randn(30)].round(4))
m = lm.Lasso(alpha=0.05, tol=1e-12, max_iter=100000).fit(Xmo, Ymo)
put("mo_lasso_coef", m.coef_.T); put("mo_lasso_intercept", m.intercept_)
m = lm.ElasticNet(alpha=0.1, l1_ratio=0.4, tol=1e-12, max_iter=100000).fit(Xmo, Ymo)
put("mo_enet_coef", m.coef_.T); put("mo_enet_intercept", m.intercept_)
Xlw = put_in("lasso_wide_X", (rs2.randn(25, 60) + 100.0 * np.arange(60)).round(3))
ww = np.zeros(60); ww[[3, 17, 41]] = [1.0, -2.0, 0.5]
ylw = put_in("lasso_wide_y", ((Xlw - Xlw.mean(0)) @ ww + 5 + 0.1 * rs2.randn(25)).round(4))
m = lm.Lasso(alpha=0.02, tol=1e-12, max_iter=100000).fit(Xlw, ylw)
put("lasso_wide_coef", m.coef_); put("lasso_wide_intercept", [m.intercept_])

with open("learn_reference.json", "w") as f:
    json.dump({"inputs": inputs, "expected": expected}, f)
