package dev.exp.optim;

import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of the result records shared by the optimizers and iterative methods. */
final class Results {
  private Results() {}

  /** {x, fun, grad, iterations, evaluations, converged, message, history}. */
  static Map<String, Object> optimizer(int[] shape, double[] x, double fun, double[] grad, int iterations,
      int evaluations, boolean converged, String message, List<Double> history) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("x", Tensor.wrap(shape, x.clone()));
    r.put("fun", fun);
    r.put("grad", Tensor.wrap(shape, grad.clone()));
    r.put("iterations", (double) iterations);
    r.put("evaluations", (double) evaluations);
    r.put("converged", converged);
    r.put("message", message);
    r.put("history", vector(history));
    return r;
  }

  /** {x, iterations, residuals, converged, reason}. */
  static Map<String, Object> iterative(Tensor x, int iterations, List<Double> residuals, boolean converged,
      String reason) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("x", x);
    r.put("iterations", (double) iterations);
    r.put("residuals", vector(residuals));
    r.put("converged", converged);
    r.put("reason", reason);
    return r;
  }

  /** {x, iterations, residuals, converged, reason, evaluations}. */
  static Map<String, Object> iterative(Tensor x, int iterations, List<Double> residuals, boolean converged,
      String reason, int evaluations) {
    Map<String, Object> r = iterative(x, iterations, residuals, converged, reason);
    r.put("evaluations", (double) evaluations);
    return r;
  }

  static Tensor vector(List<Double> v) {
    double[] a = new double[v.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = v.get(i);
    }
    return Tensor.wrap(new int[] {a.length}, a);
  }
}
