package dev.exp.bandit;

/** Bernoulli Kullback–Leibler divergence and the KL-UCB upper confidence bound. */
final class Kl {
  private Kl() {}

  private static final double EPS = 1e-15;

  /** KL(Ber(p) ‖ Ber(q)), with p, q clipped into [ε, 1 − ε]. */
  static double bernoulli(double p, double q) {
    p = Math.min(1 - EPS, Math.max(EPS, p));
    q = Math.min(1 - EPS, Math.max(EPS, q));
    return p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
  }

  /**
   * The largest q ≥ p with n·KL(p, q) ≤ level (rewards in [0, 1]). Newton's method from the right: KL(p, ·)
   * is convex and increasing on [p, 1], and Pinsker's inequality puts the root below p + √(level / 2n), so
   * the iterates decrease monotonically to it.
   */
  static double upper(double p, int n, double level) {
    p = Math.min(1, Math.max(0, p));
    double bound = level / n;
    if (p >= 1 - EPS) {
      return 1;
    }
    if (bound <= 0) {
      return p;
    }
    double q = Math.min(1 - EPS, p + Math.sqrt(bound / 2));
    if (bernoulli(p, q) <= bound) {
      return q;
    }
    // safeguarded Newton (rtsafe): a Newton step from the current iterate when it stays inside the bracket
    // and shrinks faster than the step before it, else bisection
    double lo = p;
    double hi = q;
    double pc = Math.min(1 - EPS, Math.max(EPS, p));
    double x = hi;
    double prevStep = hi - lo;
    for (int i = 0; i < 100; i++) {
      double f = bernoulli(p, x) - bound;
      if (Math.abs(f) < 1e-12) {
        break;
      }
      if (f > 0) {
        hi = x;
      } else {
        lo = x;
      }
      double slope = (x - pc) / (x * (1 - x));
      double newton = slope > 0 ? x - f / slope : Double.NaN;
      double next;
      if (newton > lo && newton < hi && Math.abs(newton - x) < prevStep / 2) {
        next = newton;
      } else {
        next = (lo + hi) / 2;
      }
      prevStep = Math.abs(next - x);
      x = next;
      if (hi - lo < 1e-13 || prevStep < 1e-14) {
        break;
      }
    }
    q = x;
    return q;
  }
}
