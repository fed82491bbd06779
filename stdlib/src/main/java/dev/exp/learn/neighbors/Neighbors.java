package dev.exp.learn.neighbors;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.classify.Labels;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Batched top-k neighbour search and the k-NN classifier and regressor. */
public final class Neighbors {
  private Neighbors() {}

  @Kernel(name = "learn.nearest", doc = "Exact k nearest neighbours (Euclidean) of every row of X_query among the rows "
      + "of X_ref: exact squared distances Σ (a_j − b_j)² in vectorised register tiles (whole tiles skipped once they "
      + "cannot beat a query's current k-th best), query blocks in parallel. Returns {indices [m, k], distances [m, k]}, each row ordered by "
      + "distance, exact ties broken by the smaller index. Example: let nn = learn.nearest(docs, queries, 5); nn.indices")
  public static Map<String, Object> nearest(@Arg("X_ref") Tensor ref, @Arg("X_query") Tensor query, @Arg("k") int k) {
    String fn = "learn.nearest";
    double[] r = LearnArgs.design(ref, fn, "X_ref");
    double[] q = query.rank() == 2 && query.dim(0) == 0 ? new double[0] : LearnArgs.design(query, fn, "X_query");
    int d = ref.dim(1);
    if (query.dim(1) != d) {
      throw KernelException.of("%s: X_ref has %d features (shape %s) but X_query has shape %s", fn, d,
          Tensor.shapeString(ref.shape()), Tensor.shapeString(query.shape()));
    }
    checkK(k, ref.dim(0), fn);
    NeighborSearch.Result res = NeighborSearch.search(r, ref.dim(0), q, query.dim(0), d, k);
    Map<String, Object> out = new LinkedHashMap<>();
    double[] idx = new double[res.indices().length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = res.indices()[i];
    }
    out.put("indices", Tensor.wrap(new int[] {query.dim(0), k}, idx));
    out.put("distances", Tensor.wrap(new int[] {query.dim(0), k}, res.distances()));
    return out;
  }

  static void checkK(int k, int n, String fn) {
    if (k < 1 || k > n) {
      throw KernelException.of("%s: k must be between 1 and the number of reference rows (%d), got %d", fn, n, k);
    }
  }

  @Kernel(name = "learn.knn_classifier", doc = "The k-nearest-neighbour classifier (as scikit-learn's "
      + "KNeighborsClassifier, brute force): a query's class probabilities are the (weighted) votes of its k nearest "
      + "training rows; weights \"uniform\" (default) or \"distance\" (1/distance; a query at distance 0 from some "
      + "training rows takes only their votes). predict gives the most voted class, the smallest on ties. "
      + "Default k 5. Returns a model holding the training data (x_train, y_train, classes, k, weights). "
      + "Example: let m = learn.knn_classifier(X, y, k: 3); score(m, X_test, y_test)")
  public static KnnModel classifier(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "k", dflt = "5") int k,
      @Arg(value = "weights", dflt = "\"uniform\"") String weights) {
    String fn = "learn.knn_classifier";
    double[] xs = LearnArgs.design(x, fn, "X").clone();
    int n = x.dim(0);
    checkK(k, n, fn);
    LearnArgs.choice(weights, fn, "weights", "uniform", "distance");
    Labels labels = Labels.of(LearnArgs.vector(y, n, fn, "y", "X"), fn, 1);
    return new KnnModel("knn_classifier", xs, n, x.dim(1), y.toArray(), 1, labels, k, weights);
  }

  @Kernel(name = "learn.knn_regressor", doc = "The k-nearest-neighbour regressor (as scikit-learn's "
      + "KNeighborsRegressor): the (weighted) mean of the targets of the k nearest training rows; weights "
      + "\"uniform\" (default) or \"distance\" (1/distance; exact matches take over). y is [n] or [n, t]. Default k 5. "
      + "Example: let m = learn.knn_regressor(X, y, k: 10, weights: \"distance\"); predict(m, X_test)")
  public static KnnModel regressor(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "k", dflt = "5") int k,
      @Arg(value = "weights", dflt = "\"uniform\"") String weights) {
    String fn = "learn.knn_regressor";
    double[] xs = LearnArgs.design(x, fn, "X").clone();
    int n = x.dim(0);
    checkK(k, n, fn);
    LearnArgs.choice(weights, fn, "weights", "uniform", "distance");
    double[] ys = LearnArgs.targets(y, n, fn, "X").clone();
    return new KnnModel("knn_regressor", xs, n, x.dim(1), ys, y.rank() == 1 ? -1 : y.dim(1), null, k, weights);
  }
}
