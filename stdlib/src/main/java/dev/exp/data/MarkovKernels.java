package dev.exp.data;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.metrics.Probabilities;
import dev.exp.random.Rng;
import dev.exp.tensor.Random;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.Map;

/**
 * Kernels for k-th order Markov sources (namespace {@code data}): random sources with Dirichlet
 * transition rows, the flip (switching) source, sampling, the stationary distribution over contexts,
 * the exact entropy rate and the true conditional probabilities along a sequence. See
 * {@link MarkovSource} for the context index convention.
 */
public final class MarkovKernels {
  private MarkovKernels() {}

  static final String SOURCE_DOC = "A source is a record {alphabet, order, table} (from data.markov or "
      + "data.flip_source) or just its table [A^k, A]; row c of the table is P(next | context c), where the "
      + "context index c reads the last k symbols as a base-A number in time order (most recent symbol least "
      + "significant): c = Σ_{j=1..k} x[t−j]·A^(j−1).";

  @Kernel(name = "data.markov", doc = "A random k-th order Markov source over the symbols 0..alphabet−1. "
      + "Returns the record {alphabet, order, table} with table [A^k, A] of next-symbol probabilities "
      + "P(next | context): each row is an independent Dirichlet(alpha, ..., alpha) draw (via Gamma variates), "
      + "so alpha = 1 with a binary alphabet gives Beta(1, 1) (uniform) transition probabilities. "
      + SOURCE_DOC + " Defaults: alphabet 2, order 1, alpha 1. "
      + "Example: let src = data.markov(alphabet: 2, order: 3, seed: 1); data.entropy_rate(src)")
  public static Map<String, Object> markov(@Arg(value = "alphabet", dflt = "2") int alphabet,
      @Arg(value = "order", dflt = "1") int order, @Arg(value = "alpha", dflt = "1") double alpha,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.markov";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    int contexts = MarkovSource.contextCount(alphabet, order, fn);
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw KernelException.of("%s: alpha (the Dirichlet concentration) must be positive and finite, got %s", fn,
          TensorArgs.fmt(alpha));
    }
    Tensor table = Random.dirichlet(Tensor.full(new int[] {alphabet}, alpha), new int[] {contexts}, rng);
    return new MarkovSource(alphabet, order, table.raw()).toRecord();
  }

  @Kernel(name = "data.flip_source", doc = "The binary switching (flip) source: each symbol repeats the previous "
      + "one with probability 1 − delta and flips with probability delta. A first-order source "
      + "{alphabet: 2, order: 1, table: [[1 − delta, delta], [delta, 1 − delta]]}; its stationary law is "
      + "uniform and its entropy rate is h(delta) (h(0.1) = 0.469 bits). delta = 0 has no unique stationary law "
      + "(sample it with init:). Example: data.entropy_rate(data.flip_source(0.1), base: 2)")
  public static Map<String, Object> flipSource(@Arg("delta") double delta) {
    if (!(delta >= 0 && delta <= 1)) {
      throw KernelException.of("data.flip_source: delta must be a probability in [0, 1], got %s", TensorArgs.fmt(delta));
    }
    return new MarkovSource(2, 1, new double[] {1 - delta, delta, delta, 1 - delta}).toRecord();
  }

  @Kernel(name = "data.markov_sample", doc = "A sequence of n symbols from a Markov source. "
      + SOURCE_DOC + " The first k symbols (the initial context) are drawn from the stationary distribution over "
      + "contexts (data.stationary), so the sequence is a stationary process; init: a vector of k symbols fixes "
      + "them instead. Then x[t] ~ table[context(t)] for t >= k. Returns a vector [n] of integer symbols. "
      + "Example: let seq = data.markov_sample(src, 1000, seed: 2)")
  public static Tensor markovSample(@Arg("source") Object source, @Arg("n") int n,
      @Arg(value = "init", dflt = "none") Tensor init, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.markov_sample";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    MarkovSource src = MarkovSource.from(source, fn);
    Symbols.requireNonNegative(n, fn, "n");
    int[] start = null;
    if (init != null) {
      if (init.rank() > 1 || init.size() != src.order) {
        throw KernelException.of("%s: init must be a vector of order = %d symbols, got shape %s", fn, src.order,
            Tensor.shapeString(init.shape()));
      }
      start = Symbols.rows(init.reshape(src.order), src.alphabet, fn)[0];
    }
    return Tensor.wrap(new int[] {n}, src.sample(n, start, rng, fn));
  }

  @Kernel(name = "data.stationary", doc = "The stationary distribution π over the A^k contexts of a Markov source: "
      + "π P = π for the context chain c → (c·A + s) mod A^k with probability P(s | c). " + SOURCE_DOC
      + " Returns a vector [A^k]. Solved exactly (LU) for up to 512 contexts, by power iteration (on 0.9 P + 0.1 I) "
      + "beyond. A chain with more than one closed class (no unique π) is an error. "
      + "Example: data.stationary([[0.9, 0.1], [0.3, 0.7]]) is [0.75, 0.25]")
  public static Tensor stationary(@Arg("source") Object source) {
    MarkovSource src = MarkovSource.from(source, "data.stationary");
    return Tensor.wrap(new int[] {src.contexts}, src.stationary("data.stationary"));
  }

  @Kernel(name = "data.entropy_rate", doc = "The exact entropy rate of a Markov source, Σ_c π(c) H(P(·|c)), with π "
      + "the stationary distribution over contexts. " + SOURCE_DOC + " base: none = nats (the default, as every "
      + "metrics.* kernel), 2 = bits. Example: data.entropy_rate(data.flip_source(0.1), base: 2) is 0.4690 (bits)")
  public static double entropyRate(@Arg("source") Object source, @Arg(value = "base", dflt = "none") Double base) {
    double ln = Probabilities.lnBase(base, "data.entropy_rate");
    MarkovSource src = MarkovSource.from(source, "data.entropy_rate");
    return src.entropyRateNats("data.entropy_rate") / ln;
  }

  @Kernel(name = "data.markov_conditional", doc = "The true next-symbol probabilities P(x[t] = · | x[0..t−1]) of a "
      + "Markov source along a sequence. " + SOURCE_DOC + " seq: a vector [n] (result [n, A]) or a batch [B, n] "
      + "(result [B, n, A]). For t >= k the row is the table row of the context; for the first k positions it is "
      + "the conditional of the stationary law of the first k symbols given the prefix (the law data.markov_sample "
      + "uses), uniform if the prefix has stationary probability 0. With metrics.cross_entropy this gives the "
      + "source's own log-loss. Example: metrics.cross_entropy(seq, data.markov_conditional(src, seq), base: 2)")
  public static Tensor markovConditional(@Arg("source") Object source, @Arg("seq") Tensor seq) {
    String fn = "data.markov_conditional";
    MarkovSource src = MarkovSource.from(source, fn);
    int[][] rows = Symbols.rows(seq, src.alphabet, fn);
    int n = rows.length == 0 ? 0 : rows[0].length;
    double[] pi = src.order == 0 || n == 0 ? new double[] {1} : src.stationary(fn);
    double[] out = new double[rows.length * n * src.alphabet];
    for (int r = 0; r < rows.length; r++) {
      src.conditional(rows[r], pi, out, r * n * src.alphabet);
    }
    return Tensor.wrap(Symbols.withAlphabet(seq, src.alphabet), out);
  }
}
