package dev.exp.syntax;

import dev.exp.grammar.ExpLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * Removes the newlines that cannot end a statement, so the grammar only sees NL where it separates
 * statements: inside {@code ( )} and {@code [ ]}, after a binary operator, comma, {@code =} or
 * {@code |>}, before {@code |>}, {@code else} or a closing bracket, and repeated newlines.
 */
final class NewlineFilter {
  private static final Set<String> CONTINUE_AFTER = Set.of(
      "+", "-", "*", "/", "%", "^", "@", "==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "|>",
      "..", "..=", "=", "+=", "-=", "*=", "/=", "%=", "^=", "@=", "=>", ",", ":", "...", ".", "(", "[", "{", "else", ";");
  private static final Set<String> CONTINUE_BEFORE = Set.of("|>", "else", ")", "]", "}", "and", "or");

  private NewlineFilter() {}

  /** All tokens of {@code lexer}, filtered; ends with EOF. */
  static List<Token> filter(TokenSource lexer, List<Token> unclosed) {
    List<Token> all = new ArrayList<>();
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      all.add(t);
      if (t.getType() == Token.EOF) {
        break;
      }
    }
    List<Token> out = new ArrayList<>(all.size());
    Deque<String> brackets = new ArrayDeque<>();
    Deque<Token> open = new ArrayDeque<>();
    for (int i = 0; i < all.size(); i++) {
      Token t = all.get(i);
      String text = t.getText();
      if (t.getType() == ExpLexer.NL) {
        if (keepNewline(out, all, i, brackets)) {
          out.add(t);
        }
        continue;
      }
      switch (text) {
        case "(", "[", "{" -> {
          brackets.push(text);
          open.push(t);
        }
        case ")", "]", "}" -> {
          if (!brackets.isEmpty()) {
            brackets.pop();
            open.pop();
          }
        }
        default -> { }
      }
      out.add(t);
    }
    if (!open.isEmpty()) {
      unclosed.add(open.peek());
    }
    return out;
  }

  private static boolean keepNewline(List<Token> out, List<Token> all, int i, Deque<String> brackets) {
    if (!brackets.isEmpty() && !brackets.peek().equals("{")) {
      return false;
    }
    if (out.isEmpty()) {
      return false;
    }
    Token prev = out.get(out.size() - 1);
    if (prev.getType() == ExpLexer.NL || isOperator(prev) && CONTINUE_AFTER.contains(prev.getText())) {
      return false;
    }
    for (int j = i + 1; j < all.size(); j++) {
      Token next = all.get(j);
      if (next.getType() == ExpLexer.NL) {
        continue;
      }
      return !(isOperator(next) && CONTINUE_BEFORE.contains(next.getText()));
    }
    return true;
  }

  private static boolean isOperator(Token t) {
    int type = t.getType();
    return type != ExpLexer.STRING && type != ExpLexer.NUMBER && type != ExpLexer.IDENT && type != Token.EOF;
  }
}
