package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Element-wise functions outside the op table: the two-argument arctangent and the special functions
 * erf, erfc and lgamma. A number gives a number, a tensor a tensor of the same shape (arctan2 broadcasts
 * its two arguments). erf, erfc and log-gamma come from Apache Commons Numbers (Boost-derived
 * approximations, a few ulp from SciPy's values), not hand-written.
 */
public final class SpecialFunctions {
  private SpecialFunctions() {}

  @Kernel(name = "arctan2", doc = "The angle of the point (x, y) in radians, in [-π, π], element-wise with "
      + "broadcasting: NumPy's arctan2 (atan2 in C and Java; named like arcsin, arccos and arctan). "
      + "The quadrant follows the signs of both arguments, so arctan2(1, -1) = 3π/4 while arctan(1 / -1) = -π/4; "
      + "signed zeros as IEEE 754: arctan2(0, -0.0) = π, arctan2(-0.0, -1) = -π. "
      + "Example: arctan2(1, -1) is 2.35619449019")
  public static Object arctan2(@Arg("y") Object y, @Arg("x") Object x) {
    if (y instanceof Number a && x instanceof Number b) {
      return Math.atan2(a.doubleValue(), b.doubleValue());
    }
    return arctan2(TensorArgs.toTensor(y, "arctan2: y"), TensorArgs.toTensor(x, "arctan2: x"));
  }

  /** {@code arctan2} of two tensors that broadcast together. */
  public static Tensor arctan2(Tensor y, Tensor x) {
    TensorArgs.requireReal(y, "arctan2", "y");
    TensorArgs.requireReal(x, "arctan2", "x");
    return Tensor.zip(y, x, Math::atan2);
  }

  @Kernel(name = "erf", doc = "The error function erf(x) = 2/√π ∫₀ˣ exp(-t²) dt, element-wise (scipy.special.erf): "
      + "odd, erf(±inf) = ±1. Apache Commons Numbers' implementation. Example: erf(0.5) is 0.520499877813")
  public static Object erf(@Arg("x") Object x) {
    return unary(x, "erf", Erf::value);
  }

  /** erf of one number. */
  public static double erf(double x) {
    return Erf.value(x);
  }

  @Kernel(name = "erfc", doc = "The complementary error function 1 - erf(x), element-wise (scipy.special.erfc), "
      + "accurate where 1 - erf(x) would cancel: erfc(10) = 2.088e-45. Example: erfc(1) is 0.157299207050")
  public static Object erfc(@Arg("x") Object x) {
    return unary(x, "erfc", Erfc::value);
  }

  /** erfc of one number. */
  public static double erfc(double x) {
    return Erfc.value(x);
  }

  @Kernel(name = "lgamma", doc = "The log of the absolute value of the gamma function, log |Γ(x)|, element-wise "
      + "(scipy.special.gammaln, Python's math.lgamma): finite for large x where Γ overflows, "
      + "lgamma(n + 1) = log(n!). Negative non-integers use the reflection Γ(x) Γ(1 - x) = π / sin(πx); "
      + "at the poles 0, -1, -2, ... the value is inf and lgamma(-inf) = -inf, as SciPy's. "
      + "Example: lgamma(0.5) is 0.572364942925")
  public static Object lgamma(@Arg("x") Object x) {
    return unary(x, "lgamma", SpecialFunctions::lgamma);
  }

  /** log |Γ(x)|; inf at the poles 0, -1, -2, ... */
  public static double lgamma(double x) {
    if (x == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;   // SciPy's gammaln: |Γ| between the poles tends to 0
    }
    if (x <= 0 && x == Math.rint(x)) {
      return Double.POSITIVE_INFINITY;   // the poles
    }
    return LogGamma.value(x);
  }

  private static Object unary(Object x, String fn, java.util.function.DoubleUnaryOperator f) {
    return ElementWise.realMap(x, fn, "x", f);
  }
}
