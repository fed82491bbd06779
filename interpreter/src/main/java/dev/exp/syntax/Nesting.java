package dev.exp.syntax;

import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * The nesting limit, checked on the tokens before parsing: brackets, prefix operators ({@code -},
 * {@code +}, {@code not}) and right-associative chains ({@code ^}, {@code =>}) nest the syntax tree,
 * and each level costs Java stack in the parser, the compiler and the evaluator. A program nested
 * deeper than {@link #MAX} levels is a syntax error ("nested too deeply (limit 200)") instead of a
 * stack overflow on some host thread. Long left-associative chains ({@code 1 + 1 + ...}) do not nest:
 * the compiler evaluates them iteratively.
 */
final class Nesting {
  private Nesting() {}

  /** The deepest nesting a program may have (Python's parser allows 200 nested brackets). */
  static final int MAX = 200;

  /** Tokens after which {@code -}/{@code +} is a prefix operator (not a binary one). */
  private static final Set<String> BEFORE_PREFIX = Set.of("(", "[", "{", ",", ";", ":",
      "=", "+=", "-=", "*=", "/=", "%=", "^=", "@=", "+", "-", "*", "/", "%", "^", "@", "..", "..=", "==", "!=", "<", "<=", ">", ">=", "not", "and", "or", "|>", "=>",
      "return", "in", "if", "else", "while", "let", "var");

  /** Throws the syntax error for the first token nested deeper than {@link #MAX}. */
  static void check(List<Token> tokens, SyntaxErrors errors) {
    int[] base = new int[64];
    int open = 0;
    int depth = 0;
    String prev = null;
    for (Token t : tokens) {
      if (t.getType() == Token.EOF) {
        break;
      }
      String s = t.getText();
      switch (s) {
        case "(", "[", "{" -> {
          if (open == base.length) {
            base = java.util.Arrays.copyOf(base, open * 2);
          }
          base[open++] = depth;
          depth++;
        }
        case ")", "]", "}" -> depth = open > 0 ? base[--open] : 0;
        case ",", ";" -> depth = open > 0 ? base[open - 1] + 1 : 0;
        case "^", "=>", "not" -> depth++;
        case "-", "+" -> {
          if (prev == null || BEFORE_PREFIX.contains(prev) || prev.indexOf('\n') >= 0) {
            depth++;
          }
        }
        default -> {
          if (s.indexOf('\n') >= 0) {
            depth = open > 0 ? base[open - 1] + 1 : 0;
          }
        }
      }
      if (depth > MAX) {
        errors.add(t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, s.length()),
            "nested too deeply (limit " + MAX + " levels of brackets, prefix operators, ^ and =>)");
        throw new CompileError(errors.diagnostics(), false);
      }
      prev = s;
    }
  }
}
