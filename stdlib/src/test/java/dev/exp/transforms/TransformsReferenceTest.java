package dev.exp.transforms;

import static dev.exp.fft.Reference.assertMatchesReference;
import static dev.exp.fft.Reference.input;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.fft.Reference;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Walsh–Hadamard, q-ary Fourier, zeta/Möbius and interaction indices against values computed
 * independently in make_transforms_reference.py (Hadamard matrices, direct sums, enumeration of
 * permutations and coalitions, weighted least squares for the Faith indices).
 */
class TransformsReferenceTest {
  static final double TOL = 1e-12;

  @Test
  void walshHadamardInEveryOrderAndNorm() {
    Tensor w = input("w16");
    assertMatchesReference("wht_w16", Walsh.wht(w, "natural", "backward"), TOL);
    assertMatchesReference("wht_w16_sequency", Walsh.wht(w, "sequency", "backward"), TOL);
    assertMatchesReference("wht_w16_dyadic", Walsh.wht(w, "dyadic", "backward"), TOL);
    assertMatchesReference("wht_w16_forward", Walsh.wht(w, "natural", "forward"), TOL);
    assertMatchesReference("wht_w16_ortho", Walsh.wht(w, "natural", "ortho"), TOL);
    assertMatchesReference("wht_wb", Walsh.wht(input("wb"), "natural", "backward"), TOL);
    for (String order : new String[] {"natural", "sequency", "dyadic"}) {
      for (String norm : new String[] {"backward", "ortho", "forward"}) {
        Reference.same(w, Walsh.iwht(Walsh.wht(w, order, norm), order, norm), TOL, "iwht∘wht " + order + " " + norm);
      }
    }
  }

  @Test
  void qaryFourierEqualsTheDirectSum() {
    assertMatchesReference("qft_f333", Qary.qft(input("f333"), null, "forward"), TOL);
    assertMatchesReference("qft_f44", Qary.qft(input("f44"), null, "forward"), TOL);
    // a vector of q^n values with q: the transform of its [q, ..., q] form, in the vector's shape
    Tensor flat = Qary.qft(input("f333").reshape(27), 3, "forward");
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {27}, flat.shape());
    assertMatchesReference("qft_f333", flat.reshape(3, 3, 3), TOL);
    Tensor back = Qary.iqft(flat, 3, "forward");
    Reference.same(input("f333").reshape(27), (Tensor) dev.exp.tensor.ComplexKernels.real(back), TOL, "iqft∘qft of a vector with q");
    Tensor f = input("f44");
    Reference.same(f, Qary.iqft(Qary.qft(f, null, "forward"), null, "forward"), TOL, "iqft∘qft");
  }

  @Test
  void latticeTransformsEqualTheSubsetSums() {
    Tensor g = input("game5");
    assertMatchesReference("mobius_game5", Lattice.mobius(g, "subset"), TOL);
    assertMatchesReference("zeta_game5", Lattice.zeta(g, "subset"), TOL);
    assertMatchesReference("zeta_sup_game5", Lattice.zeta(g, "superset"), TOL);
    assertMatchesReference("mobius_sup_game5", Lattice.mobius(g, "superset"), TOL);
    Reference.same(g, Lattice.zeta(Lattice.mobius(g, "subset"), "subset"), TOL, "zeta∘mobius");
    Reference.same(g, Lattice.mobius(Lattice.zeta(g, "superset"), "superset"), TOL, "mobius∘zeta superset");
  }

  @Test
  void valuesAndInteractionIndicesEqualTheirDefinitions() {
    Tensor g = input("game5");
    Tensor a = Lattice.mobius(g, "subset");
    Tensor phi = Interactions.shapley(a);
    assertMatchesReference("shapley_game5", phi, TOL);
    assertMatchesReference("banzhaf_game5", Interactions.banzhaf(a), TOL);
    double sum = 0;
    for (double v : phi.raw()) {
      sum += v;
    }
    assertEquals(g.at(31) - g.at(0), sum, 1e-12, "efficiency");
    for (int k = 1; k <= 3; k++) {
      assertMatchesReference("shapley_interaction_k" + k, Interactions.interactions(a, k, "shapley"), TOL);
      assertMatchesReference("banzhaf_interaction_k" + k, Interactions.interactions(a, k, "banzhaf"), TOL);
      assertMatchesReference("shapley_taylor_k" + k, Interactions.interactions(a, k, "shapley_taylor"), TOL);
      assertMatchesReference("faith_banzhaf_k" + k, Interactions.interactions(a, k, "faith_banzhaf"), 1e-10);
      assertMatchesReference("faith_shapley_k" + k, Interactions.interactions(a, k, "faith_shapley"), 1e-10);
    }
  }
}
