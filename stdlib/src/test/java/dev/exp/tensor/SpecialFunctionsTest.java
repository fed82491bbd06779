package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static dev.exp.tensor.Check.d;
import static dev.exp.tensor.Check.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import org.junit.jupiter.api.Test;

/** arctan2, erf, erfc and lgamma against NumPy 2.4.6 / SciPy 1.17.1 values, closed forms and identities. */
class SpecialFunctionsTest {
  /** |a - e| <= rtol |e| (a relative check that also holds for values near the underflow limit). */
  static void rel(double[] expected, Tensor actual, double rtol) {
    assertEquals(expected.length, actual.size());
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual.at(i);
      assertTrue(Double.compare(e, a) == 0 || Math.abs(a - e) <= rtol * Math.abs(e),
          "at " + i + ": expected " + e + ", got " + a);
    }
  }

  @Test
  void arctan2MatchesNumpyInEveryQuadrantAndOnSignedZeros() {
    // numpy.arctan2([1, 1, -1, -1, 0, 0, -0.0, 3], [1, -1, 1, -1, -0.0, 0, -1, 0])
    double[] want = {0.7853981633974483, 2.356194490192345, -0.7853981633974483, -2.356194490192345,
        3.141592653589793, 0.0, -3.141592653589793, 1.5707963267948966};
    Tensor r = t(SpecialFunctions.arctan2(Tensor.vector(1, 1, -1, -1, 0, 0, -0.0, 3),
        Tensor.vector(1, -1, 1, -1, -0.0, 0, -1, 0)));
    close(new int[] {8}, want, r, 0);
    assertEquals(Math.PI * 3 / 4, d(SpecialFunctions.arctan2(1.0, -1.0)), 0);   // closed form 3π/4
  }

  @Test
  void arctan2Broadcasts() {
    // numpy.arctan2([[1], [2]], [1, -1, 0.5])
    double[] want = {0.7853981633974483, 2.356194490192345, 1.1071487177940904, 1.1071487177940904,
        2.0344439357957027, 1.3258176636680326};
    close(new int[] {2, 3}, want, t(SpecialFunctions.arctan2(Tensor.matrix(new double[][] {{1}, {2}}),
        Tensor.vector(1, -1, 0.5))), 0);
    KernelException e = assertThrows(KernelException.class,
        () -> SpecialFunctions.arctan2(Tensor.vector(1, 2), Tensor.vector(1, 2, 3)));
    assertTrue(e.getMessage().contains("[2] and [3]"), e.getMessage());
  }

  @Test
  void erfAndErfcMatchScipy() {
    double[] x = {-3.0, -0.5, 1e-10, 0.1, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 26.0};
    // scipy.special.erf(x), scipy.special.erfc(x)
    double[] erf = {-0.9999779095030014, -0.5204998778130465, 1.1283791670955126e-10, 0.1124629160182849,
        0.5204998778130465, 0.8427007929497148, 0.9953222650189527, 0.9999779095030014, 0.9999999999984626, 1.0, 1.0};
    double[] erfc = {1.9999779095030015, 1.5204998778130465, 0.999999999887162, 0.8875370839817152,
        0.4795001221869535, 0.15729920705028516, 0.004677734981047266, 2.2090496998585445e-05,
        1.5374597944280347e-12, 2.0884875837625446e-45, 5.663192408856145e-296};
    rel(erf, t(SpecialFunctions.erf(Tensor.vector(x))), 1e-15);
    rel(erfc, t(SpecialFunctions.erfc(Tensor.vector(x))), 1e-14);   // tails relative, not absolute
    assertEquals(0.0, SpecialFunctions.erfc(27.5), 0);   // underflows, as SciPy
  }

  @Test
  void erfIdentities() {
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < 200; i++) {
      double x = r.nextGaussian() * 3;
      assertEquals(-SpecialFunctions.erf(x), SpecialFunctions.erf(-x), 0, "erf is odd at " + x);
      assertEquals(1, SpecialFunctions.erf(x) + SpecialFunctions.erfc(x), 1e-15, "erf + erfc = 1 at " + x);
      assertEquals(2, SpecialFunctions.erfc(x) + SpecialFunctions.erfc(-x), 1e-15, "erfc(x) + erfc(-x) = 2 at " + x);
    }
    assertEquals(1.0, SpecialFunctions.erf(Double.POSITIVE_INFINITY), 0);
    assertEquals(-1.0, SpecialFunctions.erf(Double.NEGATIVE_INFINITY), 0);
    assertTrue(Double.isNaN(SpecialFunctions.erf(Double.NaN)));
    // a number in, a number out; the shape of a tensor kept
    assertEquals(0.0, d(SpecialFunctions.erf(0.0)), 0);
    assertEquals(2, t(SpecialFunctions.erfc(Tensor.zeros(2, 3))).rank());
  }

  @Test
  void lgammaMatchesScipyAndFactorials() {
    double[] x = {0.5, 1.0, 1.5, 2.5, 10.0, 100.0, 1e-05, 1e10, -0.5, -2.5, -3.7, 171.5, 1e305};
    // scipy.special.gammaln(x); at 171.5 the exact value (mpmath, 40 digits) is 709.14316303092824227
    double[] want = {0.5723649429247, 0.0, -0.12078223763524526, 0.2846828704729192, 12.801827480081469,
        359.1342053695754, 11.512919692895826, 220258509288.81058, 1.2655121234846454, -0.05624371649767401,
        -1.3797399049658245, 709.1431630309282, 7.01288453363184e+307};
    rel(want, t(SpecialFunctions.lgamma(Tensor.vector(x))), 2e-15);
    // closed forms: log Γ(1/2) = log √π, log Γ(n + 1) = log n!
    assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.lgamma(0.5), 1e-15);
    double fact = 1;
    for (int n = 1; n <= 20; n++) {
      fact *= n;
      assertEquals(Math.log(fact), SpecialFunctions.lgamma(n + 1.0), 1e-13 * Math.max(1, Math.log(fact)), "n = " + n);
    }
    // poles and infinities as scipy.special.gammaln([0, -1, -2, inf, -inf, nan]) = [inf, inf, inf, inf, -inf, nan]
    close(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN},
        t(SpecialFunctions.lgamma(Tensor.vector(0, -1, -2, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN))), 0);
    assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.lgamma(-0.0), 0);
  }

  @Test
  void lgammaReflection() {
    // Γ(x) Γ(1 - x) = π / sin(πx): log|Γ(x)| + log|Γ(1 - x)| = log(π / |sin(πx)|)
    for (double x = -5.3; x < 5; x += 0.37) {
      double lhs = SpecialFunctions.lgamma(x) + SpecialFunctions.lgamma(1 - x);
      assertEquals(Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))), lhs, 1e-12, "x = " + x);
    }
  }

  @Test
  void complexInputIsRefusedByName() {
    Tensor z = Tensor.complex(Tensor.vector(1, 2), Tensor.vector(0, 1));
    KernelException e = assertThrows(KernelException.class, () -> SpecialFunctions.erf(z));
    assertEquals("erf: x must be real, got a complex128 tensor of shape [2]", e.getMessage());
    e = assertThrows(KernelException.class, () -> SpecialFunctions.arctan2(z, 1.0));
    assertTrue(e.getMessage().startsWith("arctan2: y must be real"), e.getMessage());
  }
}
