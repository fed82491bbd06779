package dev.exp.syntax;

/** The shape of a name in Exp source: {@code [A-Za-z_][A-Za-z0-9_]*} (the grammar's IDENT). */
public final class Identifiers {
  private Identifiers() {}

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
