package dev.exp.api;

import dev.exp.grammar.ExpLexer;
import dev.exp.syntax.CompileError;
import dev.exp.syntax.Parsing;
import dev.exp.syntax.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Facts about the Exp language itself, the same for every engine: its reserved words and whether a
 * piece of code is unfinished. Editors, REPLs and other tools that read Exp source use these instead
 * of the grammar.
 *
 * <pre>{@code
 * Language.keywords().contains("experiment");   // true
 * Language.isIncomplete("fn f(x) {");           // true: ask for another line
 * Language.isIncomplete("1 + + 2");             // false: an error before the end is an error
 * }</pre>
 */
public final class Language {
  private static final List<String> KEYWORDS = readKeywords();

  private Language() {}

  /**
   * The reserved words of the grammar ({@code let}, {@code fn}, {@code experiment}, {@code true},
   * {@code and}, ...), in the grammar's order. Scripts cannot use them as names.
   */
  public static List<String> keywords() {
    return KEYWORDS;
  }

  /**
   * Whether {@code code} stops before a construct is complete: its only syntax error is at the end
   * of the input (an open block, bracket or string, a trailing operator). Complete code, and code
   * with an error before its end, give false. Only parses; checks no names and runs nothing.
   */
  public static boolean isIncomplete(String code) {
    try {
      Parsing.parse(new SourceText("<input>", code));
      return false;
    } catch (CompileError e) {
      return e.atEndOfInput();
    }
  }

  /** Alphabetic literal tokens of the lexer's vocabulary ('let' -> let). */
  private static List<String> readKeywords() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= ExpLexer.VOCABULARY.getMaxTokenType(); i++) {
      String lit = ExpLexer.VOCABULARY.getLiteralName(i);
      if (lit != null && lit.length() > 2 && Character.isLetter(lit.charAt(1))) {
        out.add(lit.substring(1, lit.length() - 1));
      }
    }
    return Collections.unmodifiableList(out);
  }
}
