package dev.exp.eval.compile;

import dev.exp.syntax.Ast;

/**
 * A statement {@code + 2} or {@code - 1} whose value is unused: almost surely the continuation of
 * the line above ({@code let x = 1} then {@code + 2}), which a newline ended. Python drops it
 * silently; here it is an error that says how to continue a line.
 */
final class DanglingSign {
  private DanglingSign() {}

  /**
   * The error for statement {@code s} (the last of its block when {@code last}), or null. {@code
   * previous} is the statement before it in the block (or null), {@code line} the source line {@code
   * s} starts on. A last statement's value is used (the block's value, a function's result), so it is
   * flagged only when it is written as a continuation: the sign followed by a space ({@code - 2}), just
   * below a statement of one line ({@code y = y * 10}).
   */
  static String problem(Ast.Stmt s, boolean last, Ast.Stmt previous, String line) {
    if (!(s instanceof Ast.ExprStmt e)) {
      return null;
    }
    String op = sign(e.expr());
    if (op == null) {
      return null;
    }
    if (!last) {
      return "this line starts with '" + op + "' and its value is not used: a statement ends at the end of "
          + "its line, so to continue the line above end it with the operator (let x = 1 " + op + "), or wrap the "
          + "expression in parentheses";
    }
    int col = e.expr().loc().col();   // 1-based: line.charAt(col) follows the sign
    boolean spaced = col < line.length() && Character.isWhitespace(line.charAt(col));
    if (!spaced || previous == null || previous.loc().line() != e.expr().loc().line() - 1) {
      return null;
    }
    String rest = line.substring(col).trim();
    String value = op + (rest.length() <= 20 ? rest : "...");
    return "this line starts with '" + op + " ', as a continuation of the line above would, but a statement ends at "
        + "the end of its line: this is a new statement, and its value (" + value + ") is the result of the block; to "
        + "continue the line above end it with the operator, or write it as " + value + " if that value is meant";
  }

  /** The sign a statement's expression starts with: a unary + or -, or a literal the parser negated (- 2). */
  private static String sign(Ast.Expr x) {
    if (x instanceof Ast.Unary u && (u.op().equals("+") || u.op().equals("-"))) {
      return u.op();
    }
    boolean negated = x instanceof Ast.Num n && Double.doubleToRawLongBits(n.value()) < 0
        || x instanceof Ast.Imag i && Double.doubleToRawLongBits(i.value()) < 0;
    return negated ? "-" : null;
  }
}
