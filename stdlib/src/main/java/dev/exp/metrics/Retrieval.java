package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.tensor.Tensor;

/**
 * More retrieval metrics over queries (kernels.md M05), with the conventions of {@link Ranking}:
 * rows of {@code relevance} and {@code scores} are queries, candidates in descending score order
 * (ties in candidate order), a candidate is relevant when its relevance is > 0.
 */
public final class Retrieval {
  private Retrieval() {}

  @Kernel(name = "metrics.map", doc = "Mean average precision: over queries, AP = (1/R)·Σ_{ranks r with a relevant "
      + "candidate, r ≤ k} precision@r, R = min(number relevant, k) (all candidates by default; the usual MAP@k "
      + "normalisation), 0 for a query without relevant candidates. With distinct scores and k none, a query's AP "
      + "is scikit-learn's average_precision_score of that row. Example: metrics.map([[1, 0, 1]], [[0.9, 0.8, "
      + "0.1]]) is (1 + 2/3)/2")
  public static double map(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores,
      @Arg(value = "k", dflt = "none") Integer k) {
    String fn = "metrics.map";
    Ranking.Queries qs = Ranking.queries(relevance, scores, fn);
    int kk = Ranking.cutoff(k, qs.m(), fn);
    double total = 0;
    for (int i = 0; i < qs.q(); i++) {
      Integer[] ord = Ranking.order(qs, i);
      int rel = relevant(qs, i);
      int hits = 0;
      double ap = 0;
      for (int r = 0; r < kk; r++) {
        if (qs.rel()[i * qs.m() + ord[r]] > 0) {
          hits++;
          ap += (double) hits / (r + 1);
        }
      }
      total += rel == 0 ? 0 : ap / Math.min(rel, kk);
    }
    return total / qs.q();
  }

  @Kernel(name = "metrics.r_precision", doc = "R-precision: over queries with at least one relevant candidate, the "
      + "mean precision at R, the query's number of relevant candidates (so R-precision = recall at R); nan when no "
      + "query has one. Example: metrics.r_precision([[1, 0, 1]], [[0.9, 0.8, 0.1]]) is 0.5")
  public static double rPrecision(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores) {
    Ranking.Queries qs = Ranking.queries(relevance, scores, "metrics.r_precision");
    double total = 0;
    int counted = 0;
    for (int i = 0; i < qs.q(); i++) {
      int rel = relevant(qs, i);
      if (rel == 0) {
        continue;
      }
      total += (double) hitsAt(qs, i, rel) / rel;
      counted++;
    }
    return counted == 0 ? Double.NaN : total / counted;
  }

  @Kernel(name = "metrics.hit_rate", doc = "Hit rate at k (hits@k; Acc@1 for k = 1): the fraction of queries with "
      + "at least one relevant candidate among the k best-scored. Example: metrics.hit_rate([[0, 1, 0], [1, 0, "
      + "0]], [[0.9, 0.5, 0.1], [0.3, 0.2, 0.1]], 1) is 0.5")
  public static double hitRate(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores, @Arg("k") int k) {
    String fn = "metrics.hit_rate";
    Ranking.Queries qs = Ranking.queries(relevance, scores, fn);
    int kk = Ranking.cutoff(k, qs.m(), fn);
    int hit = 0;
    for (int i = 0; i < qs.q(); i++) {
      hit += hitsAt(qs, i, kk) > 0 ? 1 : 0;
    }
    return (double) hit / qs.q();
  }

  @Kernel(name = "metrics.f1_at_k", doc = "F1 at k: over queries, the mean of 2·P@k·R@k/(P@k + R@k) (0 when both "
      + "are 0), P@k = hits/k and R@k = hits/R (k capped at the number of candidates; queries without relevant "
      + "candidates score 0). Example: metrics.f1_at_k([[1, 0, 1]], [[0.9, 0.8, 0.1]], 2) is 0.5")
  public static double f1AtK(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores, @Arg("k") int k) {
    String fn = "metrics.f1_at_k";
    Ranking.Queries qs = Ranking.queries(relevance, scores, fn);
    int kk = Ranking.cutoff(k, qs.m(), fn);
    double total = 0;
    for (int i = 0; i < qs.q(); i++) {
      int rel = relevant(qs, i);
      int h = hitsAt(qs, i, kk);
      total += h == 0 ? 0 : 2.0 * h / (kk + rel);
    }
    return total / qs.q();
  }

  @Kernel(name = "metrics.dcg", doc = "Discounted cumulative gain at k (default all), averaged over queries: Σ_{r ≤ "
      + "k} relevance/log2(r + 1) in descending score order, tied scores sharing their group's average gain "
      + "(scikit-learn's dcg_score, log base 2); metrics.ndcg divides it by the ideal DCG. Example: "
      + "metrics.dcg([[3, 2, 0]], [[0.1, 0.9, 0.5]]) is 2 + 3/2")
  public static double dcg(@Arg("relevance") Tensor relevance, @Arg("scores") Tensor scores,
      @Arg(value = "k", dflt = "none") Integer k) {
    String fn = "metrics.dcg";
    Ranking.Queries qs = Ranking.queries(relevance, scores, fn);
    int kk = Ranking.cutoff(k, qs.m(), fn);
    double total = 0;
    for (int i = 0; i < qs.q(); i++) {
      Integer[] ord = Ranking.order(qs, i);
      int r = 0;
      while (r < qs.m()) {
        int e = r;
        double gain = 0;
        double ds = 0;
        double s = qs.score()[i * qs.m() + ord[r]];
        while (e < qs.m() && qs.score()[i * qs.m() + ord[e]] == s) {
          gain += qs.rel()[i * qs.m() + ord[e]];
          ds += e < kk ? 1 / (Math.log(e + 2) / Math.log(2)) : 0;
          e++;
        }
        total += gain / (e - r) * ds;
        r = e;
      }
    }
    return total / qs.q();
  }

  private static int relevant(Ranking.Queries qs, int i) {
    int rel = 0;
    for (int j = 0; j < qs.m(); j++) {
      rel += qs.rel()[i * qs.m() + j] > 0 ? 1 : 0;
    }
    return rel;
  }

  private static int hitsAt(Ranking.Queries qs, int i, int k) {
    Integer[] ord = Ranking.order(qs, i);
    int h = 0;
    for (int r = 0; r < Math.min(k, qs.m()); r++) {
      h += qs.rel()[i * qs.m() + ord[r]] > 0 ? 1 : 0;
    }
    return h;
  }
}
