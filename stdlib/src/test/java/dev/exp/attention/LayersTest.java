package dev.exp.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayersTest {

  @Test
  void layerNormGivesMeanZeroVarianceOneThenAffine() {
    Rng rng = new Rng(4);
    Tensor x = Ref.randn(rng, 7, 5, 16);
    Tensor y = Layers.layerNorm(x, null, null, 0);
    for (int r = 0; r < 5; r++) {
      double mean = 0;
      double var = 0;
      for (int c = 0; c < 16; c++) {
        mean += y.get(r, c);
      }
      mean /= 16;
      for (int c = 0; c < 16; c++) {
        var += (y.get(r, c) - mean) * (y.get(r, c) - mean);
      }
      assertEquals(0, mean, 1e-15);
      assertEquals(1, var / 16, 1e-14);
    }
    // hand example: [1, 2, 3] has mean 2 and biased variance 2/3
    Tensor h = Layers.layerNorm(Tensor.vector(1, 2, 3), Tensor.vector(2, 2, 2), Tensor.vector(0, 1, 0), 0);
    double s = Math.sqrt(1.5);
    assertEquals(-2 * s, h.get(0), 1e-15);
    assertEquals(1, h.get(1), 1e-15);
    assertEquals(2 * s, h.get(2), 1e-15);
    // eps enters under the square root: var 2/3 + eps
    Tensor e = Layers.layerNorm(Tensor.vector(1, 2, 3), null, null, 1.0 / 3);
    assertEquals(1, e.get(2), 1e-15);
  }

  @Test
  void rmsNormKnownValues() {
    // [3, 4]: mean of squares 12.5; rms = sqrt(12.5)
    Tensor y = Layers.rmsNorm(Tensor.vector(3, 4), null, 0);
    assertEquals(3 / Math.sqrt(12.5), y.get(0), 1e-15);
    assertEquals(4 / Math.sqrt(12.5), y.get(1), 1e-15);
    // [1, 1, 1, 1] with eps 3: 1 / sqrt(1 + 3) = 0.5, times gamma
    Tensor z = Layers.rmsNorm(Tensor.matrix(new double[][] {{1, 1, 1, 1}, {-2, 2, -2, 2}}), Tensor.vector(1, 2, 3, 4), 3);
    assertEquals(0.5, z.get(0, 0), 1e-15);
    assertEquals(2.0, z.get(0, 3), 1e-15);
    assertEquals(-2 / Math.sqrt(7), z.get(1, 0), 1e-15);
  }

  @Test
  void geluAtKnownPoints() {
    Tensor g = Layers.gelu(Tensor.vector(1, -1, 0, 2, -10, 30), false);
    assertEquals(0.8413447460685429, g.get(0), 1e-15);
    assertEquals(-0.15865525393145707, g.get(1), 1e-15 * 0.16 * 4);
    assertEquals(0.0, g.get(2), 0.0);
    assertEquals(2 * 0.9772498680518208, g.get(3), 1e-15); // Φ(2) = 0.97724986805182079...
    // x Φ(x) at x = -10: -10 · 7.619853024160527e-24 (Φ(-10)), full relative accuracy through erfc
    assertEquals(-7.619853024160527e-23, g.get(4), 1e-36);
    assertEquals(30, g.get(5), 0.0);
    // tanh approximation at 1: 0.5 (1 + tanh(sqrt(2/pi) · 1.044715))
    Tensor t = Layers.gelu(Tensor.vector(1), true);
    assertEquals(0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * 1.044715)), t.get(0), 1e-16);
    assertEquals(0.8411919906082768, t.get(0), 1e-15);
  }

  @Test
  void feedForwardEqualsHandComposition() {
    Tensor x = Tensor.matrix(new double[][] {{1, -2}, {0.5, 3}});
    Tensor w1 = Tensor.matrix(new double[][] {{1, 0, -1}, {0, 1, 1}});
    Tensor b1 = Tensor.vector(0, -1, 0.5);
    Tensor w2 = Tensor.matrix(new double[][] {{1}, {2}, {-1}});
    Tensor b2 = Tensor.vector(0.25);
    // row 0: h = [1, -3, -2.5] -> relu [1, 0, 0] -> 1 + 0.25
    // row 1: h = [0.5, 2, 3] -> relu same -> 0.5 + 4 - 3 + 0.25
    Tensor y = Layers.feedForward(x, w1, b1, w2, b2, "relu");
    assertEquals(1.25, y.get(0, 0), 1e-15);
    assertEquals(1.75, y.get(1, 0), 1e-15);
    Tensor g = Layers.feedForward(x, w1, b1, w2, null, "gelu");
    double expected0 = Layers.geluExact(1) + 2 * Layers.geluExact(-3) - Layers.geluExact(-2.5);
    assertEquals(expected0, g.get(0, 0), 1e-15);
    Tensor s = Layers.feedForward(x, w1, null, w2, null, "silu");
    double silu = 1 / (1 + Math.exp(-1.0)); // silu(1); row 0 pre-activations [1, -2, -3]
    double expectedS = silu - 2 * 2 / (1 + Math.exp(2.0)) + 3 / (1 + Math.exp(3.0));
    assertEquals(expectedS, s.get(0, 0), 1e-15);
    assertTrue(assertThrows(KernelException.class, () -> Layers.feedForward(x, w1, b1, w2, b2, "tanh")).getMessage()
        .contains("unknown activation \"tanh\""));
    assertTrue(assertThrows(KernelException.class, () -> Layers.feedForward(x, w2, b1, w2, b2, "relu")).getMessage()
        .contains("w1 must be [2, d_ff]"));
  }
}
