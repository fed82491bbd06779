package dev.exp.stats;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.ElementWise;
import dev.exp.tensor.TensorArgs;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The normal distribution's density, distribution and quantile functions (scipy.stats.norm's pdf, cdf and
 * ppf), element-wise over a number or a tensor. cdf and ppf go through Apache Commons Numbers' erfc and
 * inverse erfc, so both tails keep their relative accuracy (norm_cdf(-30) = 4.9e-198, norm_ppf(1e-300) =
 * -37.047) where 1 - erf would cancel.
 */
public final class Normal {
  private Normal() {}

  private static final double SQRT2 = Math.sqrt(2);
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);

  @Kernel(name = "stats.norm_pdf", doc = "The normal density exp(-z²/2) / (std √(2π)) with z = (x - mean) / std, "
      + "element-wise over a number or a tensor (scipy.stats.norm.pdf(x, loc=mean, scale=std)); std must be "
      + "positive. Example: stats.norm_pdf(0) is 0.398942280401")
  public static Object normPdf(@Arg("x") Object x, @Arg(value = "mean", dflt = "0") double mean,
      @Arg(value = "std", dflt = "1") double std) {
    check("stats.norm_pdf", mean, std);
    return map(x, "stats.norm_pdf", "x", v -> pdf((v - mean) / std) / std);
  }

  @Kernel(name = "stats.norm_cdf", doc = "The normal distribution function P(X <= x) for X ~ N(mean, std²), "
      + "element-wise over a number or a tensor (scipy.stats.norm.cdf): erfc(-z/√2) / 2 with z = (x - mean) / std, "
      + "accurate in the lower tail (norm_cdf(-10) = 7.62e-24); std must be positive. "
      + "Example: stats.norm_cdf(1.96) is 0.975002104852")
  public static Object normCdf(@Arg("x") Object x, @Arg(value = "mean", dflt = "0") double mean,
      @Arg(value = "std", dflt = "1") double std) {
    check("stats.norm_cdf", mean, std);
    return map(x, "stats.norm_cdf", "x", v -> cdf((v - mean) / std));
  }

  @Kernel(name = "stats.norm_ppf", doc = "The normal quantile function, the inverse of stats.norm_cdf: the x with "
      + "P(X <= x) = p for X ~ N(mean, std²), element-wise over a number or a tensor (scipy.stats.norm.ppf). "
      + "p = 0 gives -inf, p = 1 inf, nan stays nan; a p outside [0, 1] is an error (as stats.t_ppf; SciPy gives "
      + "nan). Computed as -√2 erfcinv(2p) below 0.5 and √2 erfcinv(2(1 - p)) above, so both tails are accurate "
      + "and norm_ppf(1 - p) = -norm_ppf(p). Example: stats.norm_ppf(0.975) is 1.959963984540")
  public static Object normPpf(@Arg("p") Object p, @Arg(value = "mean", dflt = "0") double mean,
      @Arg(value = "std", dflt = "1") double std) {
    check("stats.norm_ppf", mean, std);
    return map(p, "stats.norm_ppf", "p", q -> {
      if (q < 0 || q > 1) {
        throw KernelException.of("stats.norm_ppf: p must be in [0, 1], got %s", TensorArgs.fmt(q));
      }
      return mean + std * ppf(q);
    });
  }

  /** The standard normal density. */
  public static double pdf(double z) {
    return Math.exp(-0.5 * z * z) / SQRT2PI;
  }

  /** The standard normal distribution function. */
  public static double cdf(double z) {
    return 0.5 * Erfc.value(-z / SQRT2);
  }

  /** The standard normal quantile of p in [0, 1]. */
  public static double ppf(double p) {
    if (p < 0.5) {
      return -SQRT2 * InverseErfc.value(2 * p);
    }
    return SQRT2 * InverseErfc.value(2 * (1 - p)) + 0.0;   // + 0.0: ppf(0.5) is 0, not -0
  }

  private static void check(String fn, double mean, double std) {
    if (!Double.isFinite(mean)) {
      throw KernelException.of("%s: mean must be finite, got %s", fn, TensorArgs.fmt(mean));
    }
    if (!(std > 0) || Double.isInfinite(std)) {
      throw KernelException.of("%s: std must be positive and finite, got %s", fn, TensorArgs.fmt(std));
    }
  }

  private static Object map(Object x, String fn, String arg, DoubleUnaryOperator f) {
    return ElementWise.realMap(x, fn, arg, f);
  }
}
