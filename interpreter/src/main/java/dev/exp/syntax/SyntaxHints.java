package dev.exp.syntax;

import dev.exp.grammar.ExpLexer;
import java.util.Set;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * The hints a syntax error gets for the slips users bring from other languages: Python's {@code //},
 * {@code **}, {@code **=}, {@code def}, {@code lambda}, {@code elif}, f-strings, a block after
 * {@code :}, tuples, {@code a if c else b}, {@code x in xs}; NumPy's {@code ...}; C's {@code &&},
 * {@code ||}, {@code !} and bit shifts; single quotes, a misspelt {@code else}, a string literal
 * inside an interpolation. Each is "; ..." appended to the parser's message, or "".
 */
final class SyntaxHints {
  private SyntaxHints() {}

  /**
   * The hint for the slip at {@code tok}, or "" when none applies.
   */
  static String of(Recognizer<?, ?> recognizer, Token tok) {
    if (!(recognizer instanceof Parser parser) || tok.getTokenIndex() < 1) {
      return "";
    }
    Token before = parser.getTokenStream().get(tok.getTokenIndex() - 1);
    boolean adjacent = before.getStopIndex() + 1 == tok.getStartIndex();
    if (tok.getText().equals("/") && before.getText().equals("/") && adjacent) {
      return "; there is no '//' operator: write floor(a / b) for integer division (comments start with #)";
    }
    if (tok.getText().equals("*") && before.getText().equals("*") && adjacent) {
      return "; there is no '**' operator: write a ^ b for powers";
    }
    if (tok.getText().equals("'")) {
      return "; strings use double quotes: \"text\"";
    }
    switch (tok.getText()) {
      case "&" -> {
        return "; write 'and' for a logical and (there are no bit operators)";
      }
      case "|" -> {
        return "; write 'or' for a logical or (there are no bit operators; '|>' is the pipeline)";
      }
      case "!" -> {
        return "; write 'not' for a negation";
      }
      default -> { }
    }
    if ((tok.getText().equals(">") || tok.getText().equals("<")) && before.getText().equals(tok.getText()) && adjacent) {
      return "; there are no bit shifts: a >> k is floor(a / 2^k), a << k is a * 2^k, and bit i of m is floor(m / 2^i) % 2";
    }
    if (before.getType() == ExpLexer.IDENT && before.getText().equals("def") && tok.getType() == ExpLexer.IDENT) {
      return "; functions are written fn " + tok.getText() + "(x) = ... or fn " + tok.getText() + "(x) { ... }";
    }
    if (before.getType() == ExpLexer.IDENT && before.getText().equals("lambda")) {
      return "; an anonymous function is written x => x + 1, or fn (x) { ... }";
    }
    if (tok.getText().equals("*=") && before.getText().equals("*") && adjacent) {
      return "; there is no '**=' operator: write x ^= 2 (powers are a ^ b)";
    }
    if (tok.getText().equals("...")) {
      return "; there is no '...' (Ellipsis) in an index: name every axis (A[:, 0] for a matrix)";
    }
    if (tok.getText().equals(":") && (endsLine(parser, tok) || startsBlockStatement(parser, tok))) {
      return "; blocks are written in braces, not after ':' (for i in 0..10 { ... }, if c { ... } else { ... })";
    }
    if (before.getText().equals("experiment") && (tok.getText().equals("{") || tok.getText().equals("("))) {
      return "; an experiment has a name first: experiment \"my sweep\" { ... }";
    }
    if (tok.getType() == ExpLexer.IDENT && before.getText().equals("0") && adjacent
        && tok.getText().matches("[xX][0-9a-fA-F]+")) {
      String digits = tok.getText().substring(1);
      return digits.length() <= 13
          ? "; there are no hex literals: write " + Long.parseLong(digits, 16) : "; there are no hex literals";
    }
    Token twoBefore = tok.getTokenIndex() < 2 ? null : parser.getTokenStream().get(tok.getTokenIndex() - 2);
    if (tok.getText().equals(",") && before.getType() == ExpLexer.IDENT && twoBefore != null && twoBefore.getText().equals("for")) {
      return "; two loop variables are written in parentheses: for (" + before.getText() + ", x) in ...";
    }
    if (tok.getText().equals("in") && SyntaxErrors.endsOperand(before)) {
      return "; there is no 'in' operator: write contains(xs, x) (for a list, string or record)";
    }
    if (tok.getText().equals("for") && SyntaxErrors.endsOperand(before)) {
      Token opener = SyntaxErrors.unclosedBefore(recognizer, tok);
      if (opener != null && opener.getText().equals("(")) {
        return "; a comprehension is written in brackets: f([x for x in xs])";
      }
    }
    if (tok.getText().equals("if") && SyntaxErrors.endsOperand(before)) {
      return "; a conditional value is written if c { a } else { b }, not a if c else b";
    }
    if (tok.getText().equals(",") || before.getText().equals(",")) {
      Token opener = SyntaxErrors.unclosedBefore(recognizer, tok.getText().equals(",") ? tok : before);
      Token beforeOpener = opener == null || opener.getTokenIndex() < 1 ? null : parser.getTokenStream().get(opener.getTokenIndex() - 1);
      if (opener != null && opener.getText().equals("(") && (beforeOpener == null || !SyntaxErrors.endsOperand(beforeOpener))) {
        return "; there are no tuples: write a list [a, b] or a record {a: 1, b: 2}";
      }
    }
    Token first = firstOnLine(parser, tok);
    String lineStart = first.getText();
    boolean condition = (lineStart.equals("if") || lineStart.equals("while")) && tok != first
        && noBraceBetween(parser, first, tok);   // still in the condition: if x = 1, if x > 0 print(x)
    if (condition && tok.getText().equals("=")) {
      return "; '=' assigns: compare with == (" + lineStart + " x == 1 { ... })";
    }
    if (condition && SyntaxErrors.endsOperand(before) && (tok.getType() == ExpLexer.IDENT || tok.getType() == ExpLexer.STRING)) {
      return "; the body of " + lineStart + " goes in braces, after the condition: " + lineStart + " c { ... }";
    }
    if (tok.getText().equals(",") && before.getType() == ExpLexer.IDENT && first == before) {
      return "; there is no tuple assignment (a, b = b, a): assign one at a time, let t = a; a = b; b = t";
    }
    if (tok.getType() == ExpLexer.IDENT && tok.getText().equals("elif") && before.getText().equals("}")) {
      return "; write else if";
    }
    if (tok.getType() == ExpLexer.STRING && adjacent && before.getType() == ExpLexer.IDENT
        && before.getText().equalsIgnoreCase("f")) {
      return "; every string interpolates {x}: write \"...{x}...\" without the f";
    }
    if (tok.getType() == ExpLexer.IDENT && before.getText().equals("import")) {
      return "; import reads a script file: import \"lib.exp\" as m (the library needs no import: sqrt, "
          + "linalg.solve, ... are always there)";
    }
    if (tok.getType() == ExpLexer.IDENT && before.getText().equals("}") && nearElse(tok.getText())) {
      return "; did you mean 'else'?";
    }
    if (before.getType() == ExpLexer.STRING && openHole(before.getText()) && before.getStopIndex() + 1 == tok.getStartIndex()) {
      return STRING_IN_HOLE;
    }
    return "";
  }

