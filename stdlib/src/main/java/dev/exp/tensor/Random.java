package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Random tensors. Every kernel draws only from the {@link Rng} it is given, so a seed gives the same
 * numbers on every JDK and platform.
 */
public final class Random {
  private Random() {}

  private static Rng need(Rng rng, String fn) {
    if (rng == null) {
      throw KernelException.of("%s: no random generator given", fn);
    }
    return rng;
  }

  /** Long fills poll the evaluation's limits every 2^20 values (tens of milliseconds). */
  private static final int POLL_MASK = (1 << 20) - 1;

  @Kernel(name = "rand", doc = "Uniform random numbers in [0, 1) with the given shape. Example: rand([3, 2], seed: 1)")
  public static Tensor rand(@Arg("shape") int[] shape, @Arg(value = "seed", dflt = "none") Rng rng) {
    need(rng, "rand");
    Tensor t = Tensor.zeros(shape);
    double[] d = t.raw();
    dev.exp.kernel.KernelContext ctx = dev.exp.kernel.KernelContext.current();
    for (int i = 0; i < d.length; i++) {
      if ((i & POLL_MASK) == POLL_MASK) {
        ctx.poll();   // a long fill stops at a limit within ~1M values
      }
      d[i] = rng.nextDouble();
    }
    return t;
  }

  @Kernel(name = "randn", doc = "Standard normal random numbers (mean 0, variance 1) with the given shape. "
      + "Example: randn([n, d], seed: 7)")
  public static Tensor randn(@Arg("shape") int[] shape, @Arg(value = "seed", dflt = "none") Rng rng) {
    need(rng, "randn");
    Tensor t = Tensor.zeros(shape);
    double[] d = t.raw();
    dev.exp.kernel.KernelContext ctx = dev.exp.kernel.KernelContext.current();
    for (int i = 0; i < d.length; i++) {
      if ((i & POLL_MASK) == POLL_MASK) {
        ctx.poll();
      }
      d[i] = rng.nextGaussian();
    }
    return t;
  }

  @Kernel(name = "uniform", scalar = true, doc = "Uniform random numbers in [low, high). "
      + "With shape none the result is one number, otherwise a tensor. Example: uniform(-1, 1, [5], seed: 3)")
  public static Object uniform(@Arg(value = "low", dflt = "0") double low, @Arg(value = "high", dflt = "1") double high,
      @Arg(value = "shape", dflt = "none") int[] shape, @Arg(value = "seed", dflt = "none") Rng rng) {
    need(rng, "uniform");
    if (!(high >= low) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw KernelException.of("uniform: need finite low <= high, got low = %s, high = %s", TensorArgs.fmt(low), TensorArgs.fmt(high));
    }
    if (shape == null) {
      return low + (high - low) * rng.nextDouble();
    }
    Tensor t = Tensor.zeros(shape);
    double[] d = t.raw();
    dev.exp.kernel.KernelContext ctx = dev.exp.kernel.KernelContext.current();
    for (int i = 0; i < d.length; i++) {
      if ((i & POLL_MASK) == POLL_MASK) {
        ctx.poll();
      }
      d[i] = low + (high - low) * rng.nextDouble();
    }
    return t;
  }

