package dev.exp.sparse;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.List;

/** Script kernels building and transforming sparse (CSR) matrices (S02). */
public final class SparseKernels {
  private SparseKernels() {}

  @Kernel(name = "sparse.csr", doc = "A sparse matrix from triplets: entry values[k] at (rows[k], cols[k]); duplicates "
      + "are summed and explicit zeros kept (as SciPy's coo_matrix(...).tocsr()). shape [m, n] defaults to one more than "
      + "the largest row and column index. The result is a value of type \"sparse\" with fields shape, nnz, format "
      + "(\"csr\"), data, indices and indptr; S @ x multiplies it with a vector [n] or a matrix [n, k]. "
      + "Example: sparse.csr([0, 1, 1], [0, 1, 1], [2, 3, 4], shape: [2, 2])")
  public static SparseMatrix csr(@Arg("rows") Tensor rows, @Arg("cols") Tensor cols, @Arg("values") Tensor values,
      @Arg(value = "shape", dflt = "none") int[] shape) {
    String fn = "sparse.csr";
    int n = values.size();
    if (rows.size() != n || cols.size() != n) {
      throw KernelException.of("%s: rows, cols and values must have the same length, got %d, %d and %d", fn,
          rows.size(), cols.size(), n);
    }
    int[] r = indices(rows, fn, "rows");
    int[] c = indices(cols, fn, "cols");
    int m;
    int k;
    if (shape == null) {
      m = 0;
      k = 0;
      for (int i = 0; i < n; i++) {
        m = Math.max(m, r[i] + 1);
        k = Math.max(k, c[i] + 1);
      }
    } else {
      if (shape.length != 2 || shape[0] < 0 || shape[1] < 0) {
        throw KernelException.of("%s: shape must be [rows, cols], got %s", fn, java.util.Arrays.toString(shape));
      }
      m = shape[0];
      k = shape[1];
    }
    try {
      return Csr.fromTriplets(m, k, r, c, values.raw());
    } catch (KernelException e) {
      throw new KernelException(fn + ": " + e.getMessage());
    }
  }

