package dev.exp.random;

/**
 * The one random generator family of Exp: SplitMix64 for the stream, the Marsaglia polar method
 * for normals. Everything is specified here (not inherited from the JDK), so the same seed gives
 * the same numbers on every JDK. Not thread-safe: give each thread its own instance via
 * {@link #split(long)} or {@link #derive(long, long...)}.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;
  private double spareNormal;
  private boolean hasSpare;

  public Rng(long seed) {
    this.state = mix(seed ^ 0x5DEECE66DL);
  }

  /** SplitMix64 finaliser (Stafford variant 13). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A generator whose seed is a hash of {@code base} and the given keys (order matters). */
  public static Rng derive(long base, long... keys) {
    long h = mix(base + GOLDEN);
    for (long k : keys) {
      h = mix(h ^ mix(k + GOLDEN));
    }
    return new Rng(h);
  }

  /** A new independent generator; advances this one by one step. */
  public Rng split() {
    return new Rng(nextLong());
  }

  /** A new generator derived from this one's next value and a key. */
  public Rng split(long key) {
    return derive(nextLong(), key);
  }

  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform integer in [0, bound), unbiased (Lemire-style rejection on 64 bits). */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long m = bound - 1;
    long r = nextLong();
    if ((bound & m) == 0L) {
      return r & m;
    }
    long u = r >>> 1;
    while (u + m - (r = u % bound) < 0L) {
      u = nextLong() >>> 1;
    }
    return r;
  }

  public int nextInt(int bound) {
    return (int) nextLong(bound);
  }

  /** Standard normal (Marsaglia polar method; values come in pairs). */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareNormal;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spareNormal = v * f;
    hasSpare = true;
    return u * f;
  }

  /** Gamma(shape, 1) variate (Marsaglia–Tsang), used for Dirichlet sampling. */
  public double nextGamma(double shape) {
    if (shape <= 0) {
      throw new IllegalArgumentException("gamma shape must be positive: " + dev.exp.kernel.Numbers.format(shape));
    }
    if (shape < 1) {
      double u = nextDouble();
      return nextGamma(1 + shape) * StrictMath.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
        return d * v;
      }
    }
  }
}
