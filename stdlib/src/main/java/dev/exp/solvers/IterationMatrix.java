package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.kernel.ScriptObject;
import dev.exp.linalg.LinearOperator;
import dev.exp.sparse.Csr;
import dev.exp.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * The iteration matrix G = I − M⁻¹A of a stationary method as a matrix-free operator: applying it is
 * one sweep of the method with b = 0, so it costs one pass over A and is never formed.
 */
public final class IterationMatrix implements ScriptObject, LinearOperator {
  private final Sweep sweep;
  private final int n;
  private final String method;
  private final double omega;

  private IterationMatrix(Sweep sweep, int n, String method, double omega) {
    this.sweep = sweep;
    this.n = n;
    this.method = method;
    this.omega = omega;
  }

  @Kernel(name = "solvers.iteration_matrix", doc = "The iteration matrix G = I − M⁻¹A of a stationary method on a "
      + "dense or sparse A, as a matrix-free operator (G @ x is one sweep with b = 0): method \"jacobi\" (M = D, with "
      + "omega as the Jacobi weight, default 1), \"gauss_seidel\" (M = D + L), \"sor\" (M = D/ω + L) or \"ssor\" (a "
      + "forward and a backward SOR sweep). The error of the method obeys e_{k+1} = G e_k, so it converges iff "
      + "ρ(G) < 1 (solvers.spectral_radius). Fields: method, omega, shape. "
      + "Example: solvers.spectral_radius(solvers.iteration_matrix(a, \"sor\", omega: 1.8)).value")
  public static IterationMatrix iterationMatrix(@Arg("a") LinearOperator a, @Arg("method") String method,
      @Arg(value = "omega", dflt = "1") double omega) {
    String fn = "solvers.iteration_matrix";
    Sweep.Method m = switch (method) {
      case "jacobi" -> Sweep.Method.JACOBI;
      case "gauss_seidel" -> Sweep.Method.SOR;
      case "sor" -> Sweep.Method.SOR;
      case "ssor" -> Sweep.Method.SSOR;
      default -> throw KernelException.of("%s: method must be \"jacobi\", \"gauss_seidel\", \"sor\" or \"ssor\", got \"%s\"",
          fn, method);
    };
    double w = method.equals("gauss_seidel") ? 1 : omega;
    var s = Csr.entries(a, fn, "a");
    return new IterationMatrix(new Sweep(s, m, w, "natural", fn), s.rows(), method, w);
  }

  @Override
  public int rows() {
    return n;
  }

  @Override
  public int cols() {
    return n;
  }

  /** G x (x unchanged). */
  void apply(double[] x, double[] y) {
    System.arraycopy(x, 0, y, 0, n);
    synchronized (sweep) {
      sweep.step(null, y);
    }
  }

  @Override
  public Tensor apply(Tensor x) {
    if (x.rank() == 1 && x.size() == n && !x.isComplex()) {
      double[] y = new double[n];
      apply(x.raw(), y);
      return Tensor.wrap(new int[] {n}, y);
    }
    throw KernelException.of("the iteration matrix [%d, %d] multiplies real vectors of length %d, got shape %s", n, n, n,
        Tensor.shapeString(x.shape()));
  }

  @Override
  public String typeName() {
    return "operator";
  }

  @Override
  public List<String> fieldNames() {
    return List.of("method", "omega", "shape");
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "method" -> method;
      case "omega" -> omega;
      case "shape" -> List.of((double) n, (double) n);
      default -> null;
    };
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "<%s iteration matrix %dx%d, omega %s>", method, n, n,
        Numbers.format(omega));
  }

  @Override
  public String toString() {
    return summary();
  }
}
