package dev.exp.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokenizers on hand-worked examples, round trips, and the unigram model's closed form. */
class TokensTest {
  @Test
  void bytesCharsAndText() {
    assertArrayEquals(new double[] {104, 195, 169}, TokenKernels.bytes("hé").raw());
    assertArrayEquals(new double[] {104, 233}, TokenKernels.chars("hé").raw());
    assertEquals("hé", TokenKernels.text(TokenKernels.chars("hé"), "chars"));
    assertEquals("hé", TokenKernels.text(TokenKernels.bytes("hé"), "bytes"));
  }

  @Test
  void bpeLearnsTheMostFrequentPairsInOrder() {
    // abababcab: (a,b) occurs 4 times -> 256; then 256 256 256 c 256: (256,256) twice -> 257
    Map<String, Object> m = Bpe.bpeTrain("abababcab", 3, null);
    assertArrayEquals(new double[] {97, 98, 256, 256}, ((Tensor) m.get("merges")).raw());
    assertArrayEquals(new double[] {4, 2}, ((Tensor) m.get("counts")).raw(), "stops when no pair repeats");
    assertEquals(258.0, m.get("vocab"));
    assertArrayEquals(new double[] {257, 256, 99, 256}, Bpe.bpeEncode(m, "abababcab").raw());
    assertEquals("abababcab", Bpe.bpeDecode(m, Bpe.bpeEncode(m, "abababcab")));
    assertEquals("ccab ab", Bpe.bpeDecode(m, Bpe.bpeEncode(m, "ccab ab")));
    // binary symbols: 0 0 0 1 0 0 1 -> pairs (0,0) x3, (0,1) x2, (1,0) x1 -> merge (0,0) -> 2
    Map<String, Object> b = Bpe.bpeTrain(Tensor.vector(0, 0, 0, 1, 0, 0, 1), 1, null);
    assertArrayEquals(new double[] {0, 0}, ((Tensor) b.get("merges")).raw());
    assertArrayEquals(new double[] {3}, ((Tensor) b.get("counts")).raw());
    assertArrayEquals(new double[] {2, 0, 1, 2, 1}, Bpe.bpeEncode(b, Tensor.vector(0, 0, 0, 1, 0, 0, 1)).raw());
    assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 1}, ((Tensor) Bpe.bpeDecode(b, Tensor.vector(2, 0, 1, 2, 1))).raw());

    // an empty sequence has no pairs: no merges (it used to fail on its default base, max + 1 = 0)
    Map<String, Object> empty = Bpe.bpeTrain(Tensor.zeros(0), 3, null);
    assertEquals(0, ((Tensor) empty.get("counts")).size());
    assertEquals(1.0, empty.get("base"));
  }

  @Test
  void lz78ParsesIntoNewPhrases() {
    Map<String, Object> r = TokenKernels.lz78(Tensor.vector(0, 0, 1, 0, 1, 1, 0));
    // 0 | 0 1 | 0 1 1 | 0 (a repeat of phrase 1 at the end)
    assertArrayEquals(new double[] {0, 0, 1, 1, 2, 1, 1, -1}, ((Tensor) r.get("pairs")).raw());
    assertArrayEquals(new double[] {1, 2, 3, 1}, ((Tensor) r.get("tokens")).raw());
    assertArrayEquals(new double[] {1, 2, 3, 1}, ((Tensor) r.get("lengths")).raw());
    assertEquals(4.0, r.get("phrases"));
  }

  @Test
  void unigramIsTheAddBetaEstimate() {
    Map<String, Object> u = TokenKernels.unigram(Tensor.vector(0, 0, 0, 1), Tensor.vector(1, 2), 3, 0.5);
    // counts 3, 1, 0 over n = 4 with beta 0.5 and 3 tokens: (3.5, 1.5, 0.5) / 5.5
    assertArrayEquals(new double[] {3.5 / 5.5, 1.5 / 5.5, 0.5 / 5.5}, ((Tensor) u.get("probs")).raw(), 1e-15);
    double bits = -Math.log(1.5 / 5.5) / Math.log(2) - Math.log(0.5 / 5.5) / Math.log(2);
    assertEquals(bits, (Double) u.get("bits"), 1e-12);
    assertEquals(bits / 2, (Double) u.get("bits_per_token"), 1e-12);
  }
}