  private static int[] indices(Tensor t, String fn, String param) {
    double[] v = t.raw();
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] > Integer.MAX_VALUE) {
        throw KernelException.of("%s: %s[%d] = %s is not a nonnegative integer index", fn, param, i, v[i]);
      }
      out[i] = (int) v[i];
    }
    return out;
  }

  @Kernel(name = "sparse.from_dense", doc = "The nonzero entries of a dense matrix as a sparse (CSR) matrix. "
      + "Example: sparse.from_dense(eye(3))")
  public static SparseMatrix fromDense(@Arg("a") Tensor a) {
    try {
      return Csr.fromDense(a);
    } catch (KernelException e) {
      throw new KernelException("sparse.from_dense: " + e.getMessage());
    }
  }

  @Kernel(name = "sparse.to_dense", doc = "The dense [m, n] tensor of a sparse matrix. Example: sparse.to_dense(sparse.eye(3))")
  public static Tensor toDense(@Arg("s") SparseMatrix s) {
    return s.toDense();
  }

  @Kernel(name = "sparse.transpose", doc = "The transpose of a sparse matrix (CSR of Aᵀ). Example: sparse.transpose(s)")
  public static SparseMatrix transpose(@Arg("s") SparseMatrix s) {
    return s.transpose();
  }

  @Kernel(name = "sparse.diag", doc = "Of a sparse matrix: its k-th diagonal as a vector (k > 0 above the main "
      + "diagonal), as SciPy's S.diagonal(k). Of a vector: the sparse matrix with that vector on diagonal k. "
      + "Example: sparse.diag(sparse.poisson1d(4)) is [2, 2, 2, 2]")
  public static Tensor diag(@Arg("s") SparseMatrix s, @Arg(value = "k", dflt = "0") int k) {
    double[] d = s.diagonal(k);
    return Tensor.wrap(new int[] {d.length}, d);
  }

  @Kernel(name = "sparse.diag", doc = "Of a sparse matrix: its k-th diagonal as a vector (k > 0 above the main "
      + "diagonal), as SciPy's S.diagonal(k). Of a vector: the sparse matrix with that vector on diagonal k. "
      + "Example: sparse.diag([1, 2, 3]) @ [1, 1, 1] is [1, 2, 3]")
  public static SparseMatrix diagMatrix(@Arg("v") Tensor v, @Arg(value = "k", dflt = "0") int k) {
    if (v.rank() != 1) {
      throw KernelException.of("sparse.diag: needs a sparse matrix or a vector, got a tensor of shape %s",
          Tensor.shapeString(v.shape()));
    }
    int n = v.size() + Math.abs(k);
    return Csr.diags(new double[][] {v.raw()}, new int[] {k}, n, n);
  }

  @Kernel(name = "sparse.tril", doc = "The lower triangle of a matrix (dense or sparse) as a sparse matrix: entries "
      + "with j - i <= k (k = -1: strictly lower). Example: sparse.tril(a, -1)")
  public static SparseMatrix tril(@Arg("a") LinearOperator a, @Arg(value = "k", dflt = "0") int k) {
    return Csr.entries(a, "sparse.tril", "a").triangle(false, k);
  }

  @Kernel(name = "sparse.triu", doc = "The upper triangle of a matrix (dense or sparse) as a sparse matrix: entries "
      + "with j - i >= k (k = 1: strictly upper). Example: sparse.triu(a, 1)")
  public static SparseMatrix triu(@Arg("a") LinearOperator a, @Arg(value = "k", dflt = "0") int k) {
    return Csr.entries(a, "sparse.triu", "a").triangle(true, k);
  }

  @Kernel(name = "sparse.eye", doc = "The sparse n×m identity (m defaults to n), or ones on diagonal k. "
      + "Example: sparse.eye(4)")
  public static SparseMatrix eye(@Arg("n") int n, @Arg(value = "m", dflt = "none") Integer m,
      @Arg(value = "k", dflt = "0") int k) {
    int cols = m == null ? n : m;
    if (n < 1 || cols < 1) {
      throw KernelException.of("sparse.eye: sizes must be >= 1, got n = %d, m = %d", n, cols);
    }
    try {
      return Csr.eye(n, cols, k);
    } catch (KernelException e) {
      throw new KernelException("sparse.eye: " + e.getMessage());
    }
  }

  @Kernel(name = "sparse.diags", doc = "A banded sparse matrix, as SciPy's diags: diagonals[d] goes on diagonal "
      + "offsets[d] (0 main, > 0 above, < 0 below); a single number is repeated along its diagonal. shape defaults to "
      + "square, sized by the first diagonal. Example: sparse.diags([-1, 2, -1], [-1, 0, 1], shape: [5, 5]) is the "
      + "1-D Laplacian")
  public static SparseMatrix diags(@Arg("diagonals") List<Tensor> diagonals, @Arg("offsets") Tensor offsetList,
      @Arg(value = "shape", dflt = "none") int[] shape) {
    String fn = "sparse.diags";
    double[] ov = offsetList.raw();
    int[] offsets = new int[ov.length];
    for (int i = 0; i < ov.length; i++) {
      if (ov[i] != Math.rint(ov[i]) || Math.abs(ov[i]) > Integer.MAX_VALUE) {
        throw KernelException.of("%s: offsets[%d] = %s is not an integer", fn, i, ov[i]);
      }
      offsets[i] = (int) ov[i];
    }
    double[][] d = new double[diagonals.size()][];
    for (int i = 0; i < d.length; i++) {
      d[i] = diagonals.get(i).raw();
    }
    int m;
    int n;
    if (shape == null) {
      if (d.length == 0 || d[0].length == 1 && d.length > 1) {
        throw KernelException.of("%s: give shape: [m, n] when the first diagonal is a single number", fn);
      }
      m = d[0].length + Math.abs(offsets.length == 0 ? 0 : offsets[0]);
      n = m;
    } else {
      if (shape.length != 2) {
        throw KernelException.of("%s: shape must be [rows, cols], got %s", fn, java.util.Arrays.toString(shape));
      }
      m = shape[0];
      n = shape[1];
    }
    try {
      return Csr.diags(d, offsets, m, n);
    } catch (KernelException e) {
      throw new KernelException(fn + ": " + e.getMessage());
    }
  }

  @Kernel(name = "sparse.scale", doc = "alpha · S, a sparse matrix with the same pattern. Example: sparse.scale(s, 0.5)")
  public static SparseMatrix scale(@Arg("s") SparseMatrix s, @Arg("alpha") double alpha) {
    return s.scale(alpha);
  }

  @Kernel(name = "sparse.add", doc = "alpha · A + beta · B for sparse matrices of one shape (patterns merged). "
      + "Example: sparse.add(a, sparse.eye(a.shape[0]), beta: 0.1)")
  public static SparseMatrix add(@Arg("a") SparseMatrix a, @Arg("b") SparseMatrix b,
      @Arg(value = "alpha", dflt = "1") double alpha, @Arg(value = "beta", dflt = "1") double beta) {
    try {
      return a.add(b, alpha, beta);
    } catch (KernelException e) {
      throw new KernelException("sparse.add: " + e.getMessage());
    }
  }

  @Kernel(name = "sparse.shift", doc = "A + c·I for a square sparse matrix: the shifted systems A_t = A + c_t I of a "
      + "family. Example: sparse.shift(sparse.poisson2d(16), 0.05)")
  public static SparseMatrix shift(@Arg("a") SparseMatrix a, @Arg("c") double c) {
    if (a.rows() != a.cols()) {
      throw KernelException.of("sparse.shift: needs a square matrix, got [%d, %d]", a.rows(), a.cols());
    }
    return a.add(Csr.eye(a.rows(), a.cols(), 0), 1, c);
  }

  @Kernel(name = "sparse.matmul", doc = "The sparse product A · B of two sparse matrices (Gustavson's algorithm); "
      + "S @ x with a dense x needs no kernel. Example: sparse.matmul(a, sparse.transpose(a))")
  public static SparseMatrix matmul(@Arg("a") SparseMatrix a, @Arg("b") SparseMatrix b) {
    try {
      return a.multiply(b);
    } catch (KernelException e) {
      throw new KernelException("sparse.matmul: " + e.getMessage());
    }
  }

  @Kernel(name = "sparse.random", doc = "A seeded random sparse m×n matrix with round(density·m·n) entries at distinct "
      + "uniformly drawn positions, values uniform in [0, 1). Example: sparse.random(100, 100, 0.05, seed: 1)")
  public static SparseMatrix random(@Arg("m") int m, @Arg("n") int n, @Arg(value = "density", dflt = "0.01") double density,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    if (m < 1 || n < 1 || !(density >= 0 && density <= 1)) {
      throw KernelException.of("sparse.random: needs m, n >= 1 and density in [0, 1], got m = %d, n = %d, density = %s",
          m, n, density);
    }
    long total = (long) m * n;
    int k = (int) Math.round(density * total);
    java.util.HashSet<Long> seen = new java.util.HashSet<>();
    int[] r = new int[k];
    int[] c = new int[k];
    double[] v = new double[k];
    int t = 0;
    while (t < k) {
      long pos = rng.nextLong(total);
      if (seen.add(pos)) {
        r[t] = (int) (pos / n);
        c[t] = (int) (pos % n);
        v[t++] = rng.nextDouble();
      }
    }
    return Csr.fromTriplets(m, n, r, c, v);
  }
}
