package dev.exp.syntax;

import dev.exp.grammar.ExpLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Collects syntax errors as {@link Problem}s with messages in words ("expected an expression")
 * instead of ANTLR's token sets, and remembers whether an error sits at the end of the input.
 */
final class SyntaxErrors extends BaseErrorListener {
  static final int MAX_ERRORS = 20;

  private final SourceText source;
  private final int lineOffset;
  private final int colOffset;
  private final List<Problem> diagnostics = new ArrayList<>();
  private boolean atEnd;
  private Token unclosed;

  SyntaxErrors(SourceText source, int lineOffset, int colOffset) {
    this.source = source;
    this.lineOffset = lineOffset;
    this.colOffset = colOffset;
  }

  List<Problem> diagnostics() {
    return diagnostics;
  }

  /** The innermost bracket still open at the end of the input, for the end-of-input message. */
  void unclosed(Token t) {
    this.unclosed = t;
  }

  boolean atEnd() {
    return atEnd;
  }

  void add(int line, int col, int length, String message) {
    if (diagnostics.size() > MAX_ERRORS) {
      return;
    }
    int l = line + lineOffset;
    int c = line == 1 ? col + colOffset : col;
    for (Problem p : diagnostics) {
      if (p.line() == l && p.column() == c && p.message().equals(message)) {
        return;   // the same error at the same place (two bad escapes in the pieces of one string)
      }
    }
    String text = diagnostics.size() < MAX_ERRORS ? message
        : "more syntax errors follow; only the first " + MAX_ERRORS + " are shown";
    diagnostics.add(new Problem(source.name(), l, c, length, text, source.line(l)));
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int charPositionInLine,
      String msg, RecognitionException e) {
    Token tok = offending instanceof Token t ? t : null;
    Token doubled = tok == null ? null : doubledSign(recognizer, tok);
    if (doubled != null) {   // x++ or x--: an operand is missing after the second sign
      String op = doubled.getText();
      Token target = ((Parser) recognizer).getTokenStream().get(doubled.getTokenIndex() - 1);
      String name = target.getType() == ExpLexer.IDENT ? target.getText() : "x";
      add(doubled.getLine(), doubled.getCharPositionInLine() + 1, 2,
          "there is no '" + op + op + "' operator: write " + name + " " + op + "= 1");
      return;
    }
    String message;
    int length = 1;
    if (tok == null) {
      message = msg;
    } else if (tok.getType() == Token.EOF) {
      atEnd = true;
      if (colOffset == 0 && lineOffset == source.firstLine() - 1) {   // a whole program, not a hole
        // point just after the last character of the input, not at the empty line after it
        int last = lastNonBlankLine(line);
        if (last > 0) {
          line = last;
          charPositionInLine = source.line(last + lineOffset).stripTrailing().length();
        }
      }
      message = unclosed != null
          ? "unexpected end of input: '" + unclosed.getText() + "' opened at line " + (unclosed.getLine() + lineOffset)
              + ", column " + (unclosed.getCharPositionInLine() + 1) + " is not closed"
          : "unexpected end of input" + expectedPart(recognizer, e);
    } else if (tok.getType() == ExpLexer.UNTERMINATED_STRING) {
      atEnd = true; // an unclosed string runs to the end of input: the REPL reads on
      message = "unterminated string: add the closing '\"'";
      length = tok.getText().length();
    } else if (tok.getType() == ExpLexer.ERROR_CHAR) {
      if (tok.getText().equals("'") && quoteLine == line) {
        return;   // the closing quote of the same 'string'
      }
      quoteLine = tok.getText().equals("'") ? line : quoteLine;
      message = "unexpected character '" + tok.getText() + "'" + SyntaxHints.of(recognizer, tok);
    } else {
      Token opener = closer(tok.getText()) ? unclosedBefore(recognizer, tok) : null;
      if (opener != null && !matches(opener.getText(), tok.getText())) {
        // a closing bracket of the wrong kind: the bracket still open is what is missing
        message = "unexpected " + describe(tok) + ": '" + opener.getText() + "' opened at line "
            + (opener.getLine() + lineOffset) + ", column " + (opener.getCharPositionInLine() + 1)
            + " is not closed (add '" + closing(opener.getText()) + "')";
        if (bracketReported) {
          return;   // the recovery's follow-on errors of the same missing bracket
        }
        bracketReported = true;
      } else if ((bracketReported || hintedBrace >= 0) && closer(tok.getText())) {
        return;   // a closing bracket the recovery from the error above left over
      } else if (fieldNameSlip(recognizer, tok)) {
        message = "unexpected " + describe(tok) + ": a record's field names are names or strings, as in {a: 2} or "
            + "{\"" + tok.getText().replace("\"", "") + "\": 2}";
      } else if (openedAbove(recognizer, tok) != null) {
        // inside a ( or [ opened on an earlier line and never closed: newlines do not end statements
        // there, so the next line reads as part of it; the bracket is what is missing
        Token above = openedAbove(recognizer, tok);
        if (reportedOpener == above.getTokenIndex()) {
          return;   // the rest of the input is inside the same bracket: follow-on errors
        }
        reportedOpener = above.getTokenIndex();
        message = "unexpected " + describe(tok) + ": '" + above.getText() + "' opened at line "
            + (above.getLine() + lineOffset) + ", column " + (above.getCharPositionInLine() + 1)
            + " is never closed (add the '" + closing(above.getText()) + "' that ends it)";
      } else {
        String expected = insideBrackets(recognizer, e, tok);
        String part = expected != null ? expected : expectedPart(recognizer, e, tok);
        message = "unexpected " + describe(tok) + part + SyntaxHints.of(recognizer, tok);
        if (part.contains("a name") && Identifiers.isReserved(tok.getText())) {
          message += "; '" + tok.getText() + "' is a reserved word of Exp and cannot name a variable";
        }
      }
      length = Math.max(1, tok.getText().length());
      if (tok.getType() == ExpLexer.NL) {
        length = 1;
      }
    }
    int brace = tok == null ? -1 : arrowBrace(recognizer, tok);
    if (brace >= 0) {
      if (brace == hintedBrace) {
        return;   // a follow-on error of the same `=> { ... }`
      }
      hintedBrace = brace;
      message += "; an arrow function's body is one expression (after => a '{' starts a record): "
          + "for a block body write fn (x) { ... }";
    }
    if (message.endsWith("expected '{'")) {
      missingBraceLine = line;
    } else if (line == missingBraceLine && message.contains("'}'")) {
      return;   // the recovery from the missing '{' reported just before: the same slip
    }
    if (!diagnostics.isEmpty()) {
      Problem last = diagnostics.get(diagnostics.size() - 1);
      if (last.line() == line + lineOffset && last.column() == (line == 1 ? charPositionInLine + 1 + colOffset : charPositionInLine + 1)) {
        return;
      }
    }
    add(line, charPositionInLine + 1, length, message);
  }

