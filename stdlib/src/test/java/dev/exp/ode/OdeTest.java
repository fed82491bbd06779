package dev.exp.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.ScriptCallable;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ode.rk4 and ode.solve_ivp against exact solutions, conserved energy and the RK4 order. */
class OdeTest {
  static final Fn DECAY = args -> {
    double[] y = ((Tensor) args[1]).raw();
    double[] d = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      d[i] = -0.5 * y[i];
    }
    return Tensor.vector(d);
  };
  static final Fn OSCILLATOR = args -> {
    double[] y = ((Tensor) args[1]).raw();
    return Tensor.vector(y[1], -y[0]);
  };
  static final double R = 1.5;
  static final double K = 10;
  static final Fn LOGISTIC = args -> {
    double y = ((Tensor) args[1]).at(0);
    return R * y * (1 - y / K);
  };

  static double logistic(double t, double y0) {
    return K / (1 + (K / y0 - 1) * Math.exp(-R * t));
  }

  static Map<String, Object> ivp(Fn f, double t0, double t1, Tensor y0, String method, double rtol, double atol,
      Tensor tEval, boolean dense) {
    return OdeKernels.solveIvp(f, Tensor.vector(t0, t1), y0, method, rtol, atol, tEval, dense, null, null, 1000000);
  }

  @Test
  void exponentialDecayAtTheRequestedTolerance() {
    // scipy.integrate.solve_ivp's documented example; exact y = y0·e^{−t/2}
    double[] y0 = {2, 4, 8};
    for (String method : new String[] {"RK45", "DOP853"}) {
      for (double rtol : new double[] {1e-4, 1e-8}) {
        Map<String, Object> r = ivp(DECAY, 0, 10, Tensor.vector(y0), method, rtol, 1e-12, null, false);
        assertEquals("success", r.get("status"));
        double[] t = ((Tensor) r.get("t")).raw();
        double[] y = ((Tensor) r.get("y")).raw();
        assertEquals(10.0, t[t.length - 1], 1e-12);
        for (int k = 0; k < t.length; k++) {
          for (int i = 0; i < 3; i++) {
            double exact = y0[i] * Math.exp(-0.5 * t[k]);
            // the global error stays within a small multiple of the local tolerance
            assertEquals(exact, y[k * 3 + i], 20 * rtol * exact + 1e-11, method + " rtol " + rtol + " t " + t[k]);
          }
        }
      }
    }
  }

  @Test
  void harmonicOscillatorKeepsItsEnergyAndPhase() {
    Map<String, Object> r = ivp(OSCILLATOR, 0, 20, Tensor.vector(1, 0), "DOP853", 1e-11, 1e-12, null, false);
    double[] t = ((Tensor) r.get("t")).raw();
    double[] y = ((Tensor) r.get("y")).raw();
    for (int k = 0; k < t.length; k++) {
      double e = y[2 * k] * y[2 * k] + y[2 * k + 1] * y[2 * k + 1];
      assertEquals(1.0, e, 1e-9, "energy at t = " + t[k]);
      assertEquals(Math.cos(t[k]), y[2 * k], 1e-9);
      assertEquals(-Math.sin(t[k]), y[2 * k + 1], 1e-9);
    }
  }

  @Test
  void logisticGrowthWithTimesToEvaluateAndDenseOutputBetweenSteps() {
    Tensor tEval = Tensor.vector(0, 0.5, 1, 2, 3, 5, 8);
    Map<String, Object> r = ivp(LOGISTIC, 0, 8, Tensor.vector(0.5), "RK45", 1e-9, 1e-12, tEval, true);
    double[] t = ((Tensor) r.get("t")).raw();
    double[] y = ((Tensor) r.get("y")).raw();
    assertEquals(7, t.length);
    for (int k = 0; k < t.length; k++) {
      assertEquals(logistic(t[k], 0.5), y[k], 1e-7, "t = " + t[k]);
    }
    ScriptCallable sol = (ScriptCallable) r.get("sol");
    for (double s = 0; s <= 8; s += 0.0371) {
      Tensor v = (Tensor) sol.call(s);
      assertEquals(logistic(s, 0.5), v.at(0), 1e-7, "sol(" + s + ")");
    }
    Tensor many = (Tensor) sol.call(Tensor.vector(0.25, 7.75));
    assertEquals(2, many.rank());
    assertEquals(logistic(7.75, 0.5), many.get(1, 0), 1e-7);
    KernelException e = assertThrows(KernelException.class, () -> sol.call(9.0));
    assertTrue(e.getMessage().contains("outside the solved interval"), e.getMessage());
    // backwards in time from the end value recovers the start
    Map<String, Object> b = ivp(LOGISTIC, 8, 0, Tensor.vector(logistic(8, 0.5)), "DOP853", 1e-10, 1e-13, null, false);
    Tensor yb = (Tensor) b.get("y");
    assertEquals(0.5, yb.get(yb.dim(0) - 1, 0), 1e-7);
  }

  @Test
  void rk4GlobalErrorIsFourthOrder() {
    double[] err = new double[3];
    double[] dts = {0.2, 0.1, 0.05};
    for (int k = 0; k < 3; k++) {
      Map<String, Object> r = OdeKernels.rk4(OSCILLATOR, Tensor.vector(0, 10), Tensor.vector(1, 0), dts[k]);
      Tensor y = (Tensor) r.get("y");
      int last = y.dim(0) - 1;
      err[k] = Math.hypot(y.get(last, 0) - Math.cos(10), y.get(last, 1) + Math.sin(10));
      assertEquals(4.0 * last, (Double) r.get("nfev"));
    }
    for (int k = 0; k < 2; k++) {
      double ratio = err[k] / err[k + 1];
      assertTrue(ratio > 14 && ratio < 18, "halving dt divides the error by " + ratio);
    }
    // a step that does not divide the span: the last step is shortened to end exactly at t1
    Map<String, Object> r = OdeKernels.rk4(DECAY, Tensor.vector(0, 1), Tensor.vector(1), 0.3);
    double[] t = ((Tensor) r.get("t")).raw();
    assertEquals(5, t.length);
    assertEquals(1.0, t[4], 0);
    assertEquals(Math.exp(-0.5), ((Tensor) r.get("y")).at(4), 1e-4);
    // through solve_ivp
    Map<String, Object> s = OdeKernels.solveIvp(DECAY, Tensor.vector(0, 1), Tensor.vector(1), "RK4", 1e-3, 1e-6, null,
        false, null, 0.3, 1000);
    assertEquals(((Tensor) r.get("y")).at(4), ((Tensor) s.get("y")).at(4), 0);
    assertNull(s.get("sol"));
  }

  @Test
  void errorsAndFailuresAreReported() {
    KernelException e = assertThrows(KernelException.class,
        () -> ivp(args -> Tensor.vector(1, 2), 0, 1, Tensor.vector(1, 2, 3), "RK45", 1e-3, 1e-6, null, false));
    assertTrue(e.getMessage().contains("vector of 3 values"), e.getMessage());
    e = assertThrows(KernelException.class,
        () -> ivp(DECAY, 0, 1, Tensor.vector(1), "RK45", 1e-3, 1e-6, Tensor.vector(0.5, 2), false));
    assertTrue(e.getMessage().contains("outside t_span"), e.getMessage());
    e = assertThrows(KernelException.class, () -> ivp(DECAY, 0, 1, Tensor.vector(1), "Radau", 1e-3, 1e-6, null, false));
    assertTrue(e.getMessage().contains("method must be"), e.getMessage());
    e = assertThrows(KernelException.class, () -> OdeKernels.solveIvp(DECAY, Tensor.vector(0, 1), Tensor.vector(1),
        "RK4", 1e-3, 1e-6, null, false, null, null, 1000));
    assertTrue(e.getMessage().contains("pass dt"), e.getMessage());
    // y' = y² blows up at t = 1: the solver fails before t = 2 and says so, keeping the states reached
    Fn blowup = args -> {
      double y = ((Tensor) args[1]).at(0);
      return y * y;
    };
    Map<String, Object> r = OdeKernels.solveIvp(blowup, Tensor.vector(0, 2), Tensor.vector(1), "RK45", 1e-6, 1e-9,
        null, false, null, null, 20000);
    assertEquals("failed", r.get("status"));
    assertEquals(false, r.get("success"));
    double[] t = ((Tensor) r.get("t")).raw();
    assertTrue(t[t.length - 1] < 1.001 && t[t.length - 1] > 0.99, "stopped at " + t[t.length - 1]);
  }
}
