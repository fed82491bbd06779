package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Arrays;

/**
 * Ranking and retrieval metrics over queries: each row of {@code relevance} holds the true relevance
 * (gain) of every candidate and the matching row of {@code scores} the model's scores; a vector is one
 * query. Results are means over queries.
 */
public final class Ranking {
  private Ranking() {}

  record Queries(double[] rel, double[] score, int q, int m) {}

  static Queries queries(Tensor relevance, Tensor scores, String fn) {
    if (!Arrays.equals(relevance.shape(), scores.shape()) || relevance.rank() > 2 || relevance.rank() == 0) {
      throw KernelException.of("%s: relevance and scores must be vectors (one query) or matrices (queries × "
          + "candidates) of the same shape, got %s and %s", fn, Tensor.shapeString(relevance.shape()),
          Tensor.shapeString(scores.shape()));
    }
    double[] r = BinaryInputs.vector(relevance, fn, "relevance");
    double[] s = BinaryInputs.vector(scores, fn, "scores");
    int m = relevance.dim(relevance.rank() - 1);
    for (double v : r) {
      if (v < 0) {
        throw KernelException.of("%s: relevance must be >= 0, found %s", fn, dev.exp.tensor.TensorArgs.fmt(v));
      }
    }
    return new Queries(r, s, r.length / m, m);
  }

  static int cutoff(Integer k, int m, String fn) {
    if (k == null) {
      return m;
    }
    if (k < 1) {
      throw KernelException.of("%s: k must be at least 1, got %d", fn, k);
    }
    return Math.min(k, m);
  }

  /** Candidate indices of query i by descending score, ties in candidate order. */
  static Integer[] order(Queries qs, int i) {
    double[] s = Arrays.copyOfRange(qs.score, i * qs.m, (i + 1) * qs.m);
    return BinaryInputs.byScoreDescending(s);
  }

  @Kernel(name = "metrics.ndcg", doc = "Normalised discounted cumulative gain at k (default: all candidates), "
      + "averaged over queries: DCG = Σ_{rank r ≤ k} relevance / log2(r + 1) over the candidates sorted by "
      + "descending score, divided by the DCG of the ideal order (a query without relevant candidates scores 0). "
      + "Tied scores share the average gain of their group (scikit-learn's ndcg_score). Example: "
      + "metrics.ndcg([[3, 2, 0]], [[0.1, 0.9, 0.5]])")
  public static double ndcg(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores,
      @Arg(value = "k", dflt = "none") Integer k) {
    String fn = "metrics.ndcg";
    Queries qs = queries(relevance, scores, fn);
    int kk = cutoff(k, qs.m, fn);
    double[] disc = new double[qs.m];
    for (int r = 0; r < qs.m; r++) {
      disc[r] = r < kk ? 1 / (Math.log(r + 2) / Math.log(2)) : 0;
    }
    double total = 0;
    for (int i = 0; i < qs.q; i++) {
      Integer[] ord = order(qs, i);
      double dcg = 0;
      int r = 0;
      while (r < qs.m) {
        int e = r;
        double gain = 0;
        double ds = 0;
        double s = qs.score[i * qs.m + ord[r]];
        while (e < qs.m && qs.score[i * qs.m + ord[e]] == s) {
          gain += qs.rel[i * qs.m + ord[e]];
          ds += disc[e];
          e++;
        }
        dcg += gain / (e - r) * ds;
        r = e;
      }
      double[] ideal = Arrays.copyOfRange(qs.rel, i * qs.m, (i + 1) * qs.m);
      Arrays.sort(ideal);
      double idcg = 0;
      for (int j = 0; j < qs.m; j++) {
        idcg += ideal[qs.m - 1 - j] * disc[j];
      }
      total += idcg > 0 ? dcg / idcg : 0;
    }
    return total / qs.q;
  }

  @Kernel(name = "metrics.mrr", doc = "Mean reciprocal rank: over queries, the mean of 1/rank of the first relevant "
      + "candidate (relevance > 0) in descending score order, 0 for a query without relevant candidates; tied "
      + "scores keep candidate order. Example: metrics.mrr([[0, 1, 0], [1, 0, 0]], [[0.9, 0.5, 0.1], [0.3, 0.2, "
      + "0.1]]) is 0.75")
  public static double mrr(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores) {
    Queries qs = queries(relevance, scores, "metrics.mrr");
    double total = 0;
    for (int i = 0; i < qs.q; i++) {
      Integer[] ord = order(qs, i);
      for (int r = 0; r < qs.m; r++) {
        if (qs.rel[i * qs.m + ord[r]] > 0) {
          total += 1.0 / (r + 1);
          break;
        }
      }
    }
    return total / qs.q;
  }

  @Kernel(name = "metrics.recall_at_k", doc = "Recall at k: over queries with at least one relevant candidate "
      + "(relevance > 0), the mean fraction of the relevant candidates found among the k best-scored (ties in "
      + "candidate order); nan when no query has a relevant candidate. Example: metrics.recall_at_k([[1, 0, 1]], "
      + "[[0.9, 0.8, 0.1]], 2) is 0.5")
  public static double recallAtK(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores,
      @Arg("k") int k) {
    return atK(relevance, scores, k, "metrics.recall_at_k", true);
  }

  @Kernel(name = "metrics.precision_at_k", doc = "Precision at k: over queries, the mean fraction of relevant "
      + "candidates (relevance > 0) among the k best-scored (ties in candidate order; k is capped at the number of "
      + "candidates). Example: metrics.precision_at_k([[1, 0, 1]], [[0.9, 0.8, 0.1]], 2) is 0.5")
  public static double precisionAtK(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores,
      @Arg("k") int k) {
    return atK(relevance, scores, k, "metrics.precision_at_k", false);
  }

  private static double atK(Tensor relevance, Tensor scores, int k, String fn, boolean recall) {
    Queries qs = queries(relevance, scores, fn);
    int kk = cutoff(k, qs.m, fn);
    double total = 0;
    int counted = 0;
    for (int i = 0; i < qs.q; i++) {
      Integer[] ord = order(qs, i);
      int rel = 0;
      int hit = 0;
      for (int r = 0; r < qs.m; r++) {
        if (qs.rel[i * qs.m + ord[r]] > 0) {
          rel++;
          hit += r < kk ? 1 : 0;
        }
      }
      if (recall && rel == 0) {
        continue;
      }
      total += recall ? (double) hit / rel : (double) hit / kk;
      counted++;
    }
    return counted == 0 ? Double.NaN : total / counted;
  }
}
