package dev.exp.kernel;

/**
 * The order of strings: by Unicode code points, as Python's, not by Java's UTF-16 units. The two
 * differ only where a character beyond U+FFFF (an emoji, written as two surrogates) meets one in
 * U+E000..U+FFFF: "😀" sorts after "\uffff" here, before it in {@code String.compareTo}.
 */
public final class TextOrder {
  private TextOrder() {}

  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }
}