  /** Whether the line of {@code tok} starts with for, if, while, else, elif or def (Python's `for x in xs: ...`). */
  private static boolean startsBlockStatement(Parser parser, Token tok) {
    return Set.of("for", "if", "while", "else", "elif", "def").contains(firstOnLine(parser, tok).getText());
  }

  /** Whether no '{' comes between {@code from} and {@code to} (both on one line). */
  private static boolean noBraceBetween(Parser parser, Token from, Token to) {
    for (int i = from.getTokenIndex(); i < to.getTokenIndex(); i++) {
      if (parser.getTokenStream().get(i).getText().equals("{")) {
        return false;
      }
    }
    return true;
  }

  /** The first token of {@code tok}'s line (after a ';', the statement's first). */
  private static Token firstOnLine(Parser parser, Token tok) {
    org.antlr.v4.runtime.TokenStream ts = parser.getTokenStream();
    Token first = tok;
    for (int i = tok.getTokenIndex() - 1; i >= 0 && ts.get(i).getLine() == tok.getLine()
        && ts.get(i).getType() != ExpLexer.NL && !ts.get(i).getText().equals(";"); i--) {
      first = ts.get(i);
    }
    return first;
  }

  /** Whether nothing follows {@code tok} on its line (the next token is a newline, on a later line, or the end). */
  private static boolean endsLine(Parser parser, Token tok) {
    org.antlr.v4.runtime.TokenStream ts = parser.getTokenStream();
    if (tok.getTokenIndex() + 1 >= ts.size()) {
      return true;
    }
    Token next = ts.get(tok.getTokenIndex() + 1);
    return next.getType() == ExpLexer.NL || next.getType() == Token.EOF || next.getLine() > tok.getLine();
  }

  static final String STRING_IN_HOLE = "; a '\"' inside {...} ends the string: an interpolation cannot hold a string "
      + "literal; compute the text first (let s = ...) and write {s}, or use a raw string r\"...\" for literal braces";

  /** Whether a string token's text ends inside an interpolation hole (a '{' not closed, not escaped). */
  static boolean openHole(String text) {
    int depth = 0;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        if (depth == 0 && i + 1 < text.length() && text.charAt(i + 1) == '{') {
          i++;   // {{ is a literal brace
        } else {
          depth++;
        }
      } else if (c == '}' && depth > 0) {
        depth--;
      }
    }
    return depth > 0;
  }

  /** Whether {@code w} is one edit (or one swap of neighbours) away from {@code else}. */
  private static boolean nearElse(String w) {
    String k = "else";
    if (w.equals(k) || Math.abs(w.length() - k.length()) > 1) {
      return false;
    }
    if (w.length() == k.length()) {
      int diff = 0;
      int first = -1;
      for (int i = 0; i < k.length(); i++) {
        if (w.charAt(i) != k.charAt(i)) {
          diff++;
          first = first < 0 ? i : first;
        }
      }
      return diff == 1 || diff == 2 && first + 1 < k.length() && w.charAt(first) == k.charAt(first + 1)
          && w.charAt(first + 1) == k.charAt(first);
    }
    String shorter = w.length() < k.length() ? w : k;
    String longer = w.length() < k.length() ? k : w;
    for (int i = 0; i < longer.length(); i++) {
      if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
        return true;
      }
    }
    return false;
  }
}
