package dev.exp.learn.linear;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.learn.Dense;
import dev.exp.learn.FittedModel;
import dev.exp.learn.GramKernels;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kernel ridge regression (scikit-learn's KernelRidge): dual coefficients (K + alpha·I)⁻¹ y, no intercept. */
public final class KernelRidge extends FittedModel {
  private final double[] xTrain;
  private final double[] dual;
  private final int n;
  private final int d;
  private final int k;
  private final boolean vector;
  private final String kernel;
  private final double gamma;
  private final double degree;
  private final double coef0;

  private KernelRidge(double[] xTrain, double[] dual, int n, int d, int k, boolean vector, String kernel, double gamma,
      double degree, double coef0, double alpha) {
    super("kernel_ridge", Task.REGRESSION, params(xTrain, dual, n, d, k, vector),
        settings(kernel, alpha, gamma, degree, coef0));
    this.xTrain = xTrain;
    this.dual = dual;
    this.n = n;
    this.d = d;
    this.k = k;
    this.vector = vector;
    this.kernel = kernel;
    this.gamma = gamma;
    this.degree = degree;
    this.coef0 = coef0;
  }

  private static Map<String, Object> params(double[] x, double[] dual, int n, int d, int k, boolean vector) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("dual_coef", vector ? Tensor.wrap(new int[] {n}, dual) : Tensor.wrap(new int[] {n, k}, dual));
    p.put("x_train", Tensor.wrap(new int[] {n, d}, x));
    return p;
  }

  private static Map<String, Object> settings(String kernel, double alpha, double gamma, double degree, double coef0) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kernel", kernel);
    s.put("alpha", alpha);
    s.put("gamma", gamma);
    s.put("degree", degree);
    s.put("coef0", coef0);
    return s;
  }

  @Kernel(name = "learn.kernel_ridge", doc = "Kernel ridge regression as scikit-learn's KernelRidge: dual coefficients "
      + "a = (K + alpha·I)⁻¹ y with K the kernel matrix of the rows of X, and predict(m, x) = K(x, X) a (no intercept). "
      + "kernel \"rbf\" exp(−gamma‖x − x'‖²), \"poly\" (gamma⟨x, x'⟩ + coef0)^degree or \"linear\" ⟨x, x'⟩. "
      + "Defaults: alpha 1, kernel \"rbf\", gamma 1/d (d = number of features), degree 3, coef0 1. y is [n] or [n, k]. "
      + "Returns a model with dual_coef, x_train and the settings. "
      + "Example: let m = learn.kernel_ridge(X, y, alpha: 0.1, kernel: \"rbf\", gamma: 0.5); predict(m, X_test)")
  public static KernelRidge fit(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "alpha", dflt = "1") double alpha,
      @Arg(value = "kernel", dflt = "\"rbf\"") String kernel, @Arg(value = "gamma", dflt = "none") Double gamma,
      @Arg(value = "degree", dflt = "3") double degree, @Arg(value = "coef0", dflt = "1") double coef0) {
    String fn = "learn.kernel_ridge";
    double[] xs = LearnArgs.design(x, fn, "X").clone();
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.targets(y, n, fn, "X");
    int k = LearnArgs.outputs(y);
    LearnArgs.nonNegative(alpha, fn, "alpha");
    LearnArgs.choice(kernel, fn, "kernel", "rbf", "poly", "linear");
    double g = gamma == null ? 1.0 / d : gamma;
    LearnArgs.positive(g, fn, "gamma");
    double[] km = GramKernels.matrix(kernel, xs, n, xs, n, d, g, degree, coef0);
    Dense.addDiagonal(km, n, alpha);
    double[] l = Dense.choleskyOrFail(km, n, fn, "K + alpha·I");
    double[] a = ys.clone();
    Dense.cholSolve(l, n, a, k);
    return new KernelRidge(xs, a, n, d, k, y.rank() == 1, kernel, g, degree, coef0, alpha);
  }

  @Override
  public Tensor predict(Tensor x) {
    double[] q = LearnArgs.features(x, d, kind());
    int m = x.dim(0);
    double[] km = GramKernels.matrix(kernel, q, m, xTrain, n, d, gamma, degree, coef0);
    double[] p = Dense.mul(km, m, n, dual, k);
    return vector ? Tensor.wrap(new int[] {m}, p) : Tensor.wrap(new int[] {m, k}, p);
  }

  @Override
  protected String describe() {
    return count(d, "feature") + " → " + count(k, "output") + ", " + kernel + " kernel, " + count(n, "sample")
        + ", alpha " + num((Double) settings().get("alpha"));
  }
}