  /** The last line (relative to the parsed text) at or before {@code line} that is not blank (0 when none). */
  private int lastNonBlankLine(int line) {
    for (int l = line; l >= 1; l--) {
      if (!source.line(l + lineOffset).isBlank()) {
        return l;
      }
    }
    return 0;
  }

  /** Index of the unclosed '{' enclosing {@code tok} when it directly follows '=>', else -1. */
  private static int arrowBrace(Recognizer<?, ?> recognizer, Token tok) {
    if (!(recognizer instanceof Parser parser) || tok.getTokenIndex() < 0) {
      return -1;
    }
    org.antlr.v4.runtime.TokenStream ts = parser.getTokenStream();
    int depth = 0;
    for (int i = tok.getTokenIndex() - 1; i > 0; i--) {
      String t = ts.get(i).getText();
      if (t.equals("}")) {
        depth++;
      } else if (t.equals("{")) {
        if (depth == 0) {
          return ts.get(i - 1).getText().equals("=>") ? i : -1;
        }
        depth--;
      }
    }
    return -1;
  }

  private int hintedBrace = -1;
  /** The line of the last "expected '{'" (the block it did not open ends with a follow-on error). */
  private int missingBraceLine = -1;
  /** The line of the last ' reported (its closing quote is not reported again). */
  private int quoteLine = -1;
  /** Whether a missing bracket was reported (its recovery's follow-on errors are dropped). */
  private boolean bracketReported;

  private static boolean closer(String t) {
    return t.equals(")") || t.equals("]") || t.equals("}");
  }

  private static String closing(String opener) {
    return switch (opener) {
      case "(" -> ")";
      case "[" -> "]";
      default -> "}";
    };
  }

  private static boolean matches(String opener, String closer) {
    return closing(opener).equals(closer);
  }

