package dev.exp.tensor.blas;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Map;

/**
 * Zero-copy calls into the OpenBLAS that the JavaCPP presets bundle: {@code dev.ludovic.netlib:blas}
 * (Apache Spark's JNI binding) pins the Java arrays for the call ({@code GetPrimitiveArrayCritical})
 * instead of copying them, and is pointed at the presets' own {@code libopenblas} (its
 * {@code dev.ludovic.netlib.blas.nativeLibPath} property), so there is still nothing to install and
 * both bindings share one OpenBLAS (one thread setting). Row-major products are computed as the
 * column-major product of the transposes: C<sup>T</sup> = op(B)<sup>T</sup> · op(A)<sup>T</sup>.
 * {@link #load} returns null when the binding cannot load or fails its self-check; {@link NativeBlas}
 * then copies its operands as before.
 */
final class CriticalBlas {
  private final NativeBLAS blas;

  private CriticalBlas(NativeBLAS blas) {
    this.blas = blas;
  }

  /** The binding on the presets' OpenBLAS (already loaded by JavaCPP), or null when it is not usable. */
  static CriticalBlas load() {
    if (Boolean.getBoolean("exp.blas.copy")) {
      return null;   // the copying JavaCPP path only (for comparisons)
    }
    try {
      String lib = presetsLibrary();
      if (lib == null) {
        return null;
      }
      if (System.getProperty("dev.ludovic.netlib.blas.nativeLibPath") == null) {
        System.setProperty("dev.ludovic.netlib.blas.nativeLibPath", lib);
      }
      CriticalBlas cb = new CriticalBlas(NativeBLAS.getInstance());
      double[] c = new double[4];
      cb.dgemm(false, false, 2, 2, 2, new double[] {1, 2, 3, 4}, 0, new double[] {5, 6, 7, 8}, 0, c, 0, 0, 2);
      return c[0] == 19 && c[1] == 22 && c[2] == 43 && c[3] == 50 ? cb : null;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** The path of the OpenBLAS library JavaCPP extracted and loaded (not its JNI wrapper), or null. */
  private static String presetsLibrary() {
    String found = null;
    for (Map.Entry<String, String> e : org.bytedeco.javacpp.Loader.getLoadedLibraries().entrySet()) {
      String name = e.getKey();
      String path = e.getValue();
      if (path == null || !name.startsWith("openblas") || name.contains("jni")) {
        continue;
      }
      // the full library (BLAS and LAPACK) rather than the BLAS-only one, when both are loaded
      if (found == null || !name.contains("nolapack")) {
        found = path;
      }
    }
    return found;
  }

  /**
   * Rows {@code i0..i1} of the row-major C = op(A) · op(B) (as {@link BlasBackend#dgemm}), straight
   * on the Java arrays. A transposed A works only for i0 = 0: the binding's bounds check assumes
   * that a matrix at an offset spans whole leading-dimension columns after it.
   */
  void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c,
      int co, int i0, int i1) {
    int rows = i1 - i0;
    // column-major: C^T (n × rows, ld n) = op(B)^T (n × k) · op(A)^T (k × rows)
    int ldb = tb ? k : n;
    int lda = ta ? m : k;
    int aOff = ta ? ao + i0 : ao + i0 * k;
    if (rows == 1 && !ta) {
      // one row of C: c = op(B)^T · a_row, a matrix-vector product
      blas.dgemv(tb ? "T" : "N", tb ? k : n, tb ? n : k, 1.0, b, bo, ldb, a, aOff, 1, 0.0, c, co + i0 * n, 1);
      return;
    }
    blas.dgemm(tb ? "T" : "N", ta ? "T" : "N", n, rows, k, 1.0, b, bo, ldb, a, aOff, lda, 0.0, c, co + i0 * n, n);
  }

  /**
   * The whole row-major C = Aᵀ · B for A stored k×m and B stored k×n, split along k into blocks of
   * {@code kStep} (C accumulates; {@code poll} runs between blocks): each block is a whole-column
   * slice of both stored matrices, which the binding's bounds check accepts.
   */
  void dgemmTransposedA(int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co, int kStep,
      Runnable poll) {
    for (int k0 = 0; k0 < k; k0 += kStep) {
      if (k0 > 0) {
        poll.run();
      }
      int kb = Math.min(k, k0 + kStep) - k0;
      // column-major: C^T (n × m) += B[k0.., :]^T (n × kb, ld n) · A[k0.., :] (kb × m, ld m)
      blas.dgemm("N", "T", n, m, kb, 1.0, b, bo + k0 * n, n, a, ao + k0 * m, m, k0 == 0 ? 0.0 : 1.0, c, co, n);
    }
  }
}
