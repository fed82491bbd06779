package dev.exp.fft;

import dev.exp.tensor.Tensor;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The full 2-D DFT of a matrix on JTransforms' 2-D plans (which transform columns in cache-sized
 * blocks and use the library's threads), used by fft2/ifft2/fftn when both axes of a matrix are
 * transformed at their own lengths.
 */
final class Fft2 {
  private Fft2() {}

  static Tensor transform(Tensor x, boolean inverse, Norm norm) {
    int r = x.dim(0);
    int c = x.dim(1);
    double scale = norm.scale(r, inverse) * norm.scale(c, inverse);
    DoubleFFT_2D plan = Plans.of(r, c);
    double[] z;
    if (!x.isComplex() && !inverse) {
      z = new double[2 * r * c];
      System.arraycopy(x.raw(), 0, z, 0, r * c);
      plan.realForwardFull(z);
    } else {
      z = x.complexRaw().clone();
      if (inverse) {
        plan.complexInverse(z, false);
      } else {
        plan.complexForward(z);
      }
    }
    Fft.scaleAll(z, scale);
    return Tensor.wrapComplex(new int[] {r, c}, z);
  }
}
