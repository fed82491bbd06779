package dev.exp.learn;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.ScriptObject;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fitted model: an immutable value whose parameters are a record of tensors. Scripts read {@code
 * m.kind}, {@code m.params} and each parameter by name ({@code m.coef}), print a one-line summary, and
 * pass the model to the generic kernels {@code predict}, {@code predict_proba}, {@code score} and
 * {@code transform} ({@code model |> predict(x)}).
 *
 * <p>Every learner (ridge, logistic regression, k-means, PCA, and later the neural learners trained by
 * autodiff) implements this one interface. A model keeps everything {@code predict} needs in {@link
 * #params()} (tensors and numbers) plus fixed settings in {@link #settings()}, so a training loop can
 * rebuild it from new parameters with {@link #withParams}.
 */
public interface Model extends ScriptObject {
  /** The learner's name as scripts call it: "ridge", "logistic", "kmeans". */
  String kind();

  /** The fitted parameters, by name (tensors or numbers), in a stable order. */
  Map<String, Object> params();

  /**
   * Fixed settings and fit diagnostics (hyper-parameters, iterations, converged flag), shown as fields
   * beside the parameters. Empty by default.
   */
  default Map<String, Object> settings() {
    return Map.of();
  }

  /** What the model is: a regressor, a classifier, a clusterer or a transformer (of features). */
  Task task();

  /** Predictions for the rows of {@code x}: values (regression), labels (classification), clusters. */
  Tensor predict(Tensor x);

  /** Class probabilities, one row per sample and one column per class in {@code classes} order. */
  default Tensor predictProba(Tensor x) {
    throw new KernelException("a " + kind() + " model does not give probabilities (predict_proba)");
  }

  /** The transformed features (PCA scores, cluster distances, random features). */
  default Tensor transform(Tensor x) {
    throw new KernelException("a " + kind() + " model does not transform features (transform)");
  }

  /**
   * The default score of predictions on {@code (x, y)}: R² for regressors, accuracy for classifiers;
   * clusterers and transformers override it (k-means: minus the inertia, PCA: the average
   * log-likelihood) or refuse.
   */
  default double score(Tensor x, Tensor y) {
    if (y == null && (task() == Task.REGRESSION || task() == Task.CLASSIFICATION)) {
      throw new KernelException("score: a " + kind() + " model is scored against targets: pass y");
    }
    return switch (task()) {
      case REGRESSION -> Scores.r2(y, predict(x));
      case CLASSIFICATION -> Scores.accuracy(y, predict(x));
      default -> throw new KernelException("a " + kind() + " model has no score(model, x, y)");
    };
  }

  /** The same model with new parameter values (same names and shapes); for training loops. */
  default Model withParams(Map<String, Object> params) {
    throw new KernelException("a " + kind() + " model cannot be rebuilt from parameters");
  }

  @Override
  default String typeName() {
    return "model";
  }

  @Override
  default List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    names.add("kind");
    names.add("params");
    names.addAll(params().keySet());
    names.addAll(settings().keySet());
    return names;
  }

  @Override
  default Object field(String name) {
    if (name.equals("kind")) {
      return kind();
    }
    if (name.equals("params")) {
      return params();
    }
    Object p = params().get(name);
    return p != null ? p : settings().get(name);
  }

  /** What a model does, which decides its default score. */
  enum Task {
    REGRESSION, CLASSIFICATION, CLUSTERING, TRANSFORM
  }
}
