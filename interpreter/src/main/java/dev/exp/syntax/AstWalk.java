package dev.exp.syntax;

import java.util.List;
import java.util.function.Consumer;

/**
 * The structure of the syntax tree for analyses over it: a node's direct children and the names a
 * node binds. One place knows every node kind, so an analysis that walks the tree cannot miss one
 * when the grammar grows.
 */
public final class AstWalk {
  private AstWalk() {}

  /** Calls {@code visit} on each direct child of {@code n} (expressions and statements), in source order. */
  public static void children(Ast.Node n, Consumer<Ast.Node> visit) {
    if (n instanceof Ast.Interp i) {
      all(i.holes(), visit);
    } else if (n instanceof Ast.ListLit l) {
      all(l.elements(), visit);
    } else if (n instanceof Ast.Comprehension c) {
      for (Ast.CompClause cl : c.clauses()) {
        visit.accept(cl.source());
        one(cl.filter(), visit);
      }
      visit.accept(c.element());
    } else if (n instanceof Ast.RecordLit r) {
      all(r.values(), visit);
    } else if (n instanceof Ast.If i) {
      visit.accept(i.cond());
      visit.accept(i.then());
      one(i.otherwise(), visit);
    } else if (n instanceof Ast.Lambda l) {
      for (Ast.Param p : l.params()) {
        one(p.dflt(), visit);
      }
      visit.accept(l.body());
    } else if (n instanceof Ast.Call c) {
      visit.accept(c.callee());
      all(c.args(), visit);
    } else if (n instanceof Ast.Index ix) {
      visit.accept(ix.target());
      for (Ast.IndexItem it : ix.items()) {
        one(it.lo(), visit);
        one(it.hi(), visit);
        one(it.step(), visit);
      }
    } else if (n instanceof Ast.Member m) {
      visit.accept(m.target());
    } else if (n instanceof Ast.Unary u) {
      visit.accept(u.operand());
    } else if (n instanceof Ast.Binary b) {
      visit.accept(b.left());
      visit.accept(b.right());
    } else if (n instanceof Ast.And a) {
      visit.accept(a.left());
      visit.accept(a.right());
    } else if (n instanceof Ast.Or o) {
      visit.accept(o.left());
      visit.accept(o.right());
    } else if (n instanceof Ast.Not no) {
      visit.accept(no.operand());
    } else if (n instanceof Ast.Range r) {
      visit.accept(r.from());
      visit.accept(r.to());
    } else if (n instanceof Ast.Pipe p) {
      visit.accept(p.value());
      visit.accept(p.target());
    } else if (n instanceof Ast.BlockExpr b) {
      all(b.statements(), visit);
    } else if (n instanceof Ast.Experiment e) {
      one(e.name(), visit);
      all(e.optionValues(), visit);
      visit.accept(e.body());
    } else if (n instanceof Ast.Let l) {
      visit.accept(l.value());
    } else if (n instanceof Ast.FnDecl d) {
      visit.accept(d.fn());
    } else if (n instanceof Ast.Assign a) {
      visit.accept(a.target());
      visit.accept(a.value());
    } else if (n instanceof Ast.For f) {
      visit.accept(f.source());
      visit.accept(f.body());
    } else if (n instanceof Ast.While w) {
      visit.accept(w.cond());
      visit.accept(w.body());
    } else if (n instanceof Ast.Return r) {
      one(r.value(), visit);
    } else if (n instanceof Ast.Sweep s) {
      for (Ast.SweepAxis ax : s.axes()) {
        visit.accept(ax.source());
      }
    } else if (n instanceof Ast.Repeat r) {
      visit.accept(r.count());
    } else if (n instanceof Ast.Report r) {
      all(r.values(), visit);
    } else if (n instanceof Ast.ExprStmt e) {
      visit.accept(e.expr());
    }
    // Num, Imag, Str, Bool, NoneLit, Name, Import, Break, Continue: no children
  }

  /** Calls {@code visit} on each name {@code n} itself binds (a let, a function, loop or comprehension variables, parameters, swept names, reported names). */
  public static void binds(Ast.Node n, Consumer<String> visit) {
    if (n instanceof Ast.Let l) {
      visit.accept(l.name());
    } else if (n instanceof Ast.FnDecl d) {
      visit.accept(d.name());
    } else if (n instanceof Ast.Import im) {
      visit.accept(im.alias());
    } else if (n instanceof Ast.For f) {
      f.vars().forEach(visit);
    } else if (n instanceof Ast.Lambda l) {
      if (l.name() != null) {
        visit.accept(l.name());
      }
      for (Ast.Param p : l.params()) {
        visit.accept(p.name());
      }
    } else if (n instanceof Ast.Comprehension c) {
      for (Ast.CompClause cl : c.clauses()) {
        cl.vars().forEach(visit);
      }
    } else if (n instanceof Ast.Sweep s) {
      for (Ast.SweepAxis ax : s.axes()) {
        ax.names().forEach(visit);
      }
    } else if (n instanceof Ast.Report r) {
      r.names().forEach(visit);
    }
  }

  private static void all(List<? extends Ast.Node> ns, Consumer<Ast.Node> visit) {
    for (Ast.Node x : ns) {
      one(x, visit);
    }
  }

  private static void one(Ast.Node x, Consumer<Ast.Node> visit) {
    if (x != null) {
      visit.accept(x);
    }
  }
}
