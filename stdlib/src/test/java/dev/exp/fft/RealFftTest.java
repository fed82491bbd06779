package dev.exp.fft;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed real FFT, by JTransforms or through the half-length complex FFT, against the naive DFT. */
class RealFftTest {
  @Test
  void forwardIsTheDftInPackedLayoutAndInverseThePlainSum() {
    Random r = new Random(21);
    // odd, powers of two, 2-3-5-smooth (JTransforms' real FFT) and even with a large prime factor (split)
    for (int n : new int[] {1, 2, 3, 4, 6, 7, 8, 14, 22, 34, 38, 60, 64, 202, 1000, 2018, 2 * 4099}) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextGaussian();
      }
      RealFft f = new RealFft(n);
      double[] a = x.clone();
      f.forward(a, 0);
      for (int k = 0; k <= n / 2; k++) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < n; j++) {
          double t = -2 * Math.PI * ((long) j * k % n) / n;
          re += x[j] * Math.cos(t);
          im += x[j] * Math.sin(t);
        }
        double gotRe;
        double gotIm;
        if (k == 0) {
          gotRe = a[0];
          gotIm = 0;
        } else if (n % 2 == 0 && k == n / 2) {
          gotRe = a[1];
          gotIm = 0;
        } else if (n % 2 == 1 && k == (n - 1) / 2) {
          gotRe = a[n - 1];
          gotIm = a[1];
        } else {
          gotRe = a[2 * k];
          gotIm = a[2 * k + 1];
        }
        double tol = 1e-12 * Math.max(1, Math.sqrt(n));
        if (Math.abs(gotRe - re) > tol || Math.abs(gotIm - im) > tol) {
          fail("n=" + n + " k=" + k + ": expected " + re + " + " + im + "i, got " + gotRe + " + " + gotIm + "i");
        }
      }
      // the inverse of the forward is n·x up to the gain
      f.inverse(a, 0);
      double g = f.inverseGain() * n;
      for (int j = 0; j < n; j++) {
        if (Math.abs(a[j] / g - x[j]) > 1e-12) {
          fail("n=" + n + ": inverse at " + j + " expected " + x[j] + ", got " + a[j] / g);
        }
      }
    }
  }
}
