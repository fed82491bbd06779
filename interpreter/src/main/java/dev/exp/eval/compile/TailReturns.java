package dev.exp.eval.compile;

import dev.exp.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/**
 * A compile-time rewrite of a function body: a {@code return} in tail position becomes the value it
 * returns, and an early {@code if c { ...; return a }} followed by the rest of the body becomes
 * {@code if c { ...; a } else { rest }}. So
 * <pre>
 * fn fib(n) {
 *   if n < 2 { return n }
 *   return fib(n - 1) + fib(n - 2)
 * }
 * </pre>
 * compiles to the same tree as {@code fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }}:
 * no completion codes, and typed evaluation straight through. The meaning is unchanged: a function's
 * value is its body's last value, and the rest of a body runs exactly when the early {@code if} did
 * not return. The rest moves into a block only when it declares nothing at its top level (a block
 * scope would change what may be redeclared); other {@code return}s stay jumps.
 */
final class TailReturns {
  private TailReturns() {}

  /** The body with its tail returns rewritten (the same object when nothing applies). */
  static Ast.Expr rewrite(Ast.Expr e) {
    if (e instanceof Ast.BlockExpr b) {
      List<Ast.Stmt> out = tail(b.statements());
      return out == null ? e : new Ast.BlockExpr(b.loc(), out);
    }
    if (e instanceof Ast.If f) {
      Ast.Expr t = rewrite(f.then());
      Ast.Expr o = f.otherwise() == null ? null : rewrite(f.otherwise());
      return t == f.then() && o == f.otherwise() ? e : new Ast.If(f.loc(), f.cond(), t, o);
    }
    return e;
  }

  /** The statements with their tail returns rewritten, or null when nothing changes. */
  private static List<Ast.Stmt> tail(List<Ast.Stmt> ss) {
    int n = ss.size();
    if (n == 0) {
      return null;
    }
    for (int i = 0; i < n - 1; i++) {
      if (ss.get(i) instanceof Ast.ExprStmt es && es.expr() instanceof Ast.If f && f.otherwise() == null
          && f.then() instanceof Ast.BlockExpr then && endsInReturn(then) && declaresNothing(ss.subList(i + 1, n))) {
        List<Ast.Stmt> rest = ss.subList(i + 1, n);
        Ast.Expr otherwise = rewrite(new Ast.BlockExpr(rest.get(0).loc(), List.copyOf(rest)));
        List<Ast.Stmt> out = new ArrayList<>(ss.subList(0, i));
        out.add(new Ast.ExprStmt(es.loc(), new Ast.If(f.loc(), f.cond(), rewrite(then), otherwise)));
        return out;
      }
    }
    Ast.Stmt last = ss.get(n - 1);
    Ast.Stmt replaced = null;
    if (last instanceof Ast.Return r && r.value() != null) {
      replaced = new Ast.ExprStmt(r.loc(), r.value());
    } else if (last instanceof Ast.ExprStmt es && es.expr() instanceof Ast.If f) {
      Ast.Expr g = rewrite(f);
      if (g != f) {
        replaced = new Ast.ExprStmt(es.loc(), g);
      }
    }
    if (replaced == null) {
      return null;
    }
    List<Ast.Stmt> out = new ArrayList<>(ss);
    out.set(n - 1, replaced);
    return out;
  }

  private static boolean endsInReturn(Ast.BlockExpr b) {
    List<Ast.Stmt> ss = b.statements();
    return !ss.isEmpty() && ss.get(ss.size() - 1) instanceof Ast.Return r && r.value() != null;
  }

  private static boolean declaresNothing(List<Ast.Stmt> ss) {
    for (Ast.Stmt s : ss) {
      if (s instanceof Ast.Let || s instanceof Ast.FnDecl || s instanceof Ast.Import) {
        return false;
      }
    }
    return true;
  }
}
