package dev.exp.tokens;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Byte-pair encoding over integer symbols (or a string's UTF-8 bytes): training returns the ordered
 * merge list with the pair count at each step; encoding applies the merges in order; decoding
 * expands tokens back to symbols.
 */
public final class Bpe {
  private Bpe() {}

  static final String MODEL_DOC = " A model is the record {merges [k, 2] (merge t joins the pair (left, right) into "
      + "the new token base + t), counts [k], base (the symbol alphabet size: 256 for text), vocab (base + k), text}.";

  @Kernel(name = "tokens.bpe_train", doc = "Trains byte-pair encoding: starting from the symbols, repeatedly merge the "
      + "most frequent adjacent pair of tokens (counted at every position, so a run aaa counts (a, a) twice; ties go "
      + "to the smallest pair) into a new token, replacing occurrences left to right, for `merges` steps or until no "
      + "pair occurs twice. seq: a string (UTF-8 bytes, base 256) or a vector of integer symbols (base: default "
      + "max + 1)." + MODEL_DOC + " Example: tokens.bpe_train(\"abababcab\", 2).merges is [[97, 98], [256, 256]]")
  public static Map<String, Object> bpeTrain(@Arg("seq") Object seq, @Arg("merges") int merges,
      @Arg(value = "base", dflt = "none") Integer base) {
    String fn = "tokens.bpe_train";
    int[] s = Symbols.of(seq, fn);
    boolean text = seq instanceof String;
    int b = base != null ? base : text ? 256 : Math.max(1, Symbols.max(s) + 1);   // an empty sequence: base 1, no merges
    if (Symbols.max(s) >= b || b < 1) {
      throw KernelException.of("%s: base must exceed every symbol (max %d), got %d", fn, Symbols.max(s), b);
    }
    if (merges < 0) {
      throw KernelException.of("%s: merges must be >= 0, got %d", fn, merges);
    }
    int len = s.length;
    int[] cur = s.clone();
    double[] pairs = new double[2 * merges];
    double[] counts = new double[merges];
    int done = 0;
    for (; done < merges; done++) {
      HashMap<Long, int[]> count = new HashMap<>();
      for (int i = 0; i + 1 < len; i++) {
        long key = ((long) cur[i] << 32) | cur[i + 1];
        count.computeIfAbsent(key, k -> new int[1])[0]++;
      }
      long best = -1;
      int bestCount = 1;
      for (Map.Entry<Long, int[]> e : count.entrySet()) {
        int c = e.getValue()[0];
        if (c > bestCount || c == bestCount && best >= 0 && Long.compareUnsigned(e.getKey(), best) < 0) {
          best = e.getKey();
          bestCount = c;
        }
      }
      if (best < 0) {
        break;
      }
      int left = (int) (best >>> 32);
      int right = (int) best;
      pairs[2 * done] = left;
      pairs[2 * done + 1] = right;
      counts[done] = bestCount;
      len = replace(cur, len, left, right, b + done);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("merges", Tensor.wrap(new int[] {done, 2}, java.util.Arrays.copyOf(pairs, 2 * done)));
    m.put("counts", Tensor.wrap(new int[] {done}, java.util.Arrays.copyOf(counts, done)));
    m.put("base", (double) b);
    m.put("vocab", (double) (b + done));
    m.put("text", text);
    return m;
  }

  @Kernel(name = "tokens.bpe_encode", doc = "Encodes a string or symbol vector with a BPE model: the merges are applied "
      + "in training order, each left to right. Returns the token vector." + MODEL_DOC
      + " Example: tokens.bpe_encode(model, \"abab\")")
  public static Tensor bpeEncode(@Arg("model") Map<String, Object> model, @Arg("seq") Object seq) {
    String fn = "tokens.bpe_encode";
    int[] s = Symbols.of(seq, fn);
    int b = base(model, fn);
    double[] merges = ((Tensor) model.get("merges")).raw();
    if (Symbols.max(s) >= b) {
      throw KernelException.of("%s: symbol %d is outside the model's base alphabet 0..%d", fn, Symbols.max(s), b - 1);
    }
    int len = s.length;
    for (int t = 0; t < merges.length / 2; t++) {
      len = replace(s, len, (int) merges[2 * t], (int) merges[2 * t + 1], b + t);
    }
    return Symbols.vector(s, len);
  }

  @Kernel(name = "tokens.bpe_decode", doc = "Expands BPE tokens back to symbols: a string when the model was trained "
      + "on text, else a symbol vector; bpe_decode(m, bpe_encode(m, s)) = s." + MODEL_DOC
      + " Example: tokens.bpe_decode(model, tokens.bpe_encode(model, \"abab\")) is \"abab\"")
  public static Object bpeDecode(@Arg("model") Map<String, Object> model, @Arg("tokens") Tensor tokens) {
    String fn = "tokens.bpe_decode";
    int b = base(model, fn);
    double[] merges = ((Tensor) model.get("merges")).raw();
    int vocab = b + merges.length / 2;
    int[] t = Symbols.of(tokens, fn);
    java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
    java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
    for (int tok : t) {
      if (tok >= vocab) {
        throw KernelException.of("%s: token %d is outside the model's vocabulary 0..%d", fn, tok, vocab - 1);
      }
      stack.push(tok);
      while (!stack.isEmpty()) {
        int x = stack.pop();
        if (x < b) {
          out.add(x);
        } else {
          stack.push((int) merges[2 * (x - b) + 1]);
          stack.push((int) merges[2 * (x - b)]);
        }
      }
    }
    if (Boolean.TRUE.equals(model.get("text"))) {
      byte[] bytes = new byte[out.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (int) out.get(i);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
    double[] d = new double[out.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = out.get(i);
    }
    return Tensor.wrap(new int[] {d.length}, d);
  }

  /** Replaces (left, right) by tok left to right in s[0..len); returns the new length. */
  static int replace(int[] s, int len, int left, int right, int tok) {
    int w = 0;
    for (int i = 0; i < len; i++) {
      if (i + 1 < len && s[i] == left && s[i + 1] == right) {
        s[w++] = tok;
        i++;
      } else {
        s[w++] = s[i];
      }
    }
    return w;
  }

  static int base(Map<String, Object> model, String fn) {
    Object b = model.get("base");
    if (!(b instanceof Number) || !(model.get("merges") instanceof Tensor)) {
      throw KernelException.of("%s: model must be a record from tokens.bpe_train", fn);
    }
    return (int) ((Number) b).doubleValue();
  }
}
