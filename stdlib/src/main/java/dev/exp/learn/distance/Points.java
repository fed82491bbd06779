package dev.exp.learn.distance;

/**
 * A point set prepared for {@link DistanceKernel}: the n×d row-major values and, for the vector
 * implementation, a copy in dimension-major tiles: tile t holds rows t·w .. t·w+w−1 as
 * {@code tiles[(t·d + j)·w + lane]} = x[(t·w + lane)·d + j]; lanes past the last row hold +∞ (their distance
 * to anything is +∞ and they are never reported).
 */
public final class Points {
  private final double[] rows;
  private final int n;
  private final int d;
  private final int width;
  private final double[] tiles;

  Points(double[] rows, int n, int d, int width, boolean tiled) {
    this.rows = rows;
    this.n = n;
    this.d = d;
    this.width = width;
    this.tiles = tiled ? tile(rows, n, d, width) : null;
  }

  private static double[] tile(double[] x, int n, int d, int w) {
    int nt = (n + w - 1) / w;
    double[] t = new double[nt * d * w];
    java.util.Arrays.fill(t, (n / w) * d * w, t.length, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      int base = (i / w) * d * w + i % w;
      for (int j = 0; j < d; j++) {
        t[base + j * w] = x[i * d + j];
      }
    }
    return t;
  }

  /** Row-major values (n×d). */
  public double[] rows() {
    return rows;
  }

  /** Number of points. */
  public int count() {
    return n;
  }

  /** Number of coordinates per point. */
  public int dims() {
    return d;
  }

  /** Rows per tile. */
  public int width() {
    return width;
  }

  /** The tiled copy, or null for the scalar implementation. */
  double[] tiles() {
    return tiles;
  }
}
