package dev.exp.syntax;

/** The shape of a name in Exp source: {@code [A-Za-z_][A-Za-z0-9_]*} (the grammar's IDENT). */
public final class Identifiers {
  private Identifiers() {}

  /** Reserved words that cannot name a variable ({@code var} can: it is also the variance function). */
  private static final class Reserved {
    static final java.util.Set<String> WORDS = words();

    private static java.util.Set<String> words() {
      java.util.Set<String> out = new java.util.HashSet<>();
      org.antlr.v4.runtime.Vocabulary v = dev.exp.grammar.ExpLexer.VOCABULARY;
      for (int i = 0; i <= v.getMaxTokenType(); i++) {
        String lit = v.getLiteralName(i);   // 'let'
        if (lit != null && lit.length() > 2 && Character.isLetter(lit.charAt(1))) {
          out.add(lit.substring(1, lit.length() - 1));
        }
      }
      out.remove("var");
      return java.util.Set.copyOf(out);
    }
  }

  /** Whether {@code s} can name a variable: spelled as an identifier and not a reserved word. */
  public static boolean isName(String s) {
    return isIdentifier(s) && !isReserved(s);
  }

  /** Whether {@code s} is a reserved word other than {@code var} ({@code let}, {@code for}, {@code true}, ...). */
  public static boolean isReserved(String s) {
    return Reserved.WORDS.contains(s);
  }

  /** Whether {@code s} is spelled as an identifier (keywords included), checked without a regex. */
  public static boolean isIdentifier(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
