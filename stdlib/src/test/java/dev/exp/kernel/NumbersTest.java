package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.bandit.Environments;
import dev.exp.ode.OdeKernels;
import dev.exp.optim.OptimizerKernels;
import dev.exp.stats.Stats;
import dev.exp.tensor.Tensor;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.LocalizedODEFormats;
import org.junit.jupiter.api.Test;

/** Numbers in messages and summaries read as the language prints them (Python's repr), not as Java's. */
class NumbersTest {
  @Test
  void theQuickPathPrintsWhatTheExactPathPrints() {
    // the decimal-scaling path against the BigDecimal one, on short decimals (where it answers) and
    // on random doubles of every magnitude it takes (where it mostly declines)
    java.util.Random rnd = new java.util.Random(42);
    int answered = 0;
    for (int i = 0; i < 200_000; i++) {
      double x = switch (i % 4) {
        case 0 -> (rnd.nextInt(2_000_001) - 1_000_000) / Math.pow(10, 1 + rnd.nextInt(8));
        case 1 -> (i - 100_000) * 0.5 + 0.25 * (i % 3);
        case 2 -> Math.pow(10, -4 + 19 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
        default -> rnd.nextInt(1000) / 7.0;
      };
      if (x == Math.rint(x) || Math.abs(x) >= 1e16) {
        continue;
      }
      String quick = Numbers.shortDecimal(x);
      if (quick != null) {
        answered++;
        assertEquals(Numbers.exactShortest(x), quick, "x = " + x);
      }
    }
    assertTrue(answered > 90_000, "answered " + answered);
    // Python's repr of values at the path's edges
    assertEquals("0.0001", Numbers.shortDecimal(1e-4));
    assertEquals("-0.0005", Numbers.shortDecimal(-5e-4));
    assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
    assertEquals("999999999999999.9", Numbers.format(999999999999999.9));
    assertEquals("123.456", Numbers.shortDecimal(123.456));
  }

  @Test
  void theSchubfachPathPrintsWhatTheExactPathPrints() {
    // random bit patterns (every magnitude, subnormals included) and Gaussian draws (16-17 digits)
    java.util.Random rnd = new java.util.Random(7);
    for (int i = 0; i < 100_000; i++) {
      double x = i % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextGaussian();
      if (!Double.isFinite(x) || x == Math.rint(x) && Math.abs(x) < 1e16) {
        continue;
      }
      assertEquals(Numbers.exactShortest(x), Numbers.shortest(x), "x = " + x);
    }
    // Python's repr where Schubfach's own choice differs or JDK 17's Double.toString is not shortest
    assertEquals("5e-324", Numbers.format(Double.MIN_VALUE));         // Schubfach: 4.9E-324
    assertEquals("1e+23", Numbers.format(1e23));                      // JDK 17: 9.999999999999999E22
    assertEquals("1.7976931348623157e+308", Numbers.format(Double.MAX_VALUE));
    assertEquals("2e-323", Numbers.format(2e-323));
    assertEquals("0.6826021689994267", Numbers.format(0.6826021689994267));
  }

  @Test
  void formatIsPythonReprWithIntegralValuesBare() {
    assertEquals("-1", Numbers.format(-1.0));
    assertEquals("0", Numbers.format(0.0));
    assertEquals("-0", Numbers.format(-0.0));
    assertEquals("0.5", Numbers.format(0.5));
    assertEquals("0.1", Numbers.format(0.1));
    assertEquals("1e-05", Numbers.format(1e-5));
    assertEquals("0.0001", Numbers.format(1e-4));
    assertEquals("1e+20", Numbers.format(1e20));
    assertEquals("1e+16", Numbers.format(1e16));
    assertEquals("123456789012345", Numbers.format(123456789012345.0));
    assertEquals("1.5e-300", Numbers.format(1.5e-300));
    assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
    assertEquals("nan", Numbers.format(Double.NaN));
    assertEquals("-inf", Numbers.format(Double.NEGATIVE_INFINITY));
    assertEquals("1e-16", Numbers.significant(1.04e-16, 2));
    assertEquals("4.4e-16", Numbers.significant(4.44e-16, 2));
    assertEquals("[0.5, 1.5] (shape [2])", Numbers.tensor(Tensor.vector(0.5, 1.5)));
    assertEquals("[1, 2, 3, 4] (shape [2, 2])", Numbers.tensor(Tensor.matrix(new double[][] {{1, 2}, {3, 4}})));
    assertEquals("[0, 1, 2, 3, 4, 5, 6, 7, ...] (shape [20])", Numbers.tensor(Tensor.wrap(new int[] {20},
        new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})));
    assertEquals("2.5", Numbers.tensor(Tensor.scalar(2.5)));
  }

