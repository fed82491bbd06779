package dev.exp.data;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * Count-based k-gram (k-th order Markov) estimators with add-β smoothing (namespace {@code data}):
 * transition counts, the fitted table, and the online (sequential) predictive distribution. β = ½ is
 * the Krichevsky–Trofimov estimator, β = 1 Laplace, β = 0 the in-context conditional empirical
 * distribution. Contexts are indexed as in {@link MarkovSource}.
 */
public final class KGram {
  private KGram() {}

  static final String CONVENTION = "seq: integer symbols 0..alphabet−1, a vector [n] or a batch [B, n] (each row "
      + "its own sequence; counts never cross rows). Context index: the k previous symbols read as a base-A number "
      + "in time order (most recent least significant), as in data.markov. Only positions t >= k (with a full "
      + "context) are counted.";

  private static void checkArgs(int order, int alphabet, double smoothing, String fn) {
    MarkovSource.contextCount(alphabet, order, fn);
    if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
      throw KernelException.of("%s: smoothing (beta) must be finite and >= 0, got %s", fn, TensorArgs.fmt(smoothing));
    }
  }

  /** Transition counts [A^k * A] pooled over the rows. */
  static double[] counts(int[][] rows, int order, int alphabet, int contexts) {
    double[] n = new double[contexts * alphabet];
    for (int[] seq : rows) {
      int ctx = 0;
      for (int t = 0; t < seq.length; t++) {
        if (t >= order) {
          n[ctx * alphabet + seq[t]] += 1;
        }
        ctx = (ctx * alphabet + seq[t]) % contexts;
      }
    }
    return n;
  }

  /** Writes the add-β distribution of one context's counts into out[off ..]; uniform when it is 0/0. */
  static void smoothed(double[] counts, int cOff, int alphabet, double beta, double[] out, int off) {
    double total = 0;
    for (int s = 0; s < alphabet; s++) {
      total += counts[cOff + s];
    }
    double denom = total + alphabet * beta;
    for (int s = 0; s < alphabet; s++) {
      out[off + s] = denom > 0 ? (counts[cOff + s] + beta) / denom : 1.0 / alphabet;
    }
  }

  @Kernel(name = "data.kgram_counts", doc = "Transition counts of a k-gram model: N[c, s] = the number of positions "
      + "t >= k with context c and x[t] = s. " + CONVENTION + " Returns [A^k, A]. Defaults: order 1, alphabet 2. "
      + "Example: data.kgram_counts([0, 0, 1, 1, 0], order: 1) is [[1, 1], [1, 1]]")
  public static Tensor kgramCounts(@Arg("seq") Tensor seq, @Arg(value = "order", dflt = "1") int order,
      @Arg(value = "alphabet", dflt = "2") int alphabet) {
    String fn = "data.kgram_counts";
    int contexts = MarkovSource.contextCount(alphabet, order, fn);
    int[][] rows = Symbols.rows(seq, alphabet, fn);
    return Tensor.wrap(new int[] {contexts, alphabet}, counts(rows, order, alphabet, contexts));
  }

  @Kernel(name = "data.kgram", doc = "The add-β k-gram estimate of a k-th order Markov table from a sequence: "
      + "P̂(s | c) = (N[c, s] + β) / (N[c] + A·β), with N the transition counts (data.kgram_counts) and β = "
      + "smoothing (½ Krichevsky–Trofimov, the default; 1 Laplace; 0 the empirical conditional distribution). "
      + "Contexts never seen with β = 0 get the uniform row. " + CONVENTION + " Returns the table [A^k, A], usable "
      + "as a source by the other data.markov_* kernels. Example: data.kgram(seq, order: 2, smoothing: 0.5)")
  public static Tensor kgram(@Arg("seq") Tensor seq, @Arg(value = "order", dflt = "1") int order,
      @Arg(value = "alphabet", dflt = "2") int alphabet, @Arg(value = "smoothing", dflt = "0.5") double smoothing) {
    String fn = "data.kgram";
    checkArgs(order, alphabet, smoothing, fn);
    int contexts = MarkovSource.contextCount(alphabet, order, fn);
    int[][] rows = Symbols.rows(seq, alphabet, fn);
    double[] n = counts(rows, order, alphabet, contexts);
    double[] out = new double[n.length];
    for (int c = 0; c < contexts; c++) {
      smoothed(n, c * alphabet, alphabet, smoothing, out, c * alphabet);
    }
    return Tensor.wrap(new int[] {contexts, alphabet}, out);
  }

  @Kernel(name = "data.kgram_predict", doc = "Online (sequential) add-β k-gram predictions: row t is the predictive "
      + "distribution of x[t] given x[0..t−1], (N_t[c, s] + β) / (N_t[c] + A·β) with N_t the counts of the prefix "
      + "and c the context of t. With smoothing ½ this is the Krichevsky–Trofimov sequential estimator; order 0 "
      + "is the add-β unigram. Rows t < k (no full context yet) and rows of an unseen context with β = 0 are "
      + "uniform (1/A). " + CONVENTION + " Returns [n, A] (or [B, n, A]). "
      + "Example: metrics.cross_entropy(seq, data.kgram_predict(seq, order: 2), base: 2) is the online code length "
      + "in bits per symbol")
  public static Tensor kgramPredict(@Arg("seq") Tensor seq, @Arg(value = "order", dflt = "1") int order,
      @Arg(value = "alphabet", dflt = "2") int alphabet, @Arg(value = "smoothing", dflt = "0.5") double smoothing) {
    String fn = "data.kgram_predict";
    checkArgs(order, alphabet, smoothing, fn);
    int contexts = MarkovSource.contextCount(alphabet, order, fn);
    int[][] rows = Symbols.rows(seq, alphabet, fn);
    int n = seq.dim(seq.rank() - 1);
    double[] out = new double[rows.length * n * alphabet];
    double[] counts = new double[contexts * alphabet];
    for (int r = 0; r < rows.length; r++) {
      java.util.Arrays.fill(counts, 0);
      int[] x = rows[r];
      int ctx = 0;
      for (int t = 0; t < n; t++) {
        int off = (r * n + t) * alphabet;
        if (t < order) {
          java.util.Arrays.fill(out, off, off + alphabet, 1.0 / alphabet);
        } else {
          smoothed(counts, ctx * alphabet, alphabet, smoothing, out, off);
          counts[ctx * alphabet + x[t]] += 1;
        }
        ctx = (ctx * alphabet + x[t]) % contexts;
      }
    }
    return Tensor.wrap(Symbols.withAlphabet(seq, alphabet), out);
  }
}