  @Kernel(name = "normal", scalar = true, doc = "Normal random numbers with the given mean and standard deviation std. "
      + "With shape none the result is one number, otherwise a tensor. Example: normal(0, 0.1, [3, 3], seed: 1)")
  public static Object normal(@Arg(value = "mean", dflt = "0") double mean, @Arg(value = "std", dflt = "1") double std,
      @Arg(value = "shape", dflt = "none") int[] shape, @Arg(value = "seed", dflt = "none") Rng rng) {
    need(rng, "normal");
    if (!(std >= 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
      throw KernelException.of("normal: need a finite mean and a finite std >= 0, got mean = %s, std = %s",
          TensorArgs.fmt(mean), TensorArgs.fmt(std));
    }
    if (shape == null) {
      return mean + std * rng.nextGaussian();
    }
    Tensor t = Tensor.zeros(shape);
    double[] d = t.raw();
    for (int i = 0; i < d.length; i++) {
      d[i] = mean + std * rng.nextGaussian();
    }
    return t;
  }

  @Kernel(name = "randint", scalar = true, doc = "Uniform random integers in [low, high) (high exclusive). "
      + "With high none the range is [0, low), as in NumPy. With shape none the result is one number, otherwise "
      + "a tensor of integer values. Example: randint(0, 10, [5], seed: 1)")
  public static Object randint(@Arg("low") double low, @Arg(value = "high", dflt = "none") Double high,
      @Arg(value = "shape", dflt = "none") int[] shape, @Arg(value = "seed", dflt = "none") Rng rng) {
    need(rng, "randint");
    double lo = high == null ? 0 : low;
    double hi = high == null ? low : high;
    for (double v : new double[] {lo, hi}) {
      if (v != Math.rint(v)) {
        throw KernelException.of("randint: low and high must be integers, got %s", TensorArgs.fmt(v));
      }
      if (Math.abs(v) > 9.0e15) {
        throw KernelException.of("randint: low and high must be at most 9e15 in magnitude (exact integers), got %s",
            TensorArgs.fmt(v));
      }
    }
    long l = (long) lo;
    long span = (long) hi - l;
    if (span <= 0) {
      throw KernelException.of("randint: need low < high, got low = %d, high = %d", l, (long) hi);
    }
    if (shape == null) {
      return (double) (l + rng.nextLong(span));
    }
    Tensor t = Tensor.zeros(shape);
    double[] d = t.raw();
    for (int i = 0; i < d.length; i++) {
      d[i] = l + rng.nextLong(span);
    }
    return t;
  }

  @Kernel(name = "permutation", doc = "A random permutation. "
      + "Given a number n, a random ordering of 0..n-1 (a vector); given a tensor, its rows (first axis) "
      + "shuffled; given a list, a shuffled copy. Example: permutation(10, seed: 2)")
  public static Object permutation(@Arg("x") Object x, @Arg(value = "seed", dflt = "none") Rng rng) {
    need(rng, "permutation");
    if (x instanceof Number num) {
      int n = TensorArgs.toInt(num.doubleValue(), "permutation: n");
      if (n < 0) {
        throw KernelException.of("permutation: n must be non-negative, got %d", n);
      }
      dev.exp.kernel.Budget.bytes(12L * n, "a permutation of " + n + " values");
      int[] p = perm(n, rng);
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = p[i];
      }
      return Tensor.wrap(new int[] {n}, d);
    }
    if (x instanceof Tensor t) {
      if (t.rank() == 0) {
        return permutation(t.item(), rng);
      }
      return Indexing.takeRows(t, perm(t.dim(0), rng));
    }
    if (x instanceof List<?> list) {
      int[] p = perm(list.size(), rng);
      List<Object> out = new ArrayList<>(list.size());
      for (int i : p) {
        out.add(list.get(i));
      }
      return out;
    }
    throw KernelException.of("permutation: expected a number, a tensor or a list, got %s", Values.describe(x));
  }

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  public static int[] perm(int n, Rng rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  @Kernel(name = "choice", doc = "Random samples from 0..n-1, from the rows of a tensor, or from a list. "
      + "x: a number n, a tensor (samples along its first axis) or a list. size: number of samples or a shape "
      + "(none = one sample, returned as such). replace: sample with replacement (default) or without. "
      + "p: probabilities of the n items (non-negative, summing to 1 within 1e-6); none = uniform. "
      + "Without replacement and with p, items are drawn one by one with the remaining probabilities renormalised "
      + "(as NumPy). Example: choice(5, 3, replace: false, seed: 1)")
  public static Object choice(@Arg("x") Object x, @Arg(value = "size", dflt = "none") int[] size,
      @Arg(value = "replace", dflt = "true") boolean replace, @Arg(value = "p", dflt = "none") Tensor p,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    need(rng, "choice");
    int n;
    if (x instanceof Number num) {
      n = TensorArgs.toInt(num.doubleValue(), "choice: n");
    } else if (x instanceof Tensor t) {
      if (t.rank() == 0) {
        return choice(t.item(), size, replace, p, rng);
      }
      n = t.dim(0);
    } else if (x instanceof List<?> list) {
      n = list.size();
    } else {
      throw KernelException.of("choice: expected a number, a tensor or a list, got %s", Values.describe(x));
    }
    if (n <= 0) {
      throw KernelException.of("choice: cannot sample from an empty population (n = %d)", n);
    }
    int count = 1;
    if (size != null) {
      for (int s : size) {
        if (s < 0) {
          throw KernelException.of("choice: negative size %s", Tensor.shapeString(size));
        }
        count *= s;
      }
    }
    double[] cdf = null;
    double[] w = null;
    if (p != null) {
      if (p.rank() != 1 || p.size() != n) {
        throw KernelException.of("choice: p must be a vector of length %d, got shape %s", n, Tensor.shapeString(p.shape()));
      }
      w = p.toArray();
      double total = 0;
      for (double v : w) {
        if (!(v >= 0) || !Double.isFinite(v)) {
          throw KernelException.of("choice: p must be finite and non-negative, got %s", TensorArgs.fmt(v));
        }
        total += v;
      }
      if (Math.abs(total - 1) > 1e-6) {
        throw KernelException.of("choice: p must sum to 1, sums to %s", TensorArgs.fmt(total));
      }
      if (!replace) {
        int nonzero = 0;
        for (double v : w) {
          nonzero += v > 0 ? 1 : 0;
        }
        if (count > nonzero) {
          throw KernelException.of("choice: cannot draw %d items without replacement: only %d have p > 0", count, nonzero);
        }
      }
      cdf = new double[n];
      double acc = 0;
      for (int i = 0; i < n; i++) {
        acc += w[i];
        cdf[i] = acc;
      }
    }
    if (!replace && count > n) {
      throw KernelException.of("choice: cannot draw %d items without replacement from %d", count, n);
    }
    int[] idx = new int[count];
    if (replace) {
      for (int i = 0; i < count; i++) {
        idx[i] = cdf == null ? rng.nextInt(n) : sampleCdf(cdf, rng);
      }
    } else if (w == null) {
      int[] pool = new int[n];
      for (int i = 0; i < n; i++) {
        pool[i] = i;
      }
      for (int i = 0; i < count; i++) {
        int j = i + rng.nextInt(n - i);
        int tmp = pool[i];
        pool[i] = pool[j];
        pool[j] = tmp;
        idx[i] = pool[i];
      }
    } else {
      double[] rem = w.clone();
      double remTotal = 0;
      for (double v : rem) {
        remTotal += v;
      }
      for (int i = 0; i < count; i++) {
        double u = rng.nextDouble() * remTotal;
        int pick = -1;
        double acc = 0;
        for (int j = 0; j < n; j++) {
          if (rem[j] > 0) {
            acc += rem[j];
            pick = j;
            if (u < acc) {
              break;
            }
          }
        }
        idx[i] = pick;
        remTotal -= rem[pick];
        rem[pick] = 0;
      }
    }
    return gather(x, n, idx, size);
  }

  private static int sampleCdf(double[] cdf, Rng rng) {
    double u = rng.nextDouble() * cdf[cdf.length - 1];
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (u < cdf[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    // skip zero-probability items that share the cumulative value
    while (lo > 0 && cdf[lo] == cdf[lo - 1]) {
      lo--;
    }
    return lo;
  }

  private static Object gather(Object x, int n, int[] idx, int[] size) {
    if (x instanceof List<?> list) {
      if (size == null) {
        return list.get(idx[0]);
      }
      List<Object> out = new ArrayList<>(idx.length);
      for (int i : idx) {
        out.add(list.get(i));
      }
      return out;
    }
    if (x instanceof Tensor t && t.rank() > 1) {
      Tensor rows = Indexing.takeRows(t, idx);
      if (size == null) {
        return rows.reshape(TensorArgs.removeAxis(rows.shape(), 0));
      }
      int[] rest = TensorArgs.removeAxis(t.shape(), 0);
      int[] s = new int[size.length + rest.length];
      System.arraycopy(size, 0, s, 0, size.length);
      System.arraycopy(rest, 0, s, size.length, rest.length);
      return rows.reshape(s);
    }
    double[] src = x instanceof Tensor t ? t.raw() : null;
    double[] d = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      d[i] = src == null ? idx[i] : src[idx[i]];
    }
    if (size == null) {
      return d[0];
    }
    return Tensor.wrap(size, d);
  }

  @Kernel(name = "dirichlet", doc = "Samples from the Dirichlet distribution with concentration vector alpha. "
      + "With size none the result is one vector of length k = len(alpha); otherwise a tensor of shape "
      + "size + [k] whose last axis sums to 1. Example: dirichlet([1, 1, 1], 10, seed: 1)")
  public static Tensor dirichlet(@Arg("alpha") Tensor alpha, @Arg(value = "size", dflt = "none") int[] size,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    need(rng, "dirichlet");
    if (alpha.rank() != 1 || alpha.size() == 0) {
      throw KernelException.of("dirichlet: alpha must be a non-empty vector, got shape %s", Tensor.shapeString(alpha.shape()));
    }
    double[] a = alpha.raw();
    for (double v : a) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw KernelException.of("dirichlet: alpha must be positive and finite, got %s", TensorArgs.fmt(v));
      }
    }
    int k = a.length;
    int[] shape;
    if (size == null) {
      shape = new int[] {k};
    } else {
      shape = new int[size.length + 1];
      System.arraycopy(size, 0, shape, 0, size.length);
      shape[size.length] = k;
    }
    Tensor t = Tensor.zeros(shape);
    double[] d = t.raw();
    for (int off = 0; off < d.length; off += k) {
      double s = 0;
      for (int j = 0; j < k; j++) {
        d[off + j] = rng.nextGamma(a[j]);
        s += d[off + j];
      }
      if (s == 0) {
        // all gammas underflowed (tiny alphas): put the mass on one coordinate drawn by alpha
        double u = rng.nextDouble() * sumOf(a);
        int pick = 0;
        double acc = a[0];
        while (u >= acc && pick < k - 1) {
          acc += a[++pick];
        }
        d[off + pick] = 1;
        continue;
      }
      for (int j = 0; j < k; j++) {
        d[off + j] /= s;
      }
    }
    return t;
  }

  private static double sumOf(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}
