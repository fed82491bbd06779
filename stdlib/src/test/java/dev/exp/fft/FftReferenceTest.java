package dev.exp.fft;

import static dev.exp.fft.Reference.assertMatchesReference;
import static dev.exp.fft.Reference.input;

import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** numpy.fft, scipy.fft and scipy.signal values on literal inputs (reference/make_transforms_reference.py). */
class FftReferenceTest {
  static final double TOL = 1e-12;

  @Test
  void oneDimensionalTransformsMatchNumpyInEveryNormMode() {
    for (String nm : new String[] {"backward", "ortho", "forward"}) {
      assertMatchesReference("fft_x7_" + nm, FftKernels.fft(input("x7"), null, -1, nm), TOL);
      assertMatchesReference("ifft_z13_" + nm, FftKernels.ifft(input("z13"), null, -1, nm), TOL);
      assertMatchesReference("rfft_x9_" + nm, FftKernels.rfft(input("x9"), null, -1, nm), TOL);
      assertMatchesReference("irfft_z13_" + nm, FftKernels.irfft(input("z13"), null, -1, nm), TOL);
    }
    assertMatchesReference("fft_x97", FftKernels.fft(input("x97"), null, -1, "backward"), TOL);
    assertMatchesReference("fft_z13", FftKernels.fft(input("z13"), null, -1, "backward"), TOL);
    assertMatchesReference("fft_x8_n10", FftKernels.fft(input("x8"), 10, -1, "backward"), TOL);
    assertMatchesReference("fft_x8_n5", FftKernels.fft(input("x8"), 5, -1, "backward"), TOL);
    assertMatchesReference("rfft_x8", FftKernels.rfft(input("x8"), null, -1, "backward"), TOL);
    assertMatchesReference("rfft_x97", FftKernels.rfft(input("x97"), null, -1, "backward"), TOL);
    assertMatchesReference("rfft_x7_n12", FftKernels.rfft(input("x7"), 12, 0, "backward"), TOL);
    assertMatchesReference("irfft_z13_n9", FftKernels.irfft(input("z13"), 9, -1, "backward"), TOL);
    assertMatchesReference("irfft_z13_n30", FftKernels.irfft(input("z13"), 30, -1, "backward"), TOL);
    assertMatchesReference("irfft_z13_n7", FftKernels.irfft(input("z13"), 7, -1, "backward"), TOL);
    assertMatchesReference("irfft_z13_n8", FftKernels.irfft(input("z13"), 8, -1, "backward"), TOL);
    assertMatchesReference("irfft_z13_n16", FftKernels.irfft(input("z13"), 16, -1, "backward"), TOL);
  }

  @Test
  void multiDimensionalTransformsMatchNumpy() {
    Tensor m = input("m65");
    Tensor zm = input("zm45");
    Tensor c = input("c345");
    assertMatchesReference("fft_m65_axis0", FftKernels.fft(m, null, 0, "backward"), TOL);
    assertMatchesReference("fft2_m65", FftKernels.fft2(m, null, null, "backward"), TOL);
    assertMatchesReference("ifft2_zm45_ortho", FftKernels.ifft2(zm, null, null, "ortho"), TOL);
    assertMatchesReference("fft2_m65_s48", FftKernels.fft2(m, new int[] {4, 8}, null, "backward"), TOL);
    assertMatchesReference("rfft2_m65", FftKernels.rfft2(m, null, null, "backward"), TOL);
    assertMatchesReference("irfft2_zm45", FftKernels.irfft2(zm, null, null, "backward"), TOL);
    assertMatchesReference("irfft2_zm45_s47", FftKernels.irfft2(zm, new int[] {4, 7}, null, "backward"), TOL);
    assertMatchesReference("fftn_c345", FftKernels.fftn(c, null, null, "backward"), TOL);
    assertMatchesReference("fftn_c345_axes02", FftKernels.fftn(c, null, new int[] {0, 2}, "backward"), TOL);
    assertMatchesReference("ifftn_c345_forward", FftKernels.ifftn(c, null, null, "forward"), TOL);
    assertMatchesReference("rfftn_c345", FftKernels.rfftn(c, null, null, "backward"), TOL);
    assertMatchesReference("irfftn_rfftn_c345_s345",
        FftKernels.irfftn(FftKernels.rfftn(c, null, null, "backward"), new int[] {3, 4, 5}, null, "backward"), TOL);
    assertMatchesReference("rfftn_c345_axes10", FftKernels.rfftn(c, null, new int[] {1, 0}, "backward"), TOL);
  }

  @Test
  void frequenciesAndShiftsMatchNumpy() {
    assertMatchesReference("fftfreq_7_0.1", Frequencies.fftfreq(7, 0.1), 1e-15);
    assertMatchesReference("fftfreq_8", Frequencies.fftfreq(8, 1), 1e-15);
    assertMatchesReference("rfftfreq_9_0.5", Frequencies.rfftfreq(9, 0.5), 1e-15);
    assertMatchesReference("fftshift_m65", Frequencies.fftshift(input("m65"), null), 0);
    assertMatchesReference("ifftshift_m65", Frequencies.ifftshift(input("m65"), null), 0);
    assertMatchesReference("fftshift_m65_axes1", Frequencies.fftshift(input("m65"), new int[] {1}), 0);
    assertMatchesReference("fftshift_zm45", Frequencies.fftshift(input("zm45"), null), 0);
  }

  @Test
  void cosineAndSineTransformsMatchScipyForEveryTypeAndNorm() {
    for (int t = 1; t <= 4; t++) {
      for (String nm : new String[] {"backward", "ortho", "forward"}) {
        assertMatchesReference("dct" + t + "_x7_" + nm, DctKernels.dct(input("x7"), t, -1, nm), TOL);
        assertMatchesReference("dst" + t + "_x7_" + nm, DctKernels.dst(input("x7"), t, -1, nm), TOL);
        assertMatchesReference("idct" + t + "_x8_" + nm, DctKernels.idct(input("x8"), t, -1, nm), TOL);
        assertMatchesReference("idst" + t + "_x8_" + nm, DctKernels.idst(input("x8"), t, -1, nm), TOL);
      }
    }
    assertMatchesReference("dct2_m65_axis0_ortho", DctKernels.dct(input("m65"), 2, 0, "ortho"), TOL);
    assertMatchesReference("dst4_m65", DctKernels.dst(input("m65"), 4, -1, "backward"), TOL);
  }

  @Test
  void convolutionAndCorrelationMatchScipyByBothMethods() {
    for (String mode : new String[] {"full", "same", "valid"}) {
      for (String method : new String[] {"auto", "fft", "direct"}) {
        assertMatchesReference("conv_a50_b7_" + mode, Convolution.convolve(input("a50"), input("b7"), mode, method), TOL);
        assertMatchesReference("conv_a50_b64_" + mode, Convolution.convolve(input("a50"), input("b64"), mode, method), TOL);
        assertMatchesReference("corr_a50_b7_" + mode, Convolution.correlate(input("a50"), input("b7"), mode, method), TOL);
        assertMatchesReference("conv_za_zb_" + mode, Convolution.convolve(input("za20"), input("zb6"), mode, method), TOL);
        assertMatchesReference("corr_za_zb_" + mode, Convolution.correlate(input("za20"), input("zb6"), mode, method), TOL);
      }
    }
    assertMatchesReference("conv_b7_a50_same", Convolution.convolve(input("b7"), input("a50"), "same", "fft"), TOL);
  }
}
