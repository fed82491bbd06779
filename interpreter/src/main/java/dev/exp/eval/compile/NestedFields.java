package dev.exp.eval.compile;

import dev.exp.syntax.Ast;

/**
 * Assignment to a field of a field: {@code r.a.b op= v} is {@code r.a = (r.a with b = r.a.b op v)}
 * (records are values), rewritten one level at a time down to a field of a variable.
 */
final class NestedFields {
  private NestedFields() {}

  /** The assignment one level out: to {@code m}'s container, of that container with the field updated. */
  static Ast.Assign outer(Ast.Assign a, Ast.Member m) {
    Ast.Expr updated = a.op().equals("=") ? a.value()
        : new Ast.Binary(a.loc(), dev.exp.tensor.op.BinaryOp.ofSymbol(a.op().substring(0, 1)), m, a.value());
    return new Ast.Assign(a.loc(), m.target(), "=", new Ast.WithField(m.loc(), m.target(), m.name(), updated));
  }
}
