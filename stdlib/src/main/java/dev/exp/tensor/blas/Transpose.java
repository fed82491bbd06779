package dev.exp.tensor.blas;

/** Out-of-place transpose of a row-major block, tiled for cache use. */
final class Transpose {
  private Transpose() {}

  private static final int TILE = 32;

  /** The cols×rows transpose of the rows×cols matrix stored at {@code off} in {@code a}. */
  static double[] of(double[] a, int off, int rows, int cols) {
    double[] t = new double[rows * cols];
    for (int i0 = 0; i0 < rows; i0 += TILE) {
      int i1 = Math.min(rows, i0 + TILE);
      for (int j0 = 0; j0 < cols; j0 += TILE) {
        int j1 = Math.min(cols, j0 + TILE);
        for (int i = i0; i < i1; i++) {
          for (int j = j0; j < j1; j++) {
            t[j * rows + i] = a[off + i * cols + j];
          }
        }
      }
    }
    return t;
  }
}
