package dev.exp.syntax;

/** Escapes and interpolation-hole scanning for string literals. */
final class StringLiterals {
  private StringLiterals() {}

  /** Resolves backslash escapes: \n \t \r \\ \" \{ \} \0 and \\uXXXX. */
  static String unescape(String s, Loc loc, SyntaxErrors errors) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean reported = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case '\\', '"', '{', '}' -> sb.append(e);
        case 'u' -> {
          if (i + 4 < s.length() + 0 && s.substring(i + 1, Math.min(s.length(), i + 5)).matches("[0-9a-fA-F]{4}")) {
            sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          } else if (!reported) {
            errors.add(loc.line(), loc.col(), loc.length(), "bad \\u escape: write \\u followed by 4 hex digits");
            reported = true;   // one error per literal: each would point at the same place
          }
        }
        default -> {
          if (!reported) {
            errors.add(loc.line(), loc.col(), loc.length(),
                "unknown escape '\\" + e + "' in string (known: \\n \\t \\r \\0 \\\\ \\\" \\{ \\} \\uXXXX)");
            reported = true;
          }
        }
      }
    }
    return sb.toString();
  }

  /** Index of the '}' closing a hole that starts at {@code from}, skipping nested brackets and strings. */
  static int holeEnd(String s, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '(', '[', '{' -> depth++;
        case ')', ']' -> depth--;
        case '}' -> {
          if (depth == 0) {
            return i;
          }
          depth--;
        }
        default -> { }
      }
    }
    return -1;
  }

  /** Index of the ':' that starts a format spec in a hole, or -1 (colons in brackets or strings don't count). */
  static int specColon(String s) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '(', '[', '{' -> depth++;
        case ')', ']', '}' -> depth--;
        case ':' -> {
          if (depth == 0) {
            return i;
          }
        }
        default -> { }
      }
    }
    return -1;
  }
}
