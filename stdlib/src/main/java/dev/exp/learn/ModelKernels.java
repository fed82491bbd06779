package dev.exp.learn;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.tensor.Tensor;

/** The generic model kernels: every fitted {@link Model} answers them, in pipelines too. */
public final class ModelKernels {
  private ModelKernels() {}

  @Kernel(name = "predict", doc = "Predictions of a fitted model for the rows of x: values for a regressor, "
      + "labels for a classifier, cluster indices for a clusterer. Example: learn.ridge(X, y) |> predict(X_test)")
  public static Tensor predict(@Arg("model") Model model, @Arg("x") Tensor x) {
    return model.predict(x);
  }

  @Kernel(name = "predict_proba", doc = "Class probabilities of a fitted classifier: one row per sample, one "
      + "column per class (in the order of model.classes).")
  public static Tensor predictProba(@Arg("model") Model model, @Arg("x") Tensor x) {
    return model.predictProba(x);
  }

  @Kernel(name = "score", doc = "The model's default score on (x, y): R² (averaged over outputs) for a "
      + "regressor, accuracy for a classifier; k-means gives minus the inertia, PCA the average log-likelihood "
      + "(y may be left out for those).")
  public static double score(@Arg("model") Model model, @Arg("x") Tensor x, @Arg(value = "y", dflt = "none") Tensor y) {
    return model.score(x, y);
  }

  @Kernel(name = "transform", doc = "Transformed features: PCA scores, distances to k-means centres, random "
      + "features.")
  public static Tensor transform(@Arg("model") Model model, @Arg("x") Tensor x) {
    return model.transform(x);
  }
}