  /** The innermost bracket opened before {@code tok} and not closed before it, or null. */
  /**
   * ", expected ',' or ')'" for an error inside brackets that ANTLR reports at the start of the
   * enclosing statement (its prediction looked ahead to the offending token and found no alternative,
   * so its expected set is the statement's first tokens): after a complete operand the bracket's
   * separator or closer is missing, else an expression is. Null when the error is not such a case.
   */
  private static String insideBrackets(Recognizer<?, ?> recognizer, RecognitionException e, Token tok) {
    if (!(e instanceof org.antlr.v4.runtime.NoViableAltException nv) || !(recognizer instanceof Parser parser)) {
      return null;
    }
    Token opener = unclosedBefore(recognizer, tok);
    Token start = nv.getStartToken();
    if (opener == null || start == null || start.getTokenIndex() > opener.getTokenIndex()) {
      return null;
    }
    boolean record = false;
    if (opener.getText().equals("{")) {
      // a record's first field is a name (or string) and ':'; any other brace is a block
      int i = opener.getTokenIndex() + 1;
      org.antlr.v4.runtime.TokenStream ts = parser.getTokenStream();
      Token first = i < ts.size() ? ts.get(i) : null;
      Token second = i + 1 < ts.size() ? ts.get(i + 1) : null;
      record = first != null && second != null && second.getText().equals(":");
    }
    Token prev = null;
    for (int i = tok.getTokenIndex() - 1; i >= 0; i--) {
      Token t = parser.getTokenStream().get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        prev = t;
        break;
      }
    }
    if (prev == null) {
      return null;
    }
    String p = prev.getText();
    boolean operand = prev.getType() == ExpLexer.NUMBER || prev.getType() == ExpLexer.STRING
        || prev.getType() == ExpLexer.IDENT || closer(p) || p.equals("true") || p.equals("false") || p.equals("none");
    if (record && (p.equals("{") || p.equals(",")) || p.equals(".")) {
      return ", expected a field name";
    }
    if (opener.getText().equals("{") && !record) {   // a block: statements end at a newline or ';'
      return operand ? ", expected an operator, ';', end of line or '}'" : null;
    }
    if (!operand) {
      return ", expected an expression";
    }
    return ", expected an operator, ',' or '" + closing(opener.getText()) + "'";
  }

  /**
   * The first of two adjacent {@code +} (or {@code -}) signs that end a statement ({@code x++} then
   * a newline, ';', a closing bracket or the end), or null.
   */
  private static Token doubledSign(Recognizer<?, ?> recognizer, Token tok) {
    if (!(recognizer instanceof Parser parser) || tok.getTokenIndex() < 3) {
      return null;
    }
    boolean ends = tok.getType() == Token.EOF || tok.getType() == ExpLexer.NL || closer(tok.getText())
        || tok.getText().equals(";");
    org.antlr.v4.runtime.TokenStream ts = parser.getTokenStream();
    Token second = ts.get(tok.getTokenIndex() - 1);
    Token first = ts.get(tok.getTokenIndex() - 2);
    boolean sign = second.getText().equals("+") || second.getText().equals("-");
    return ends && sign && first.getText().equals(second.getText()) && first.getStopIndex() + 1 == second.getStartIndex()
        ? first : null;
  }

  /** Whether {@code tok} is a number or other non-name written as a record field name: {@code {1: 2}}. */
  private static boolean fieldNameSlip(Recognizer<?, ?> recognizer, Token tok) {
    if (!(recognizer instanceof Parser parser) || tok.getTokenIndex() < 1 || tok.getType() == ExpLexer.IDENT
        || tok.getType() == ExpLexer.STRING) {
      return false;
    }
    String before = parser.getTokenStream().get(tok.getTokenIndex() - 1).getText();
    if (tok.getType() == Token.EOF || !(before.equals("{") || before.equals(","))
        || !"{".equals(textOf(unclosedBefore(recognizer, tok)))) {
      return false;
    }
    // the parser may not have read past tok yet: look at the characters after it
    org.antlr.v4.runtime.CharStream chars = tok.getInputStream();
    int i = tok.getStopIndex() + 1;
    while (i < chars.size() && (chars.getText(org.antlr.v4.runtime.misc.Interval.of(i, i)).equals(" "))) {
      i++;
    }
    return i < chars.size() && chars.getText(org.antlr.v4.runtime.misc.Interval.of(i, i)).equals(":");
  }

  private static String textOf(Token t) {
    return t == null ? null : t.getText();
  }

  /** Whether {@code t} can end an operand (a name, a literal, a closing bracket): a call or an index may follow. */
  static boolean endsOperand(Token t) {
    int type = t.getType();
    return type == ExpLexer.IDENT || type == ExpLexer.NUMBER || type == ExpLexer.STRING
        || t.getText().equals(")") || t.getText().equals("]") || t.getText().equals("}");
  }

  /** The token index of the bracket an "is never closed" error named (its follow-on errors are dropped). */
  private int reportedOpener = -1;

  /**
   * The '(' or '[' enclosing {@code tok} when it was opened on an earlier line and no bracket closes it
   * before the end of the input, else null.
   */
  private static Token openedAbove(Recognizer<?, ?> recognizer, Token tok) {
    Token opener = unclosedBefore(recognizer, tok);
    if (opener == null || opener.getText().equals("{") || opener.getLine() >= tok.getLine()) {
      return null;
    }
    org.antlr.v4.runtime.TokenStream ts = ((Parser) recognizer).getTokenStream();
    int depth = 0;
    for (int i = tok.getTokenIndex(); i < ts.size(); i++) {
      String x = ts.get(i).getText();
      if (ts.get(i).getType() == Token.EOF) {
        break;
      }
      if (x.equals("(") || x.equals("[") || x.equals("{")) {
        depth++;
      } else if (closer(x) && --depth < 0) {
        return null;   // closed further on: some other slip inside a bracket that spans lines
      }
    }
    return opener;
  }

  static Token unclosedBefore(Recognizer<?, ?> recognizer, Token tok) {
    if (!(recognizer instanceof Parser parser) || tok.getTokenIndex() < 0) {
      return null;
    }
    org.antlr.v4.runtime.TokenStream ts = parser.getTokenStream();
    int depth = 0;
    for (int i = tok.getTokenIndex() - 1; i >= 0; i--) {
      Token t = ts.get(i);
      String x = t.getText();
      if (closer(x)) {
        depth++;
      } else if (x.equals("(") || x.equals("[") || x.equals("{")) {
        if (depth == 0) {
          return t;
        }
        depth--;
      }
    }
    return null;
  }


  private static String describe(Token tok) {
    return switch (tok.getType()) {
      case ExpLexer.NL -> "end of line";
      case ExpLexer.NUMBER -> "number " + tok.getText();
      case ExpLexer.STRING -> "string " + tok.getText();
      case ExpLexer.IDENT -> "name '" + tok.getText() + "'";
      default -> "'" + tok.getText() + "'";
    };
  }

  private static String expectedPart(Recognizer<?, ?> recognizer, RecognitionException e) {
    return expectedPart(recognizer, e, null);
  }

  /** ", expected ..." in words; the offending token itself is never listed as expected. */
  private static String expectedPart(Recognizer<?, ?> recognizer, RecognitionException e, Token offending) {
    if (!(recognizer instanceof Parser parser)) {
      return "";
    }
    IntervalSet expected;
    try {
      expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
    } catch (RuntimeException ex) {
      return "";
    }
    if (offending != null && expected.contains(offending.getType())) {
      expected = new IntervalSet(expected);
      expected.remove(offending.getType());
    }
    String words = inWords(expected, parser);
    return words.isEmpty() ? "" : ", expected " + words;
  }

  /** Turns a token set into words: "an expression", "')'", "a name", "'=' or ','". */
  static String inWords(IntervalSet expected, Parser parser) {
    Set<String> items = new LinkedHashSet<>();
    boolean expression = expected.contains(ExpLexer.NUMBER) || expected.contains(ExpLexer.STRING);
    boolean statement = expression && expected.contains(tokenType(parser, "'let'"));
    if (!expression && expected.contains(ExpLexer.IDENT) && expected.contains(tokenType(parser, "'experiment'"))) {
      return "a field name";   // after '.', or a record's field: any word, keywords included
    }
    if (statement) {
      items.add("a statement");
    } else if (expression) {
      items.add("an expression");
    } else if (expected.contains(ExpLexer.IDENT)) {
      items.add("a name");
    }
    for (int type : expected.toList()) {
      if (type == ExpLexer.NL || type == Token.EOF) {
        continue;
      }
      if (expression && (type == ExpLexer.IDENT || type == ExpLexer.NUMBER || type == ExpLexer.STRING)) {
        continue;
      }
      if (type == ExpLexer.IDENT) {
        continue;
      }
      String name = parser.getVocabulary().getLiteralName(type);
      if (name != null && !(expression && isExpressionStart(name))) {
        items.add(name);
      }
    }
    if (expected.contains(ExpLexer.NL) && items.size() <= 6) {
      items.add("end of line");
    }
    if (items.size() > 6) {
      return expression ? "an expression" : "";
    }
    List<String> list = new ArrayList<>(items);
    if (list.size() <= 1) {
      return list.isEmpty() ? "" : list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
  }

  private static boolean isExpressionStart(String literal) {
    return Set.of("'('", "'['", "'{'", "'-'", "'+'", "'not'", "'if'", "'fn'", "'true'", "'false'", "'none'",
        "'experiment'", "'let'", "'var'", "'import'", "'for'", "'while'", "'break'", "'continue'", "'return'",
        "'sweep'", "'repeat'", "'report'").contains(literal);
  }

  private static int tokenType(Parser parser, String literal) {
    for (int t = 0; t <= parser.getVocabulary().getMaxTokenType(); t++) {
      if (literal.equals(parser.getVocabulary().getLiteralName(t))) {
        return t;
      }
    }
    return -1;
  }
}
