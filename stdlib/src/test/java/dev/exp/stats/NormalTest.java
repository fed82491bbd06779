package dev.exp.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** stats.norm_pdf / norm_cdf / norm_ppf against scipy.stats.norm (SciPy 1.17.1) and their identities. */
class NormalTest {
  private static void rel(double[] want, Object actual, double rtol) {
    Tensor t = (Tensor) actual;
    assertEquals(want.length, t.size());
    for (int i = 0; i < want.length; i++) {
      assertTrue(Double.compare(want[i], t.at(i)) == 0 || Math.abs(t.at(i) - want[i]) <= rtol * Math.abs(want[i]),
          "at " + i + ": expected " + want[i] + ", got " + t.at(i));
    }
  }

  @Test
  void cdfAndPdfMatchScipyIntoTheTails() {
    Tensor z = Tensor.vector(-30, -20, -10, -5, -1, -0.3, 0, 0.3, 1, 5, 8);
    // scipy.stats.norm.cdf(z). Both sides evaluate erfc at the rounded -z/√2, an error of about 2 z² ulp in the
    // deep tail: at z = -30 the exact value (mpmath, 40 digits) is 4.9067139271481870e-198, SciPy is 5.7e-14 below
    // it, so the tail is checked to 1e-12 relative
    double[] cdf = {4.906713927147908e-198, 2.7536241186061556e-89, 7.61985302416047e-24, 2.866515718791933e-07,
        0.15865525393145707, 0.3820885778110474, 0.5, 0.6179114221889526, 0.8413447460685429, 0.9999997133484281,
        0.9999999999999993};
    rel(cdf, Normal.normCdf(z, 0, 1), 1e-12);
    // scipy.stats.norm.pdf(z)
    double[] pdf = {1.4736461348785476e-196, 5.520948362159764e-88, 7.69459862670642e-23, 1.4867195147342979e-06,
        0.24197072451914337, 0.3813878154605241, 0.3989422804014327, 0.3813878154605241, 0.24197072451914337,
        1.4867195147342979e-06, 5.052271083536893e-15};
    rel(pdf, Normal.normPdf(z, 0, 1), 1e-13);
    assertEquals(1 / Math.sqrt(2 * Math.PI), (Double) Normal.normPdf(0.0, 0, 1), 1e-17);   // closed form
  }

  @Test
  void ppfMatchesScipyInBothTails() {
    Tensor p = Tensor.vector(1e-300, 1e-20, 1e-10, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-10);
    // scipy.stats.norm.ppf(p)
    double[] want = {-37.0470962993612, -9.262340089798409, -6.361340902404056, -3.090232306167813,
        -1.9599639845400545, -0.5244005127080409, 0.0, 0.5244005127080407, 1.959963984540054, 3.090232306167813,
        6.361340889697422};
    rel(want, Normal.normPpf(p, 0, 1), 2e-15);
    assertEquals(Double.NEGATIVE_INFINITY, (Double) Normal.normPpf(0.0, 0, 1), 0);
    assertEquals(Double.POSITIVE_INFINITY, (Double) Normal.normPpf(1.0, 0, 1), 0);
    assertEquals(0, Double.compare(0.0, (Double) Normal.normPpf(0.5, 0, 1)), "ppf(0.5) is +0");
    assertTrue(Double.isNaN((Double) Normal.normPpf(Double.NaN, 0, 1)));
  }

  @Test
  void locationAndScale() {
    // scipy.stats.norm.cdf([1, 4.5], loc=2, scale=1.5), .ppf([0.1, 0.9], ...), .pdf([1, 4.5], ...)
    rel(new double[] {0.2524925375469229, 0.9522096477271853}, Normal.normCdf(Tensor.vector(1, 4.5), 2, 1.5), 1e-15);
    rel(new double[] {0.07767265168309945, 3.9223273483169008}, Normal.normPpf(Tensor.vector(0.1, 0.9), 2, 1.5),
        1e-14);
    rel(new double[] {0.2129653370149015, 0.06631809252849911}, Normal.normPdf(Tensor.vector(1, 4.5), 2, 1.5), 1e-15);
  }

  @Test
  void ppfInvertsCdf() {
    for (double x = -8; x <= 8; x += 0.125) {
      double p = (Double) Normal.normCdf(x, 0, 1);
      // d ppf / dp = 1 / pdf: the round trip is good to ulp(p) / pdf(x), about 1e-15 here
      assertEquals(x, (Double) Normal.normPpf(p, 0, 1), 1e-14 + 1e-16 * p / Normal.pdf(x), "x = " + x);
    }
    for (double p = 0.001; p < 1; p += 0.0123) {
      assertEquals(p, (Double) Normal.normCdf(Normal.normPpf(p, 0, 1), 0, 1), 2e-16 * Math.max(1, 1 / p), "p = " + p);
      assertEquals(-(Double) Normal.normPpf(p, 0, 1), (Double) Normal.normPpf(1 - p, 0, 1),
          1e-15 * Math.max(1, Math.abs(Normal.ppf(p))), "symmetry at p = " + p);
    }
  }

  @Test
  void errorsNameTheValues() {
    KernelException e = assertThrows(KernelException.class, () -> Normal.normPpf(Tensor.vector(0.5, 1.5), 0, 1));
    assertEquals("stats.norm_ppf: p must be in [0, 1], got 1.5", e.getMessage());
    e = assertThrows(KernelException.class, () -> Normal.normCdf(0.0, 0, 0));
    assertEquals("stats.norm_cdf: std must be positive and finite, got 0", e.getMessage());
    e = assertThrows(KernelException.class, () -> Normal.normPdf(0.0, Double.NaN, 1));
    assertEquals("stats.norm_pdf: mean must be finite, got nan", e.getMessage());
  }
}
