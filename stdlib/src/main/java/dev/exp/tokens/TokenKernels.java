package dev.exp.tokens;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Byte and character tokenizers, the LZ78 dictionary parse, and an add-β unigram model over tokens. */
public final class TokenKernels {
  private TokenKernels() {}

  @Kernel(name = "tokens.bytes", doc = "The UTF-8 bytes of a string as a vector of integers 0..255. "
      + "Example: tokens.bytes(\"hé\") is [104, 195, 169]")
  public static Tensor bytes(@Arg("text") String text) {
    return Symbols.vector(Symbols.of(text, "tokens.bytes"), text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Kernel(name = "tokens.chars", doc = "The Unicode code points of a string as a vector of integers (one per "
      + "character). Example: tokens.chars(\"hé\") is [104, 233]")
  public static Tensor chars(@Arg("text") String text) {
    int[] cp = text.codePoints().toArray();
    return Symbols.vector(cp, cp.length);
  }

  @Kernel(name = "tokens.text", doc = "The string of a vector of code points (kind \"chars\", default) or of UTF-8 "
      + "bytes (kind \"bytes\"); the inverse of tokens.chars / tokens.bytes. Example: tokens.text([104, 105]) is \"hi\"")
  public static String text(@Arg("ids") Tensor ids, @Arg(value = "kind", dflt = "\"chars\"") String kind) {
    int[] v = Symbols.of(ids, "tokens.text");
    if (kind.equals("bytes")) {
      byte[] b = new byte[v.length];
      for (int i = 0; i < v.length; i++) {
        if (v[i] > 255) {
          throw KernelException.of("tokens.text: a byte must be in 0..255, got %d", v[i]);
        }
        b[i] = (byte) v[i];
      }
      return new String(b, StandardCharsets.UTF_8);
    }
    if (!kind.equals("chars")) {
      throw KernelException.of("tokens.text: kind must be \"chars\" or \"bytes\", got \"%s\"", kind);
    }
    StringBuilder sb = new StringBuilder();
    for (int c : v) {
      if (!Character.isValidCodePoint(c)) {
        throw KernelException.of("tokens.text: %d is not a Unicode code point", c);
      }
      sb.appendCodePoint(c);
    }
    return sb.toString();
  }

  @Kernel(name = "tokens.lz78", doc = "The LZ78 parse of a string (UTF-8 bytes) or symbol vector: the sequence is cut "
      + "into phrases, each the longest phrase already in the dictionary plus one more symbol, and each new phrase "
      + "is added (phrase 0 is the empty phrase; the last phrase may be a repeat with no new symbol, -1). Returns "
      + "{tokens [m] (the phrase number of each cut, 1..m), pairs [m, 2] ((prefix phrase, next symbol)), phrases "
      + "(m), lengths [m]}. m·log m / n tends to the entropy rate of a stationary ergodic source. "
      + "Example: tokens.lz78([0, 0, 1, 0, 1, 1]).pairs is [[0, 0], [1, 1], [2, 1]]")
  public static Map<String, Object> lz78(@Arg("seq") Object seq) {
    int[] s = Symbols.of(seq, "tokens.lz78");
    HashMap<Long, Integer> dict = new HashMap<>();
    java.util.ArrayList<int[]> pairs = new java.util.ArrayList<>();
    java.util.ArrayList<Integer> lengths = new java.util.ArrayList<>();
    int i = 0;
    while (i < s.length) {
      int node = 0;
      int len = 0;
      while (i < s.length) {
        Integer next = dict.get(((long) node << 32) | s[i]);
        if (next == null) {
          break;
        }
        node = next;
        i++;
        len++;
      }
      if (i < s.length) {
        dict.put(((long) node << 32) | s[i], pairs.size() + 1);
        pairs.add(new int[] {node, s[i]});
        lengths.add(len + 1);
        i++;
      } else {
        pairs.add(new int[] {node, -1});
        lengths.add(len);
      }
    }
    int m = pairs.size();
    double[] tok = new double[m];
    double[] pr = new double[2 * m];
    double[] ln = new double[m];
    for (int j = 0; j < m; j++) {
      tok[j] = pairs.get(j)[1] < 0 ? pairs.get(j)[0] : j + 1;
      pr[2 * j] = pairs.get(j)[0];
      pr[2 * j + 1] = pairs.get(j)[1];
      ln[j] = lengths.get(j);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("tokens", Tensor.wrap(new int[] {m}, tok));
    r.put("pairs", Tensor.wrap(new int[] {m, 2}, pr));
    r.put("phrases", (double) m);
    r.put("lengths", Tensor.wrap(new int[] {m}, ln));
    return r;
  }

  @Kernel(name = "tokens.unigram", doc = "An add-β unigram model over tokens 0..vocab−1 fitted on train, scored on "
      + "test: p(t) = (count(t) + β)/(n + β·vocab). Returns {probs [vocab], bits (total −log2 p over test), "
      + "bits_per_token}. Divide bits by the number of underlying characters for bits per character. vocab: default "
      + "1 + the largest token in train or test (pass the BPE model's vocab). beta: default 0.5 (Krichevsky–Trofimov). "
      + "Example: tokens.unigram(train_tokens, test_tokens, vocab: model.vocab).bits")
  public static Map<String, Object> unigram(@Arg("train") Tensor train, @Arg("test") Tensor test,
      @Arg(value = "vocab", dflt = "none") Integer vocab, @Arg(value = "beta", dflt = "0.5") double beta) {
    String fn = "tokens.unigram";
    int[] tr = Symbols.of(train, fn);
    int[] te = Symbols.of(test, fn);
    int v = vocab != null ? vocab : Math.max(Symbols.max(tr), Symbols.max(te)) + 1;
    if (v < 1 || Symbols.max(tr) >= v || Symbols.max(te) >= v) {
      throw KernelException.of("%s: vocab = %d must exceed every token (largest %d)", fn, v,
          Math.max(Symbols.max(tr), Symbols.max(te)));
    }
    if (!(beta >= 0) || beta == 0 && te.length > 0 && tr.length == 0) {
      throw KernelException.of("%s: beta must be >= 0 (and > 0 without training data), got %s", fn, beta);
    }
    double[] p = new double[v];
    for (int t : tr) {
      p[t]++;
    }
    double denom = tr.length + beta * v;
    for (int t = 0; t < v; t++) {
      p[t] = (p[t] + beta) / denom;
    }
    double bits = 0;
    for (int t : te) {
      bits -= Math.log(p[t]) / Math.log(2);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("probs", Tensor.wrap(new int[] {v}, p));
    r.put("bits", bits);
    r.put("bits_per_token", te.length == 0 ? Double.NaN : bits / te.length);
    return r;
  }
}
