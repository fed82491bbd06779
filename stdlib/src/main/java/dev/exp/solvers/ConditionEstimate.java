package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.random.Rng;
import dev.exp.sparse.Csr;
import dev.exp.sparse.SparseMatrix;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Condition-number estimates (S05): Hager–Higham 1-norm and Lanczos 2-norm (SPD). */
public final class ConditionEstimate {
  private ConditionEstimate() {}

  @Kernel(name = "solvers.cond_estimate", doc = "An estimate of the condition number of a square matrix. method "
      + "\"hager\" (default): κ₁ = ‖A‖₁·‖A⁻¹‖₁ with ‖A‖₁ exact and ‖A⁻¹‖₁ by Hager's algorithm as refined by Higham "
      + "(LAPACK's dlacon: at most 5 pairs of solves with A and Aᵀ through one LU factorisation, plus Higham's "
      + "alternating-sign test vector); it is a lower bound, usually exact, never below κ₁/n in practice; dense or "
      + "sparse A (factored densely, n <= 4000). method \"lanczos\": κ₂ = λ_max/λ_min of a symmetric positive definite "
      + "operator from two Lanczos runs (largest and smallest eigenvalue, tol 1e-10; functions allowed with n); an "
      + "error if λ_min <= 0. Returns {value, method, norm (‖A‖₁ or λ_max), inverse_norm (‖A⁻¹‖₁ estimate or "
      + "1/λ_min), converged}. Example: solvers.cond_estimate(sparse.poisson2d(10), method: \"lanczos\").value")
  public static Map<String, Object> condEstimate(@Arg("a") LinearOperator a,
      @Arg(value = "method", dflt = "\"hager\"") String method, @Arg(value = "seed", dflt = "none") Rng rng,
      @Arg(value = "n", dflt = "none") Integer n, KernelContext ctx) {
    String fn = "solvers.cond_estimate";
    Map<String, Object> out = new LinkedHashMap<>();
    if (method.equals("lanczos")) {
      Map<String, Object> hi = Lanczos.lanczos(a, 1, "largest", 1e-10, null, null, rng, n, false, ctx);
      Map<String, Object> lo = Lanczos.lanczos(a, 1, "smallest", 1e-10, null, null, rng, n, false, ctx);
      double lmax = ((Tensor) hi.get("values")).at(0);
      double lmin = ((Tensor) lo.get("values")).at(0);
      if (!(lmin > 0)) {
        throw KernelException.of("%s: method \"lanczos\" needs a positive definite operator, but its smallest eigenvalue "
            + "is %s; use method \"hager\"", fn, lmin);
      }
      out.put("value", lmax / lmin);
      out.put("method", method);
      out.put("norm", lmax);
      out.put("inverse_norm", 1 / lmin);
      out.put("converged", (Boolean) hi.get("converged") && (Boolean) lo.get("converged"));
      return out;
    }
    if (!method.equals("hager")) {
      throw KernelException.of("%s: method must be \"hager\" or \"lanczos\", got \"%s\"", fn, method);
    }
    SparseMatrix s = Csr.entries(a, fn, "a (method \"hager\")");
    int size = s.rows();
    if (size != s.cols()) {
      throw KernelException.of("%s: needs a square matrix, got [%d, %d]", fn, s.rows(), s.cols());
    }
    if (size > 4000) {
      throw KernelException.of("%s: method \"hager\" factors A densely and needs n <= 4000, got %d", fn, size);
    }
    double[] colSum = new double[size];
    for (int i = 0; i < size; i++) {
      for (int k = s.indptr()[i]; k < s.indptr()[i + 1]; k++) {
        colSum[s.indices()[k]] += Math.abs(s.data()[k]);
      }
    }
    double norm = 0;
    for (double c : colSum) {
      norm = Math.max(norm, c);
    }
    DMatrixRMaj dense = new DMatrixRMaj(size, size);
    double[] dv = s.toDense().raw();
    System.arraycopy(dv, 0, dense.data, 0, dv.length);
    DMatrixRMaj denseT = new DMatrixRMaj(size, size);
    org.ejml.dense.row.CommonOps_DDRM.transpose(dense, denseT);
    LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(size);
    LinearSolverDense<DMatrixRMaj> luT = LinearSolverFactory_DDRM.lu(size);
    if (!lu.setA(dense.copy()) || !luT.setA(denseT)) {
      throw KernelException.of("%s: the matrix is singular (LU failed)", fn);
    }
    ctx.poll();
    double inv = hager(lu, luT, size);
    if (!Double.isFinite(inv)) {
      throw KernelException.of("%s: the matrix is singular to working precision", fn);
    }
    out.put("value", norm * inv);
    out.put("method", method);
    out.put("norm", norm);
    out.put("inverse_norm", inv);
    out.put("converged", true);
    return out;
  }

  /** Hager/Higham estimate of ‖A⁻¹‖₁ given solvers for A and Aᵀ. */
  static double hager(LinearSolverDense<DMatrixRMaj> lu, LinearSolverDense<DMatrixRMaj> luT, int n) {
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    DMatrixRMaj y = new DMatrixRMaj(n, 1);
    java.util.Arrays.fill(x.data, 1.0 / n);
    double est = 0;
    int last = -1;
    for (int iter = 0; iter < 5; iter++) {
      lu.solve(x, y);
      double ny = 0;
      for (double v : y.data) {
        ny += Math.abs(v);
      }
      if (iter > 0 && ny <= est) {
        break;
      }
      est = ny;
      DMatrixRMaj xi = new DMatrixRMaj(n, 1);
      for (int i = 0; i < n; i++) {
        xi.data[i] = y.data[i] >= 0 ? 1 : -1;
      }
      DMatrixRMaj z = new DMatrixRMaj(n, 1);
      luT.solve(xi, z);
      int j = 0;
      for (int i = 1; i < n; i++) {
        if (Math.abs(z.data[i]) > Math.abs(z.data[j])) {
          j = i;
        }
      }
      double zx = 0;
      for (int i = 0; i < n; i++) {
        zx += z.data[i] * x.data[i];
      }
      if (iter > 0 && (Math.abs(z.data[j]) <= zx || j == last)) {
        break;
      }
      last = j;
      java.util.Arrays.fill(x.data, 0);
      x.data[j] = 1;
    }
    // Higham's extra test vector x_i = (-1)^i (1 + i/(n-1))
    for (int i = 0; i < n; i++) {
      x.data[i] = (i % 2 == 0 ? 1 : -1) * (1 + (n == 1 ? 0 : (double) i / (n - 1)));
    }
    lu.solve(x, y);
    double alt = 0;
    for (double v : y.data) {
      alt += Math.abs(v);
    }
    return Math.max(est, 2 * alt / (3.0 * n));
  }
}
