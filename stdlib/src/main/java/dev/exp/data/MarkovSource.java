package dev.exp.data;

import dev.exp.kernel.KernelException;
import dev.exp.linalg.Linalg;
import dev.exp.metrics.Probabilities;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A k-th order Markov source over the alphabet {0, ..., A−1}: a table [A^k, A] of next-symbol
 * probabilities P(next | context).
 *
 * <p>Context index convention: the last k symbols x_{t−k}, ..., x_{t−1} read as a base-A number in
 * time order, so the most recent symbol is the least significant digit:
 * c = Σ_{j=1..k} x_{t−j} A^{j−1}. After emitting s the context becomes (c·A + s) mod A^k. Order 0 has
 * the single context 0 (an i.i.d. source).
 *
 * <p>Script form: a record {alphabet, order, table} or just the table tensor (the order is then
 * inferred from the number of rows).
 */
public final class MarkovSource {
  /** Largest table size A^(k+1) accepted (2^22 entries, 32 MB). */
  static final long MAX_ENTRIES = 1L << 22;
  /** Contexts up to this count get a dense solve for the stationary distribution. */
  static final int DENSE_LIMIT = 512;
  /** Self-loop weight of the chain used by power iteration. */
  private static final double LAZY = 0.1;

  final int alphabet;
  final int order;
  final int contexts;
  /** Row-major [contexts, alphabet]; not shared with any script value. */
  final double[] table;

  MarkovSource(int alphabet, int order, double[] table) {
    this.alphabet = alphabet;
    this.order = order;
    this.contexts = table.length / alphabet;
    this.table = table;
  }

  /** A^k as an int, failing when the table would be too large. */
  static int contextCount(int alphabet, int order, String fn) {
    if (alphabet < 1) {
      throw KernelException.of("%s: alphabet must be at least 1, got %d", fn, alphabet);
    }
    if (order < 0) {
      throw KernelException.of("%s: order must be >= 0, got %d", fn, order);
    }
    long c = 1;
    for (int i = 0; i < order; i++) {
      c *= alphabet;
      if (c * alphabet > MAX_ENTRIES) {
        break;
      }
    }
    if (c * alphabet > MAX_ENTRIES) {
      throw KernelException.of("%s: alphabet %d with order %d needs a table of %d^%d rows; at most %d entries "
          + "(A^(k+1)) are supported", fn, alphabet, order, alphabet, order, MAX_ENTRIES);
    }
    return (int) c;
  }

  /** Reads a source record {alphabet, order, table} or a bare table tensor [A^k, A], validating it. */
  static MarkovSource from(Object source, String fn) {
    Tensor table;
    Integer alphabet = null;
    Integer order = null;
    if (source instanceof Tensor t) {
      table = t;
    } else if (source instanceof Map<?, ?> m) {
      Object t = m.get("table");
      if (!(t instanceof Tensor tt)) {
        throw KernelException.of("%s: the source record has no tensor field 'table' (fields: %s); make one with "
            + "data.markov(...) or data.flip_source(...)", fn, m.keySet());
      }
      table = tt;
      alphabet = intField(m, "alphabet", fn);
      order = intField(m, "order", fn);
    } else {
      throw KernelException.of("%s: source must be a record {alphabet, order, table} or a table tensor [A^k, A], got %s",
          fn, dev.exp.kernel.Values.describe(source));
    }
    if (table.rank() != 2 || table.dim(1) == 0) {
      throw KernelException.of("%s: the source table must be a matrix [A^k, A], got shape %s", fn,
          Tensor.shapeString(table.shape()));
    }
    int a = table.dim(1);
    int rows = table.dim(0);
    if (alphabet != null && alphabet != a) {
      throw KernelException.of("%s: the source says alphabet = %d but its table has %d columns", fn, alphabet, a);
    }
    int k = inferOrder(rows, a, fn);
    if (order != null && order != k) {
      throw KernelException.of("%s: the source says order = %d but its table has %d rows (%d^%d rows expected)", fn,
          order, rows, a, order);
    }
    Probabilities.requireDistributions(table, fn, "the source table");
    return new MarkovSource(a, k, table.toArray());
  }

