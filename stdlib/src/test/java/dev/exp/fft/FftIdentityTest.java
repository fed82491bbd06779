package dev.exp.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Identities of the DFT on sizes too large for literal references: naive sums, inverses, Parseval, convolution. */
class FftIdentityTest {
  static Tensor randn(Random r, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return Tensor.wrap(shape, v);
  }

  @Test
  void primeLengthTransformEqualsTheNaiveSum() {
    int n = 1009;
    Tensor x = randn(new Random(1), n);
    double[] z = FftKernels.fft(x, null, -1, "backward").complexRaw();
    double[] v = x.raw();
    double err = 0;
    for (int k = 0; k < n; k += 7) {
      double re = 0;
      double im = 0;
      for (int j = 0; j < n; j++) {
        double a = -2 * Math.PI * ((long) j * k % n) / n;
        re += v[j] * Math.cos(a);
        im += v[j] * Math.sin(a);
      }
      err = Math.max(err, Math.hypot(re - z[2 * k], im - z[2 * k + 1]));
    }
    assertTrue(err < 1e-10, "max error " + err);
  }

  @Test
  void inversesRoundTripAndParsevalHolds() {
    Random r = new Random(2);
    for (int n : new int[] {1, 2, 3, 1024, 1009, 4099, 6000}) {
      Tensor x = randn(r, n);
      Tensor f = FftKernels.fft(x, null, -1, "backward");
      Reference.same(Tensor.complex(x, Tensor.zeros(n)), FftKernels.ifft(f, null, -1, "backward"), 1e-13, "ifft∘fft " + n);
      Reference.same(x, FftKernels.irfft(FftKernels.rfft(x, null, -1, "backward"), n, -1, "backward"), 1e-13,
          "irfft∘rfft " + n);
      double ex = 0;
      for (double v : x.raw()) {
        ex += v * v;
      }
      double ef = 0;
      for (double v : FftKernels.fft(x, null, -1, "ortho").complexRaw()) {
        ef += v * v;
      }
      assertEquals(ex, ef, 1e-12 * ex, "Parseval " + n);
    }
  }

  @Test
  void twoDimensionalTransformIsSeparableAndInvertible() {
    Tensor m = randn(new Random(3), 64, 81);
    Tensor f2 = FftKernels.fft2(m, null, null, "backward");
    Tensor rows = FftKernels.fft(FftKernels.fft(m, null, 1, "backward"), null, 0, "backward");
    Reference.same(rows, f2, 1e-13, "fft2 = fft over rows then columns");
    Reference.same(m, FftKernels.irfft2(FftKernels.rfft2(m, null, null, "backward"), new int[] {64, 81}, null,
        "backward"), 1e-13, "irfft2∘rfft2");
  }

  @Test
  void fftConvolutionEqualsTheDirectSum() {
    Random r = new Random(4);
    Tensor a = randn(r, 3001);
    Tensor b = randn(r, 257);
    for (String mode : new String[] {"full", "same", "valid"}) {
      Reference.same(Convolution.convolve(a, b, mode, "direct"), Convolution.convolve(a, b, mode, "fft"), 1e-12,
          "convolution theorem " + mode);
    }
    Tensor longA = randn(r, 20000);
    for (String mode : new String[] {"full", "same", "valid"}) {
      Reference.same(Convolution.convolve(longA, b, mode, "direct"), Convolution.convolve(longA, b, mode, "fft"), 1e-12,
          "overlap-add " + mode);
      Reference.same(Convolution.convolve(b, longA, mode, "direct"), Convolution.convolve(b, longA, mode, "fft"), 1e-12,
          "overlap-add, kernel first " + mode);
    }
    assertEquals(2, Convolution.fastLength(1));
    assertEquals(1000, Convolution.fastLength(1000));
    assertEquals(1024, Convolution.fastLength(1013));
    assertEquals(101250, Convolution.fastLength(100999)); // 2·3⁴·5⁴
  }

  @Test
  void orthonormalCosineTransformsPreserveNorm() {
    Tensor x = randn(new Random(5), 37);
    for (int t = 1; t <= 4; t++) {
      Reference.same(x, DctKernels.idct(DctKernels.dct(x, t, -1, "ortho"), t, -1, "ortho"), 1e-13, "idct∘dct " + t);
      Reference.same(x, DctKernels.idst(DctKernels.dst(x, t, -1, "backward"), t, -1, "backward"), 1e-13, "idst∘dst " + t);
    }
  }

  @Test
  void errorsNameTheProblem() {
    Tensor x = Tensor.vector(1, 2, 3);
    assertTrue(assertThrows(KernelException.class, () -> FftKernels.fft(x, null, -1, "both")).getMessage()
        .contains("norm must be"));
    assertTrue(assertThrows(KernelException.class, () -> FftKernels.fft(x, 0, -1, "ortho")).getMessage()
        .contains("length must be >= 1"));
    assertTrue(assertThrows(KernelException.class, () -> FftKernels.rfft(FftKernels.fft(x, null, -1, null), null, -1,
        null)).getMessage().contains("needs real input"));
    assertTrue(assertThrows(KernelException.class, () -> DctKernels.dct(x, 5, -1, null)).getMessage()
        .contains("type must be"));
    assertTrue(assertThrows(KernelException.class, () -> Convolution.convolve(x, x, "middle", "auto")).getMessage()
        .contains("mode must be"));
    assertTrue(assertThrows(KernelException.class, () -> FftKernels.fftn(x, null, new int[] {0, -1}, null))
        .getMessage().contains("appears twice"));
  }
}
