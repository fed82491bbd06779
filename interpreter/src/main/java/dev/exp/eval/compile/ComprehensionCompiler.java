package dev.exp.eval.compile;

import dev.exp.eval.nodes.Comprehension;
import dev.exp.eval.nodes.LocalVar;
import dev.exp.eval.nodes.Node;
import dev.exp.syntax.Ast;

/**
 * Compiles a comprehension: each clause's source in the scope of the clauses before it, its
 * variables in a block of their own, its filter, then the element in the innermost scope.
 */
final class ComprehensionCompiler {
  private ComprehensionCompiler() {}

  static Node compile(Compiler k, Ast.Comprehension c) {
    int n = c.clauses().size();
    Node[] sources = new Node[n];
    LocalVar[] firsts = new LocalVar[n];
    LocalVar[] seconds = new LocalVar[n];
    Node[] filters = new Node[n];
    for (int i = 0; i < n; i++) {
      Ast.CompClause q = c.clauses().get(i);
      sources[i] = k.expr(q.source());
      k.names.pushBlock();
      firsts[i] = k.names.declareLocal(q.vars().get(0), false, c.loc(), BindingRoles.LOOP);
      seconds[i] = q.vars().size() > 1 ? k.names.declareLocal(q.vars().get(1), false, c.loc(), BindingRoles.LOOP) : null;
      filters[i] = q.filter() == null ? null : k.expr(q.filter());
    }
    Node element = k.expr(c.element());
    for (int i = 0; i < n; i++) {
      k.names.popBlock();
    }
    Ast.CompClause only = c.clauses().get(0);
    boolean selectsRows = n == 1 && only.vars().size() == 1 && only.filter() != null
        && c.element() instanceof Ast.Name e && e.name().equals(only.vars().get(0));
    boolean numeric = n == 1 && only.vars().size() == 1 && arithmetic(c.element());
    return new Comprehension(c.loc(), sources, firsts, seconds, element, filters, selectsRows, numeric);
  }

  /**
   * Whether {@code e} is arithmetic on names and numbers ({@code x * 2}, {@code -x}, {@code (x + dt) ^ 2}):
   * over a range or a vector, whose items are numbers, it gives a number per item, so the result is a
   * vector also when it is empty.
   */
  private static boolean arithmetic(Ast.Expr e) {
    if (e instanceof Ast.Num || e instanceof Ast.Name) {
      return true;
    }
    if (e instanceof Ast.Unary u) {
      return arithmetic(u.operand());
    }
    return e instanceof Ast.Binary b && b.op().kind() == dev.exp.tensor.op.BinaryOp.Kind.ARITHMETIC
        && arithmetic(b.left()) && arithmetic(b.right());
  }
}
