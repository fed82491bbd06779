package dev.exp.data;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Random;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Algorithmic sequence tasks (namespace {@code data}): parity and counting modulo m (state tracking),
 * copying, and multi-query associative recall with vector or symbolic keys.
 */
public final class AlgorithmicTasks {
  private AlgorithmicTasks() {}

  private static Rng need(Rng rng, String fn) {
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    return rng;
  }

  /** Uniform bits [n, length] with labels = (running) count of ones mod m. */
  private static Map<String, Object> counting(int n, int length, int m, boolean running, Rng rng, String fn) {
    Symbols.requireNonNegative(n, fn, "n");
    Symbols.requireNonNegative(length, fn, "length");
    double[] bits = new double[n * length];
    double[] labels = new double[running ? n * length : n];
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (int t = 0; t < length; t++) {
        int bit = (int) (rng.nextLong() >>> 63);
        bits[i * length + t] = bit;
        count = (count + bit) % m;
        if (running) {
          labels[i * length + t] = count;
        }
      }
      if (!running) {
        labels[i] = count;
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("bits", Tensor.wrap(new int[] {n, length}, bits));
    r.put("labels", Tensor.wrap(running ? new int[] {n, length} : new int[] {n}, labels));
    return r;
  }

  @Kernel(name = "data.parity", doc = "Random bit strings with their parity. Returns {bits [n, length] of uniform 0/1, "
      + "labels}: labels [n] = XOR of all bits of each string, or with running: true labels [n, length] = the parity "
      + "of the prefix x[0..t]. Example: let p = data.parity(100, 24, seed: 1)")
  public static Map<String, Object> parity(@Arg("n") int n, @Arg("length") int length,
      @Arg(value = "running", dflt = "false") boolean running, @Arg(value = "seed", dflt = "none") Rng rng) {
    return counting(n, length, 2, running, need(rng, "data.parity"), "data.parity");
  }

  @Kernel(name = "data.mod_count", doc = "Counting modulo m: random bit strings with the number of ones mod m. "
      + "Returns {bits [n, length], labels [n]} or, with running: true, labels [n, length] = (x[0] + ... + x[t]) mod "
      + "m. m = 2 is parity. Defaults: m 3. Example: data.mod_count(10, 50, m: 3, running: true, seed: 1)")
  public static Map<String, Object> modCount(@Arg("n") int n, @Arg("length") int length,
      @Arg(value = "m", dflt = "3") int m, @Arg(value = "running", dflt = "false") boolean running,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    Symbols.requirePositive(m, "data.mod_count", "m");
    return counting(n, length, m, running, need(rng, "data.mod_count"), "data.mod_count");
  }

  @Kernel(name = "data.copy_task", doc = "Copying: n random strings of length symbols from 0..vocab−1, each followed by "
      + "a separator and a copy. Returns {sequence [n, 2·length + 1] = (tokens, separator, tokens), targets "
      + "[n, length] = the tokens (what positions length+1 .. 2·length must reproduce), separator = vocab}; the "
      + "token alphabet is vocab + 1. Defaults: vocab 8. Example: data.copy_task(4, 10, vocab: 5, seed: 1)")
  public static Map<String, Object> copyTask(@Arg("n") int n, @Arg("length") int length,
      @Arg(value = "vocab", dflt = "8") int vocab, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.copy_task";
    need(rng, fn);
    Symbols.requireNonNegative(n, fn, "n");
    Symbols.requireNonNegative(length, fn, "length");
    Symbols.requirePositive(vocab, fn, "vocab");
    int w = 2 * length + 1;
    double[] seq = new double[n * w];
    double[] targets = new double[n * length];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < length; t++) {
        int s = rng.nextInt(vocab);
        targets[i * length + t] = s;
        seq[i * w + t] = s;
        seq[i * w + length + 1 + t] = s;
      }
      seq[i * w + length] = vocab;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("sequence", Tensor.wrap(new int[] {n, w}, seq));
    r.put("targets", Tensor.wrap(new int[] {n, length}, targets));
    r.put("separator", (double) vocab);
    return r;
  }

  /** Query indices: all pairs in random order (none), distinct (q &lt;= pairs) or with replacement. */
  private static int[] queryIndex(int pairs, Integer queries, Rng rng, String fn) {
    if (queries == null) {
      return Random.perm(pairs, rng);
    }
    Symbols.requireNonNegative(queries, fn, "queries");
    if (queries > 0 && pairs == 0) {
      throw KernelException.of("%s: cannot draw %d queries from 0 pairs", fn, queries);
    }
    if (queries <= pairs) {
      return java.util.Arrays.copyOf(Random.perm(pairs, rng), queries);
    }
    int[] q = new int[queries];
    for (int i = 0; i < queries; i++) {
      q[i] = rng.nextInt(pairs);
    }
    return q;
  }

