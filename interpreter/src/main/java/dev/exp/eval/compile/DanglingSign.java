package dev.exp.eval.compile;

import dev.exp.syntax.Ast;

/**
 * A statement {@code + 2} or {@code - 1} whose value is unused: almost surely the continuation of
 * the line above ({@code let x = 1} then {@code + 2}), which a newline ended. Python drops it
 * silently; here it is an error that says how to continue a line.
 */
final class DanglingSign {
  private DanglingSign() {}

  /** The error for statement {@code s} (the last of its block when {@code last}), or null. */
  static String problem(Ast.Stmt s, boolean last) {
    if (last || !(s instanceof Ast.ExprStmt e)) {
      return null;
    }
    String op = sign(e.expr());
    if (op == null) {
      return null;
    }
    return "this line starts with '" + op + "' and its value is not used: a statement ends at the end of "
        + "its line, so to continue the line above end it with the operator (let x = 1 " + op + "), or wrap the "
        + "expression in parentheses";
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