  @Test
  void kernelExceptionFormatsNumbersGivenToPercentS() {
    assertEquals("f: sigma must be positive, got -1", KernelException.of("%s: sigma must be positive, got %s", "f",
        -1.0).getMessage());
    // other conversions are String.format's; explicit and relative indices find their argument
    assertEquals("lr 1e-05 (0.000 as %.3f), n 3, again 1e-05", KernelException.of(
        "lr %s (%.3f as %%.3f), n %d, again %1$s", 1e-5, 1e-5, 3).getMessage());
    assertEquals("x = 1.0e-05", KernelException.of("x = %.1e", 1e-5).getMessage());
    assertEquals("v [0.5, 1.5] (shape [2]), a [1, 0.25]", KernelException.of("v %s, a %s", Tensor.vector(0.5, 1.5),
        new double[] {1, 0.25}).getMessage());
  }

  @Test
  void representativeKernelMessages() {
    KernelException e = assertThrows(KernelException.class, () -> Environments.gaussian(Tensor.vector(0, 1), -1));
    assertEquals("bandit.gaussian: sigma must be positive, got -1", e.getMessage());
    e = assertThrows(KernelException.class, () -> Environments.bernoulli(Tensor.vector(0.5, 1.5)));
    assertEquals("bandit.bernoulli: means must be probabilities in [0, 1], got [0.5, 1.5] (shape [2])",
        e.getMessage());
    e = assertThrows(KernelException.class,
        () -> OdeKernels.rk4(args -> 0.0, Tensor.vector(0, 1), Tensor.vector(1), 0.0));
    assertEquals("ode.rk4: dt must be a positive step, got 0", e.getMessage());
    e = assertThrows(KernelException.class,
        () -> Stats.fitPowerLaw(Tensor.vector(1, 2, 3), Tensor.vector(1, -2, 3), 0.95));
    assertTrue(e.getMessage().endsWith("point 1 is (2, -2)"), e.getMessage());
    e = assertThrows(KernelException.class, () -> OptimizerKernels.sgd(-1.0, 0, 0, false, 0));
    assertFalse(e.getMessage().contains("-1.0"), e.getMessage());
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    String s = OptimizerKernels.sgd(1e-5, 0, 0, false, 0).summary();
    assertTrue(s.startsWith("<optimizer sgd, lr 1e-05, momentum 0, dampening 0, nesterov false"), s);
  }

  @Test
  void odeSolverMessagesDropJavaNumbers() {
    assertEquals("nan appears during integration", OdeKernels.solverMessage(
        new MathIllegalStateException(LocalizedODEFormats.NAN_APPEARING_DURING_INTEGRATION, Double.NaN)));
    assertEquals("nan appears during integration near t = 0.5", OdeKernels.solverMessage(
        new MathIllegalStateException(LocalizedODEFormats.NAN_APPEARING_DURING_INTEGRATION, 0.5)));
    String m = OdeKernels.solverMessage(new MathIllegalStateException(
        LocalizedODEFormats.MINIMAL_STEPSIZE_REACHED_DURING_INTEGRATION, 2.5e-16, 1e-15));
    assertEquals("minimal step size (1e-15) reached, integration needs 2.5e-16", m);
  }
}
