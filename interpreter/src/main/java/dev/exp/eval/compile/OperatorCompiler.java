package dev.exp.eval.compile;

import dev.exp.eval.nodes.FusedNodes;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.OneItemAdd;
import dev.exp.eval.nodes.OperatorNodes;
import dev.exp.syntax.Ast;

/**
 * Compiles operator expressions: long left-associative chains to a loop ({@link
 * OperatorNodes.LeftChain}), element-wise chains to fused programs when their names resolve to the
 * builtins ({@link FusedNodes}), otherwise to the typed operator nodes; {@code and}, {@code or},
 * {@code not} and ranges.
 */
final class OperatorCompiler {
  private OperatorCompiler() {}

  /** The node for an operator expression, or null when {@code e} is not one. */
  static Node compile(Compiler k, Ast.Expr e) {
    if (e instanceof Ast.Binary b && OneItemAdd.isHabit(b)) {
      boolean right = OneItemAdd.isOneItemLiteral(b.right());   // xs + [x], Python's append; [x] + xs, its prepend
      Ast.Expr other = right ? b.left() : b.right();
      Ast.Expr item = oneItem(right ? b.right() : b.left());
      return new OneItemAdd(b.loc(), k.expr(b.left()), k.expr(b.right()), right,
          other instanceof Ast.Name n ? n.name() : null, item == null ? null : shown(item));
    }
    if (e instanceof Ast.Binary b) {
      Node chain = OperatorNodes.LeftChain.of(b, k::expr);   // long chains first: no deep fused trees
      if (chain != null) {
        return chain;
      }
    }
    if (e instanceof Ast.Binary || e instanceof Ast.Unary) {
      Node fused = FusedNodes.tryFuse(k::compileHere, k.names::resolvesToBuiltin, e);
      if (fused != null) {
        return fused;
      }
    }
    if (e instanceof Ast.Unary u) {
      Node operand = k.expr(u.operand());
      return u.op().equals("-") ? new OperatorNodes.Negate(u.loc(), operand) : new OperatorNodes.Plus(u.loc(), operand);
    }
    if (e instanceof Ast.Binary b) {
      Node left = k.expr(b.left());
      return OperatorNodes.binary(b.loc(), b.op(), left, k.expr(b.right()));
    }
    if (e instanceof Ast.And a) {
      return new OperatorNodes.And(a.loc(), k.expr(a.left()), k.expr(a.right()));
    }
    if (e instanceof Ast.Or o) {
      return new OperatorNodes.Or(o.loc(), k.expr(o.left()), k.expr(o.right()));
    }
    if (e instanceof Ast.Not n) {
      return new OperatorNodes.Not(n.loc(), k.expr(n.operand()));
    }
    if (e instanceof Ast.Range r) {
      return new OperatorNodes.Range(r.loc(), k.expr(r.from()), k.expr(r.to()), r.inclusive());
    }
    return null;
  }

  private static Ast.Expr oneItem(Ast.Expr e) {
    return OneItemAdd.oneItem(e);
  }

  /** How a warning shows {@code e}: a name or a number, else null (it then says "x"). */
  static String shown(Ast.Expr e) {
    return e instanceof Ast.Name n ? n.name() : e instanceof Ast.Num n ? dev.exp.eval.runtime.Printer.repr(n.value()) : null;
  }
}
