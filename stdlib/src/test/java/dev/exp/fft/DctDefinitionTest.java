package dev.exp.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.exp.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The DCT/DST kernels against their O(N²) definitions (scipy.fft's unnormalised ones, as the kernel
 * docs state them) on every length class the fast algorithms tell apart: 1, 2, odd, even, prime,
 * powers of two, and the DCT-I/DST-I lengths that split recursively (N − 1, resp. N + 1, even) or not.
 */
class DctDefinitionTest {
  static final int[] LENGTHS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 17, 31, 32, 33, 34, 63, 64, 65, 97, 100, 127, 128, 129,
      257, 1000, 1001};

  /** cos(π·p/q) with p reduced modulo 2q first, so large arguments lose nothing. */
  static double cosPi(long p, long q) {
    return Math.cos(Math.PI * Math.floorMod(p, 2 * q) / q);
  }

  static double sinPi(long p, long q) {
    return Math.sin(Math.PI * Math.floorMod(p, 2 * q) / q);
  }

  /** The unnormalised transform by its definition. */
  static double[] definition(double[] x, int type, boolean sine) {
    double[] y = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      y[k] = definitionAt(x, type, sine, k);
    }
    return y;
  }

  /** Output k of the unnormalised transform by its definition. */
  static double definitionAt(double[] x, int type, boolean sine, int k) {
    int n = x.length;
    double s = 0;
    if (!sine) {
      switch (type) {
        case 1:
          s = x[0] + ((k & 1) == 0 ? 1 : -1) * x[n - 1];
          for (int j = 1; j < n - 1; j++) {
            s += 2 * x[j] * cosPi((long) k * j, n - 1);
          }
          break;
        case 2:
          for (int j = 0; j < n; j++) {
            s += 2 * x[j] * cosPi((long) k * (2 * j + 1), 2L * n);
          }
          break;
        case 3:
          s = x[0];
          for (int j = 1; j < n; j++) {
            s += 2 * x[j] * cosPi((long) j * (2 * k + 1), 2L * n);
          }
          break;
        default:
          for (int j = 0; j < n; j++) {
            s += 2 * x[j] * cosPi((long) (2 * j + 1) * (2 * k + 1), 4L * n);
          }
      }
    } else {
      switch (type) {
        case 1:
          for (int j = 0; j < n; j++) {
            s += 2 * x[j] * sinPi((long) (k + 1) * (j + 1), n + 1);
          }
          break;
        case 2:
          for (int j = 0; j < n; j++) {
            s += 2 * x[j] * sinPi((long) (k + 1) * (2 * j + 1), 2L * n);
          }
          break;
        case 3:
          s = ((k & 1) == 0 ? 1 : -1) * x[n - 1];
          for (int j = 0; j < n - 1; j++) {
            s += 2 * x[j] * sinPi((long) (2 * k + 1) * (j + 1), 2L * n);
          }
          break;
        default:
          for (int j = 0; j < n; j++) {
            s += 2 * x[j] * sinPi((long) (2 * j + 1) * (2 * k + 1), 4L * n);
          }
      }
    }
    return s;
  }

  /** SciPy's orthonormal version of the definition: the end-term weights and 1/√M. */
  static double[] orthoDefinition(double[] x, int type, boolean sine) {
    int n = x.length;
    double r2 = Math.sqrt(2);
    double[] in = x.clone();
    if (type == 1 && !sine) {
      in[0] *= r2;
      in[n - 1] *= r2;
    } else if (type == 3) {
      in[sine ? n - 1 : 0] *= r2;
    }
    double[] y = definition(in, type, sine);
    double s = 1 / Math.sqrt(Dct.factor(n, type, sine));
    for (int k = 0; k < n; k++) {
      y[k] *= s;
    }
    if (type == 1 && !sine) {
      y[0] /= r2;
      y[n - 1] /= r2;
    } else if (type == 2) {
      y[sine ? n - 1 : 0] /= r2;
    }
    return y;
  }

  static Tensor transform(Tensor x, int type, boolean sine, boolean inverse, String norm, int axis) {
    if (sine) {
      return inverse ? DctKernels.idst(x, type, axis, norm) : DctKernels.dst(x, type, axis, norm);
    }
    return inverse ? DctKernels.idct(x, type, axis, norm) : DctKernels.dct(x, type, axis, norm);
  }

  static void close(double[] e, double[] a, double tol, String what) {
    assertEquals(e.length, a.length, what + ": length");
    double scale = 1;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < e.length; i++) {
      if (!(Math.abs(e[i] - a[i]) <= tol * scale)) {
        fail(what + ": at " + i + " expected " + e[i] + ", got " + a[i]);
      }
    }
  }

  static double[] randn(Random r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  @Test
  void everyTypeAndLengthMatchesTheDefinition() {
    Random r = new Random(11);
    for (int n : LENGTHS) {
      double[] x = randn(r, n);
      for (int t = 1; t <= 4; t++) {
        for (boolean sine : new boolean[] {false, true}) {
          if (t == 1 && !sine && n < 2) {
            continue;
          }
          String what = (sine ? "dst" : "dct") + t + " n=" + n;
          double[] e = definition(x, t, sine);
          close(e, transform(Tensor.vector(x), t, sine, false, "backward", -1).raw(), 1e-12, what);
          double[] f = e.clone();
          double m = Dct.factor(n, t, sine);
          for (int k = 0; k < n; k++) {
            f[k] /= m;
          }
          close(f, transform(Tensor.vector(x), t, sine, false, "forward", -1).raw(), 1e-12, what + " forward");
          close(orthoDefinition(x, t, sine), transform(Tensor.vector(x), t, sine, false, "ortho", -1).raw(), 1e-12,
              what + " ortho");
        }
      }
    }
  }

  @Test
  void inversesUndoTheTransformsInEveryNorm() {
    Random r = new Random(12);
    for (int n : LENGTHS) {
      Tensor x = Tensor.vector(randn(r, n));
      for (int t = 1; t <= 4; t++) {
        for (boolean sine : new boolean[] {false, true}) {
          if (t == 1 && !sine && n < 2) {
            continue;
          }
          for (String nm : new String[] {"backward", "ortho", "forward"}) {
            String what = (sine ? "idst∘dst" : "idct∘dct") + t + " n=" + n + " " + nm;
            Tensor y = transform(x, t, sine, false, nm, -1);
            close(x.raw(), transform(y, t, sine, true, nm, -1).raw(), 1e-12, what);
            close(x.raw(), transform(transform(x, t, sine, true, nm, -1), t, sine, false, nm, -1).raw(), 1e-12,
                what + " (inverse first)");
          }
        }
      }
    }
  }

  @Test
  void orthonormalMatricesAreOrthogonal() {
    for (int n : new int[] {1, 2, 5, 8, 33, 34, 65}) {
      for (int t = 1; t <= 4; t++) {
        for (boolean sine : new boolean[] {false, true}) {
          if (t == 1 && !sine && n < 2) {
            continue;
          }
          // the columns T·e_j, transformed at once along axis 0 of the identity
          double[] id = new double[n * n];
          for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
          }
          double[] c = transform(Tensor.wrap(new int[] {n, n}, id), t, sine, false, "ortho", 0).raw();
          for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
              double dot = 0;
              for (int i = 0; i < n; i++) {
                dot += c[i * n + a] * c[i * n + b];
              }
              if (Math.abs(dot - (a == b ? 1 : 0)) > 1e-13) {
                fail((sine ? "dst" : "dct") + t + " n=" + n + ": columns " + a + ", " + b + " have dot " + dot);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void everyAxisOfATensorIsTransformedLaneByLane() {
    Random r = new Random(13);
    int[] shape = {3, 33, 8};
    int size = 3 * 33 * 8;
    double[] v = randn(r, size);
    Tensor x = Tensor.wrap(shape, v);
    for (int ax = 0; ax < 3; ax++) {
      int n = shape[ax];
      int inner = 1;
      for (int i = ax + 1; i < 3; i++) {
        inner *= shape[i];
      }
      int outer = size / (n * inner);
      for (int t = 1; t <= 4; t++) {
        for (boolean sine : new boolean[] {false, true}) {
          for (String nm : new String[] {"backward", "ortho"}) {
            double[] y = transform(x, t, sine, false, nm, ax).raw();
            for (int o = 0; o < outer; o++) {
              for (int i = 0; i < inner; i++) {
                double[] lane = new double[n];
                double[] got = new double[n];
                for (int j = 0; j < n; j++) {
                  lane[j] = v[(o * n + j) * inner + i];
                  got[j] = y[(o * n + j) * inner + i];
                }
                double[] e = nm.equals("ortho") ? orthoDefinition(lane, t, sine) : definition(lane, t, sine);
                close(e, got, 1e-12, (sine ? "dst" : "dct") + t + " axis " + ax + " " + nm);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void largeLengthsAgreeWithTheDefinitionAtSampledOutputs() {
    // lengths where the fast paths are long FFTs (a power of two, an odd composite, a prime, and the
    // recursive DCT-I/DST-I splits): a few outputs by the definition, all at once would be O(N²)
    Random r = new Random(14);
    for (int n : new int[] {4096, 4097, 4095, 3001, 4099}) {
      double[] x = randn(r, n);
      for (int t = 1; t <= 4; t++) {
        for (boolean sine : new boolean[] {false, true}) {
          double[] y = transform(Tensor.vector(x), t, sine, false, "backward", -1).raw();
          double scale = Math.sqrt(n);
          for (int k = 0; k < n; k += k < 8 || k > n - 8 ? 1 : 61) {
            double e = definitionAt(x, t, sine, k);
            if (!(Math.abs(e - y[k]) <= 1e-12 * Math.max(scale, Math.abs(e)))) {
              fail((sine ? "dst" : "dct") + t + " n=" + n + ": at " + k + " expected " + e + ", got " + y[k]);
            }
          }
        }
      }
    }
  }
}