  private static Tensor index(int[] q) {
    double[] d = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      d[i] = q[i];
    }
    return Tensor.wrap(new int[] {q.length}, d);
  }

  @Kernel(name = "data.associative_recall", doc = "Multi-query associative recall with vectors: pairs random unit-norm "
      + "keys in R^d (normalised Gaussians) and N(0, I) values in R^d_value (default d_value = d). "
      + "Returns {keys [pairs, d], values [pairs, d_value], query_index [q], queries [q, d] = keys[query_index], "
      + "answers [q, d_value] = values[query_index]}. queries: none = every key once in random order; q <= pairs = "
      + "q distinct keys; q > pairs = drawn with replacement. Defaults: d 16. "
      + "Example: let m = data.associative_recall(8, d: 16, seed: 1)")
  public static Map<String, Object> associativeRecall(@Arg("pairs") int pairs, @Arg(value = "d", dflt = "16") int d,
      @Arg(value = "queries", dflt = "none") Integer queries, @Arg(value = "d_value", dflt = "none") Integer dValue,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.associative_recall";
    need(rng, fn);
    Symbols.requireNonNegative(pairs, fn, "pairs");
    Symbols.requirePositive(d, fn, "d");
    int dv = dValue == null ? d : dValue;
    Symbols.requirePositive(dv, fn, "d_value");
    double[] keys = new double[pairs * d];
    for (int i = 0; i < pairs; i++) {
      double norm;
      do {
        norm = 0;
        for (int j = 0; j < d; j++) {
          double g = rng.nextGaussian();
          keys[i * d + j] = g;
          norm += g * g;
        }
      } while (norm == 0);
      norm = Math.sqrt(norm);
      for (int j = 0; j < d; j++) {
        keys[i * d + j] /= norm;
      }
    }
    double[] values = new double[pairs * dv];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextGaussian();
    }
    int[] q = queryIndex(pairs, queries, rng, fn);
    double[] qs = new double[q.length * d];
    double[] ans = new double[q.length * dv];
    for (int i = 0; i < q.length; i++) {
      System.arraycopy(keys, q[i] * d, qs, i * d, d);
      System.arraycopy(values, q[i] * dv, ans, i * dv, dv);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("keys", Tensor.wrap(new int[] {pairs, d}, keys));
    r.put("values", Tensor.wrap(new int[] {pairs, dv}, values));
    r.put("query_index", index(q));
    r.put("queries", Tensor.wrap(new int[] {q.length, d}, qs));
    r.put("answers", Tensor.wrap(new int[] {q.length, dv}, ans));
    return r;
  }

  @Kernel(name = "data.associative_recall_tokens", doc = "Multi-query associative recall as a token sequence: pairs "
      + "distinct key symbols from 0..vocab−1, each with a value symbol from vocab..2·vocab−1 (uniform, "
      + "independent), then the queried keys. Returns {keys [pairs], values [pairs], sequence [2·pairs + q] = "
      + "(k_0, v_0, k_1, v_1, ..., then the q query keys), query_index [q], answers [q] = values[query_index]}; the "
      + "token alphabet is 2·vocab. queries as in data.associative_recall (none = every key once, random order). "
      + "Example: data.associative_recall_tokens(4, 16, queries: 2, seed: 1)")
  public static Map<String, Object> associativeRecallTokens(@Arg("pairs") int pairs, @Arg("vocab") int vocab,
      @Arg(value = "queries", dflt = "none") Integer queries, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.associative_recall_tokens";
    need(rng, fn);
    Symbols.requireNonNegative(pairs, fn, "pairs");
    Symbols.requirePositive(vocab, fn, "vocab");
    if (pairs > vocab) {
      throw KernelException.of("%s: %d pairs need %d distinct keys but vocab is %d", fn, pairs, pairs, vocab);
    }
    int[] keyPerm = Random.perm(vocab, rng);
    double[] keys = new double[pairs];
    double[] values = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      keys[i] = keyPerm[i];
      values[i] = vocab + rng.nextInt(vocab);
    }
    int[] q = queryIndex(pairs, queries, rng, fn);
    double[] seq = new double[2 * pairs + q.length];
    double[] ans = new double[q.length];
    for (int i = 0; i < pairs; i++) {
      seq[2 * i] = keys[i];
      seq[2 * i + 1] = values[i];
    }
    for (int i = 0; i < q.length; i++) {
      seq[2 * pairs + i] = keys[q[i]];
      ans[i] = values[q[i]];
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("keys", Tensor.wrap(new int[] {pairs}, keys));
    r.put("values", Tensor.wrap(new int[] {pairs}, values));
    r.put("sequence", Tensor.wrap(new int[] {seq.length}, seq));
    r.put("query_index", index(q));
    r.put("answers", Tensor.wrap(new int[] {q.length}, ans));
    return r;
  }
}
