package dev.exp.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Euler–Maruyama and Langevin against closed-form moments, with tolerances from the standard errors. */
class SdeTest {
  static double[] moments(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return new double[] {m, s / (x.length - 1)};
  }

  static Fn scaled(double a, double shift) {
    return args -> {
      Tensor x = (Tensor) args[args.length == 2 && args[0] instanceof Double ? 1 : 0];
      return x.map(v -> a * (v - shift));
    };
  }

  @Test
  void ornsteinUhlenbeckMeanAndVarianceMatchTheClosedForm() {
    double theta = 1.2;
    double sigma = 0.5;
    double x0 = 1;
    double tEnd = 1;
    int paths = 4000;
    Map<String, Object> r = Sde.eulerMaruyama(scaled(-theta, 0), args -> sigma, Tensor.vector(x0),
        Tensor.vector(0, tEnd), 0.001, paths, new Rng(5));
    Tensor fin = (Tensor) r.get("final");
    assertArrayEquals(new int[] {paths, 1}, fin.shape());
    assertArrayEquals(new int[] {1001, paths, 1}, ((Tensor) r.get("y")).shape());
    double[] mv = moments(fin.raw());
    double mean = x0 * Math.exp(-theta * tEnd);
    double var = sigma * sigma / (2 * theta) * (1 - Math.exp(-2 * theta * tEnd));
    double seMean = Math.sqrt(var / paths);
    double seVar = var * Math.sqrt(2.0 / (paths - 1));
    // the discretisation bias of the step 0.001 is far below one standard error here
    assertEquals(mean, mv[0], 4 * seMean, "mean");
    assertEquals(var, mv[1], 4 * seVar, "variance");
    // the same seed gives the same paths; one path without paths: a vector state
    Map<String, Object> again = Sde.eulerMaruyama(scaled(-theta, 0), args -> sigma, Tensor.vector(x0),
        Tensor.vector(0, tEnd), 0.001, paths, new Rng(5));
    assertArrayEquals(fin.raw(), ((Tensor) again.get("final")).raw());
    Map<String, Object> one = Sde.eulerMaruyama(scaled(-theta, 0), args -> 0.0, Tensor.vector(x0),
        Tensor.vector(0, tEnd), 0.01, null, new Rng(1));
    assertArrayEquals(new int[] {101, 1}, ((Tensor) one.get("y")).shape());
    // no noise: the Euler recursion x·(1 − θh)^n exactly
    assertEquals(x0 * Math.pow(1 - theta * 0.01, 100), ((Tensor) one.get("final")).at(0), 1e-12);
  }

  @Test
  void langevinSamplesAGaussianWithTheKnownDiscretisationBias() {
    double mu = 2;
    double s2 = 0.25;
    double h = 0.01;
    int chains = 3000;
    Map<String, Object> r = Sde.langevin(scaled(-1 / s2, mu), Tensor.vector(0), h, 800, null, chains, new Rng(9));
    double[] mv = moments(((Tensor) r.get("x")).raw());
    double var = s2 / (1 - h / (2 * s2)); // stationary variance of the unadjusted chain
    assertEquals(mu, mv[0], 4 * Math.sqrt(var / chains), "mean");
    assertEquals(var, mv[1], 4 * var * Math.sqrt(2.0 / chains), "variance");
  }

  @Test
  void annealedLangevinEndsAtTheLastNoiseLevel() {
    // data N(μ, s²) perturbed by noise σ has the score −(x − μ)/(s² + σ²)
    double mu = -1;
    double s2 = 0.5;
    double[] sigmas = {3, 1, 0.3, 0.1};
    Fn score = args -> {
      Tensor x = (Tensor) args[0];
      double sg = (Double) args[1];
      return x.map(v -> -(v - mu) / (s2 + sg * sg));
    };
    int chains = 3000;
    double h = 0.005;
    Map<String, Object> r = Sde.langevin(score, Tensor.vector(5), h, 600, Tensor.vector(sigmas), chains, new Rng(4));
    assertEquals(2400.0, (Double) r.get("steps"));
    double[] mv = moments(((Tensor) r.get("x")).raw());
    double v = s2 + 0.01;
    double var = v / (1 - h / (2 * v));
    assertEquals(mu, mv[0], 4 * Math.sqrt(var / chains), "mean");
    assertEquals(var, mv[1], 4 * var * Math.sqrt(2.0 / chains), "variance");
  }

  @Test
  void badShapesNameTheFunction() {
    Executable bad = () -> Sde.eulerMaruyama(args -> Tensor.vector(1, 2, 3), args -> 1.0, Tensor.vector(1, 1),
        Tensor.vector(0, 1), 0.1, 4, new Rng(1));
    KernelException e = org.junit.jupiter.api.Assertions.assertThrows(KernelException.class, bad);
    assertTrue(e.getMessage().contains("drift(t, x)") && e.getMessage().contains("[4, 2]"), e.getMessage());
  }
}