  private static Integer intField(Map<?, ?> m, String name, String fn) {
    Object v = m.get(name);
    if (v == null) {
      return null;
    }
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else if (v instanceof Tensor t && t.size() == 1) {
      d = t.at(0);
    } else {
      throw KernelException.of("%s: source field '%s' must be an integer, got %s", fn, name,
          dev.exp.kernel.Values.describe(v));
    }
    if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
      throw KernelException.of("%s: source field '%s' must be a non-negative integer, got %s", fn, name, d);
    }
    return (int) d;
  }

  private static int inferOrder(int rows, int a, String fn) {
    if (a == 1) {
      if (rows != 1) {
        throw KernelException.of("%s: a table with one column (alphabet 1) must have one row, got %d", fn, rows);
      }
      return 0;
    }
    int k = 0;
    long c = 1;
    while (c < rows) {
      c *= a;
      k++;
    }
    if (c != rows) {
      throw KernelException.of("%s: the source table has %d rows, which is not a power of the alphabet size %d "
          + "(rows must be A^order)", fn, rows, a);
    }
    return k;
  }

  /** The script record {alphabet, order, table}. */
  Map<String, Object> toRecord() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("alphabet", (double) alphabet);
    r.put("order", (double) order);
    r.put("table", Tensor.wrap(new int[] {contexts, alphabet}, table.clone()));
    return r;
  }

  int next(int context, int symbol) {
    return (context * alphabet + symbol) % contexts; // < A^(k+1) <= 2^22: no overflow
  }

  // ------------------------------------------------------------------ stationary distribution

  /**
   * The stationary distribution over the A^k contexts of the context chain c → (c·A + s) mod A^k
   * with probability P(s | c). Fails unless it is unique (exactly one closed communicating class).
   */
  double[] stationary(String fn) {
    requireUniqueStationary(fn);
    int n = contexts;
    if (n == 1) {
      return new double[] {1};
    }
    double[] pi = null;
    if (n <= DENSE_LIMIT) {
      pi = denseStationary();
    }
    if (pi == null) {
      pi = iterativeStationary(fn);
    }
    return pi;
  }

  /** Solves π (P − I) = 0, Σ π = 1 by LU; null when the solve is too ill-conditioned. */
  private double[] denseStationary() {
    int n = contexts;
    double[] m = new double[n * n];
    // row i of the system: Σ_c π(c) P(c → i) − π(i) = 0, i.e. (Pᵀ − I) π = 0
    for (int c = 0; c < n; c++) {
      for (int s = 0; s < alphabet; s++) {
        int to = next(c, s);
        m[to * n + c] += table[c * alphabet + s];
      }
    }
    for (int i = 0; i < n; i++) {
      m[i * n + i] -= 1;
    }
    // the equations are linearly dependent (columns of Pᵀ − I sum to 0): replace the last by Σ π = 1
    for (int c = 0; c < n; c++) {
      m[(n - 1) * n + c] = 1;
    }
    double[] b = new double[n];
    b[n - 1] = 1;
    double[] pi;
    try {
      pi = Linalg.solve(Tensor.wrap(new int[] {n, n}, m), Tensor.wrap(new int[] {n}, b)).toArray();
    } catch (KernelException e) {
      return null;
    }
    return cleaned(pi);
  }

  /** Clamps rounding negatives to 0 and renormalises; null when the values are not a distribution. */
  private static double[] cleaned(double[] pi) {
    double s = 0;
    for (int i = 0; i < pi.length; i++) {
      if (!Double.isFinite(pi[i]) || pi[i] < -1e-9) {
        return null;
      }
      pi[i] = Math.max(0, pi[i]);
      s += pi[i];
    }
    if (!(s > 0)) {
      return null;
    }
    for (int i = 0; i < pi.length; i++) {
      pi[i] /= s;
    }
    return pi;
  }

  /**
   * Power iteration on the slightly lazy chain 0.9 P + 0.1 I (same stationary law, aperiodic even when
   * P is periodic) from the uniform law, until the L1 change per step is below 1e-14. The number of
   * steps is capped so that the work stays below about 2·10^9 multiply-adds.
   */
  private double[] iterativeStationary(String fn) {
    int n = contexts;
    double[] pi = new double[n];
    java.util.Arrays.fill(pi, 1.0 / n);
    double[] nextPi = new double[n];
    long maxIter = Math.max(10_000L, 2_000_000_000L / ((long) n * alphabet));
    for (long it = 0; it < maxIter; it++) {
      for (int i = 0; i < n; i++) {
        nextPi[i] = LAZY * pi[i];
      }
      for (int c = 0; c < n; c++) {
        double w = (1 - LAZY) * pi[c];
        if (w == 0) {
          continue;
        }
        int base = c * alphabet % contexts;
        for (int s = 0; s < alphabet; s++) {
          nextPi[base + s] += w * table[c * alphabet + s];
        }
      }
      double diff = 0;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += nextPi[i];
      }
      for (int i = 0; i < n; i++) {
        nextPi[i] /= sum;
        diff += Math.abs(nextPi[i] - pi[i]);
      }
      double[] t = pi;
      pi = nextPi;
      nextPi = t;
      if (diff < 1e-14) {
        return pi;
      }
    }
    throw KernelException.of("%s: the stationary distribution over %d contexts did not converge after %d power "
        + "iterations (a very slowly mixing chain)", fn, n, maxIter);
  }

  /**
   * Fails unless the context chain has exactly one closed communicating class (then the stationary
   * distribution is unique). Kosaraju's algorithm, iterative.
   */
  private void requireUniqueStationary(String fn) {
    int n = contexts;
    // reverse adjacency in CSR form
    int[] deg = new int[n + 1];
    for (int c = 0; c < n; c++) {
      for (int s = 0; s < alphabet; s++) {
        if (table[c * alphabet + s] > 0) {
          deg[next(c, s) + 1]++;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      deg[i + 1] += deg[i];
    }
    int[] rev = new int[deg[n]];
    int[] fill = deg.clone();
    for (int c = 0; c < n; c++) {
      for (int s = 0; s < alphabet; s++) {
        if (table[c * alphabet + s] > 0) {
          rev[fill[next(c, s)]++] = c;
        }
      }
    }
    // pass 1: finishing order on the forward graph
    int[] order = new int[n];
    int finished = 0;
    boolean[] seen = new boolean[n];
    int[] stackNode = new int[n];
    int[] stackEdge = new int[n];
    for (int root = 0; root < n; root++) {
      if (seen[root]) {
        continue;
      }
      int top = 0;
      stackNode[0] = root;
      stackEdge[0] = 0;
      seen[root] = true;
      while (top >= 0) {
        int v = stackNode[top];
        boolean pushed = false;
        while (stackEdge[top] < alphabet) {
          int s = stackEdge[top]++;
          if (table[v * alphabet + s] > 0) {
            int w = next(v, s);
            if (!seen[w]) {
              seen[w] = true;
              top++;
              stackNode[top] = w;
              stackEdge[top] = 0;
              pushed = true;
              break;
            }
          }
        }
        if (!pushed) {
          order[finished++] = v;
          top--;
        }
      }
    }
    // pass 2: components on the reverse graph, in decreasing finishing order
    int[] comp = new int[n];
    java.util.Arrays.fill(comp, -1);
    int comps = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = n - 1; i >= 0; i--) {
      int root = order[i];
      if (comp[root] >= 0) {
        continue;
      }
      comp[root] = comps;
      queue.add(root);
      while (!queue.isEmpty()) {
        int v = queue.poll();
        for (int e = deg[v]; e < deg[v + 1]; e++) {
          int w = rev[e];
          if (comp[w] < 0) {
            comp[w] = comps;
            queue.add(w);
          }
        }
      }
      comps++;
    }
    // closed classes: components with no edge leaving them
    boolean[] leaves = new boolean[comps];
    for (int c = 0; c < n; c++) {
      for (int s = 0; s < alphabet; s++) {
        if (table[c * alphabet + s] > 0 && comp[next(c, s)] != comp[c]) {
          leaves[comp[c]] = true;
        }
      }
    }
    int closed = 0;
    for (boolean l : leaves) {
      closed += l ? 0 : 1;
    }
    if (closed != 1) {
      throw KernelException.of("%s: the source's context chain has %d closed classes, so its stationary distribution "
          + "is not unique (e.g. a flip source with delta = 0); use a table whose chain is irreducible", fn, closed);
    }
  }

  // ------------------------------------------------------------------ sampling and conditionals

  /** Entropy rate Σ_c π(c) H(P(·|c)) in nats. */
  double entropyRateNats(String fn) {
    double[] pi = stationary(fn);
    double h = 0;
    for (int c = 0; c < contexts; c++) {
      double hc = 0;
      for (int s = 0; s < alphabet; s++) {
        double p = table[c * alphabet + s];
        if (p > 0) {
          hc -= p * Math.log(p);
        }
      }
      h += pi[c] * hc;
    }
    return h;
  }

  /** Index drawn from the distribution w[off .. off+len) (sums to 1 within 1e-9). */
  static int draw(double[] w, int off, int len, Rng rng) {
    double u = rng.nextDouble();
    double acc = 0;
    int last = -1;
    for (int j = 0; j < len; j++) {
      double p = w[off + j];
      if (p > 0) {
        acc += p;
        last = j;
        if (u < acc) {
          return j;
        }
      }
    }
    return last; // rounding: the sum fell just below u
  }

  /** n symbols; the first k come from init (length k) or from the stationary law over contexts. */
  double[] sample(int n, int[] init, Rng rng, String fn) {
    double[] out = new double[n];
    int ctx;
    if (init == null) {
      double[] pi = contexts == 1 ? new double[] {1} : stationary(fn);
      ctx = draw(pi, 0, contexts, rng);
    } else {
      ctx = 0;
      for (int s : init) {
        ctx = ctx * alphabet + s;
      }
    }
    int place = contexts / alphabet; // A^(k-1): the weight of the oldest digit
    for (int i = 0; i < Math.min(order, n); i++) {
      out[i] = (ctx / place) % alphabet;
      place /= alphabet;
    }
    for (int t = order; t < n; t++) {
      int s = draw(table, ctx * alphabet, alphabet, rng);
      out[t] = s;
      ctx = next(ctx, s);
    }
    return out;
  }

  /**
   * P(x_t = · | x_0..x_{t−1}) for each position of one sequence, written into out[off ..]. Positions
   * t ≥ k use the table row of the context; t &lt; k use the stationary law of the first k symbols
   * conditioned on the prefix (uniform when the prefix has stationary probability 0).
   */
  void conditional(int[] seq, double[] pi, double[] out, int off) {
    int a = alphabet;
    int ctx = 0;
    for (int t = 0; t < seq.length; t++) {
      int row = off + t * a;
      if (t >= order) {
        System.arraycopy(table, ctx * a, out, row, a);
      } else {
        // contexts whose top t digits equal the prefix and whose digit t is s form one block
        int block = 1;
        for (int i = 0; i < order - t - 1; i++) {
          block *= a;
        }
        double total = 0;
        for (int s = 0; s < a; s++) {
          int start = (ctx * a + s) * block;
          double m = 0;
          for (int c = start; c < start + block; c++) {
            m += pi[c];
          }
          out[row + s] = m;
          total += m;
        }
        for (int s = 0; s < a; s++) {
          out[row + s] = total > 0 ? out[row + s] / total : 1.0 / a;
        }
      }
      ctx = t < order ? ctx * a + seq[t] : next(ctx, seq[t]);
    }
  }
}
