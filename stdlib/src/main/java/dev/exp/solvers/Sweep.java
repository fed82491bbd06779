package dev.exp.solvers;

import dev.exp.kernel.KernelException;
import dev.exp.sparse.SparseMatrix;

/**
 * One step x ← G x + M⁻¹ b of a stationary method on a CSR matrix: Jacobi (weighted), Gauss–Seidel /
 * SOR (forward, in natural or red–black order) and SSOR (a forward then a backward SOR sweep). With
 * b = 0 a step applies the iteration matrix G = I − M⁻¹A.
 */
final class Sweep {
  /** The methods. */
  enum Method { JACOBI, SOR, SSOR }

  private final SparseMatrix a;
  private final double[] d;
  private final Method method;
  private final double omega;
  private final int[] order;
  private final double[] tmp;
  private final double[] delta;

  Sweep(SparseMatrix a, Method method, double omega, String ordering, String fn) {
    if (a.rows() != a.cols()) {
      throw KernelException.of("%s: needs a square matrix, got [%d, %d]", fn, a.rows(), a.cols());
    }
    boolean jacobi = method == Method.JACOBI;
    if (jacobi ? !(omega > 0 && omega <= 2) : !(omega > 0 && omega < 2)) {
      throw KernelException.of("%s: %s must be in (0, 2%s, got %s", fn, jacobi ? "weight" : "omega", jacobi ? "]" : ")",
          omega);
    }
    this.a = a;
    this.d = Preconditioner.diagonal(a, fn, "the method", false);
    this.method = method;
    this.omega = omega;
    this.order = switch (ordering) {
      case "natural" -> null;
      case "red_black" -> redBlack(a, fn);
      default -> throw KernelException.of("%s: order must be \"natural\" or \"red_black\", got \"%s\"", fn, ordering);
    };
    this.tmp = jacobi ? new double[a.rows()] : null;
    this.delta = jacobi ? null : new double[a.rows()];
  }

  /**
   * x ← one step from x (in place); returns ‖b − A x‖² of the x before the step (b = null: b = 0),
   * computed inside the sweep at the cost of one more multiply-add per lower-triangle entry.
   */
  double step(double[] b, double[] x) {
    return switch (method) {
      case JACOBI -> jacobi(b, x);
      case SOR -> sor(b, x, true);
      case SSOR -> {
        double r = sor(b, x, true);
        sor(b, x, false);
        yield r;
      }
    };
  }

  private double jacobi(double[] b, double[] x) {
    int[] p = a.indptr();
    int[] ix = a.indices();
    double[] v = a.data();
    int n = x.length;
    double rr = 0;
    for (int i = 0; i < n; i++) {
      double s = b == null ? 0 : b[i];
      for (int k = p[i]; k < p[i + 1]; k++) {
        s -= v[k] * x[ix[k]];
      }
      rr += s * s;
      tmp[i] = x[i] + omega * s / d[i];
    }
    System.arraycopy(tmp, 0, x, 0, n);
    return rr;
  }

  /**
   * One SOR sweep. delta holds x_new − x_old of the unknowns already updated in this sweep (0 for the
   * others), so b_i − Σ_j a_ij x_old_j = s_i + Σ_j a_ij delta_j: the residual of the previous iterate.
   */
  private double sor(double[] b, double[] x, boolean forward) {
    int[] p = a.indptr();
    int[] ix = a.indices();
    double[] v = a.data();
    int n = x.length;
    java.util.Arrays.fill(delta, 0);
    double rr = 0;
    for (int t = 0; t < n; t++) {
      int q = forward ? t : n - 1 - t;
      int i = order == null ? q : order[q];
      double s = b == null ? 0 : b[i];
      double c = 0;
      for (int k = p[i]; k < p[i + 1]; k++) {
        int j = ix[k];
        s -= v[k] * x[j];
        c += v[k] * delta[j];
      }
      double r = s + c;
      rr += r * r;
      // s = b_i - Σ_j a_ij x_j (diagonal included): x_i += ω s / a_ii is the SOR update
      double dx = omega * s / d[i];
      x[i] += dx;
      delta[i] = dx;
    }
    return rr;
  }

  /** Red nodes first, then black: a 2-colouring of the matrix graph by breadth-first search. */
  static int[] redBlack(SparseMatrix a, String fn) {
    int n = a.rows();
    int[] colour = new int[n];
    java.util.Arrays.fill(colour, -1);
    SparseMatrix at = a.transpose();
    int[] queue = new int[n];
    for (int s = 0; s < n; s++) {
      if (colour[s] >= 0) {
        continue;
      }
      colour[s] = 0;
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      while (head < tail) {
        int i = queue[head++];
        for (SparseMatrix m : new SparseMatrix[] {a, at}) {
          for (int k = m.indptr()[i]; k < m.indptr()[i + 1]; k++) {
            int j = m.indices()[k];
            if (j == i || m.data()[k] == 0) {
              continue;
            }
            if (colour[j] < 0) {
              colour[j] = 1 - colour[i];
              queue[tail++] = j;
            } else if (colour[j] == colour[i]) {
              throw KernelException.of("%s: red-black order needs a matrix whose graph is 2-colourable (as the "
                  + "5- and 7-point stencils), but unknowns %d and %d are coupled and share a colour", fn, i, j);
            }
          }
        }
      }
    }
    int[] order = new int[n];
    int t = 0;
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < n; i++) {
        if (colour[i] == c) {
          order[t++] = i;
        }
      }
    }
    return order;
  }
}
