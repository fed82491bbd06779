package dev.exp.eval.runtime;

/**
 * One-character strings, the items of a text: those of code points below 256 are made once and
 * shared, so {@code for ch in text} and {@code text[i]} allocate nothing for ASCII and Latin-1 text.
 */
public final class Chars {
  private static final String[] LATIN1 = new String[256];

  static {
    for (int c = 0; c < LATIN1.length; c++) {
      LATIN1[c] = String.valueOf((char) c);
    }
  }

  private Chars() {}

  /** The string of the one code point {@code cp}. */
  public static String of(int cp) {
    return cp >= 0 && cp < LATIN1.length ? LATIN1[cp] : new String(Character.toChars(cp));
  }
}
