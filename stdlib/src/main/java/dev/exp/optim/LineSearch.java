package dev.exp.optim;

import dev.exp.kernel.Numbers;
/**
 * The strong-Wolfe line search of Nocedal &amp; Wright (Algorithms 3.5 and 3.6: bracketing, then
 * zoom by safeguarded cubic interpolation). Finds α with f(x + αd) ≤ f(x) + c₁α∇fᵀd and
 * |∇f(x + αd)ᵀd| ≤ c₂|∇fᵀd|.
 */
final class LineSearch {
  private LineSearch() {}

  /** The accepted point (or the best tried, when ok is false). */
  record Result(double alpha, double[] x, double f, double[] g, int evaluations, boolean ok, String message) {}

  static Result strongWolfe(Objective obj, double[] x, double f0, double[] g0, double[] d, double alpha0, double c1,
      double c2, int maxEvals) {
    double dphi0 = Vec.dot(g0, d);
    if (!(dphi0 < 0)) {
      return new Result(0, x, f0, g0, 0, false, "not a descent direction (gradient · direction = " + Numbers.format(dphi0) + ")");
    }
    int evals = 0;
    double aPrev = 0;
    double fPrev = f0;
    double dPrev = dphi0;
    double a = alpha0;
    double aMax = 1e10;
    double[] bestX = x;
    double bestF = f0;
    double[] bestG = g0;
    double bestA = 0;
    while (evals < maxEvals) {
      double[] xa = Vec.plus(x, a, d);
      Objective.Eval e = obj.eval(xa);
      evals++;
      double fa = e.value();
      double da = Double.isFinite(fa) ? Vec.dot(e.grad(), d) : Double.NaN;
      if (Double.isFinite(fa) && fa < bestF) {
        bestX = xa;
        bestF = fa;
        bestG = e.grad();
        bestA = a;
      }
      if (!Double.isFinite(fa) || fa > f0 + c1 * a * dphi0 || (evals > 1 && fa >= fPrev)) {
        if (!Double.isFinite(fa)) {
          // shrink into the finite region before zooming
          a = aPrev + (a - aPrev) / 10;
          if (a - aPrev < 1e-20) {
            break;
          }
          continue;
        }
        return zoom(obj, x, f0, dphi0, d, aPrev, fPrev, dPrev, a, fa, da, c1, c2, maxEvals, evals, bestA, bestX,
            bestF, bestG);
      }
      if (Math.abs(da) <= -c2 * dphi0) {
        return new Result(a, xa, fa, e.grad(), evals, true, "strong Wolfe conditions hold");
      }
      if (da >= 0) {
        return zoom(obj, x, f0, dphi0, d, a, fa, da, aPrev, fPrev, dPrev, c1, c2, maxEvals, evals, bestA, bestX,
            bestF, bestG);
      }
      double next = Math.min(aMax, cubic(aPrev, fPrev, dPrev, a, fa, da, 1.1 * a, 4 * a));
      aPrev = a;
      fPrev = fa;
      dPrev = da;
      a = Double.isFinite(next) && next > a ? next : 2 * a;
    }
    return new Result(bestA, bestX, bestF, bestG, evals, false, "line search: no strong-Wolfe point in " + evals
        + " evaluations");
  }

  private static Result zoom(Objective obj, double[] x, double f0, double dphi0, double[] d, double lo, double flo,
      double dlo, double hi, double fhi, double dhi, double c1, double c2, int maxEvals, int evals, double bestA,
      double[] bestX, double bestF, double[] bestG) {
    while (evals < maxEvals) {
      double left = Math.min(lo, hi);
      double right = Math.max(lo, hi);
      double width = right - left;
      double a = cubic(lo, flo, dlo, hi, fhi, dhi, left + 0.1 * width, right - 0.1 * width);
      if (width <= 1e-16 * Math.max(1, right)) {
        break;
      }
      double[] xa = Vec.plus(x, a, d);
      Objective.Eval e = obj.eval(xa);
      evals++;
      double fa = e.value();
      if (Double.isFinite(fa) && fa < bestF) {
        bestX = xa;
        bestF = fa;
        bestG = e.grad();
        bestA = a;
      }
      double da = Double.isFinite(fa) ? Vec.dot(e.grad(), d) : Double.NaN;
      if (!Double.isFinite(fa) || fa > f0 + c1 * a * dphi0 || fa >= flo) {
        hi = a;
        fhi = Double.isFinite(fa) ? fa : Double.MAX_VALUE;
        dhi = Double.isFinite(da) ? da : 0;
      } else {
        if (Math.abs(da) <= -c2 * dphi0) {
          return new Result(a, xa, fa, e.grad(), evals, true, "strong Wolfe conditions hold");
        }
        if (da * (hi - lo) >= 0) {
          hi = lo;
          fhi = flo;
          dhi = dlo;
        }
        lo = a;
        flo = fa;
        dlo = da;
      }
    }
    boolean armijo = bestA > 0 && bestF <= f0 + c1 * bestA * dphi0;
    return new Result(bestA, bestX, bestF, bestG, evals, false, armijo ? "line search: sufficient decrease only"
        : "line search: no strong-Wolfe point in " + evals + " evaluations");
  }

  /** The minimizer of the cubic through (a, fa, da), (b, fb, db), clamped to [lo, hi] (bisection if none). */
  static double cubic(double a, double fa, double da, double b, double fb, double db, double lo, double hi) {
    double d1 = da + db - 3 * (fa - fb) / (a - b);
    double disc = d1 * d1 - da * db;
    double r;
    if (disc >= 0 && Double.isFinite(disc)) {
      double d2 = Math.signum(b - a) * Math.sqrt(disc);
      r = b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    } else {
      r = Double.NaN;
    }
    if (!Double.isFinite(r)) {
      r = (lo + hi) / 2;
    }
    return Math.max(lo, Math.min(hi, r));
  }
}
