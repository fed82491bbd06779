package dev.exp.eval.compile;

import dev.exp.syntax.Ast;
import dev.exp.syntax.AstWalk;
import dev.exp.tensor.op.BinaryOp;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which variables a loop builds a string in: {@code out += "{i},"} (or {@code out = out + ...}) in a
 * loop copies the whole string at every step, quadratic in its length. When a loop only ever appends
 * string-valued expressions to a variable and nothing else in the loop reads it, the appends can go
 * to a buffer that the loop writes back to the variable when it ends ({@code TextNodes}): nothing
 * can tell the difference, and building the string is linear.
 *
 * <p>The analysis is syntactic and conservative: any other mention of the name in the loop
 * (including inside a function literal, an interpolation or a nested loop's source) or any binding
 * of the same name there rules the variable out. Whether the name is a local the loop's function
 * owns, and for a global whether the loop can run script code that reads it, is the compiler's part.
 */
final class TextAppends {
  private TextAppends() {}

  /** The value {@code s} appends to its target when it is {@code x += v} or {@code x = x + v} on a name; else null. */
  static Ast.Expr appended(Ast.Stmt s) {
    if (!(s instanceof Ast.Assign a) || !(a.target() instanceof Ast.Name n)) {
      return null;
    }
    if (a.op().equals("+=")) {
      return a.value();
    }
    if (a.op().equals("=") && a.value() instanceof Ast.Binary b && b.op() == BinaryOp.ADD
        && b.left() instanceof Ast.Name l && l.name().equals(n.name())) {
      return b.right();
    }
    return null;
  }

  /**
   * The names of {@code loop} (a for or while statement) that it only appends to: evidently string
   * values, or any value for a name {@code text} accepts (a {@code var} declared with a string,
   * {@code var out = ""}, then {@code out += table[k]}).
   */
  static Set<String> candidates(Ast.Stmt loop, Predicate<String> text) {
    Set<String> appended = new LinkedHashSet<>();
    Set<String> other = new java.util.HashSet<>();
    walk(loop, false, text, appended, other);
    appended.removeAll(other);
    return appended;
  }

  private static void walk(Ast.Node n, boolean nested, Predicate<String> text, Set<String> appended, Set<String> other) {
    if (n instanceof Ast.Stmt s) {
      Ast.Expr v = appended(s);
      if (v != null) {
        String name = ((Ast.Name) ((Ast.Assign) s).target()).name();
        // inside a function literal the append runs elsewhere (and later): not this loop's
        (nested || !(stringValued(v) || text.test(name)) ? other : appended).add(name);
        walk(v, nested, text, appended, other);
        return;
      }
    }
    if (n instanceof Ast.Name name) {
      other.add(name.name());
      return;
    }
    AstWalk.binds(n, other::add);
    boolean inner = nested || n instanceof Ast.Lambda || n instanceof Ast.Experiment;
    AstWalk.children(n, c -> walk(c, inner, text, appended, other));
  }

  /**
   * Whether {@code e} is evidently a string: a literal, an interpolation, a concatenation with one, or
   * a call of {@code str}/{@code format}. Only a filter (a value of another kind at run time takes
   * the ordinary path): a variable that receives numbers keeps the typed, unboxed arithmetic.
   */
  static boolean stringValued(Ast.Expr e) {
    if (e instanceof Ast.Str || e instanceof Ast.Interp) {
      return true;
    }
    if (e instanceof Ast.Binary b && b.op() == BinaryOp.ADD) {
      return stringValued(b.left()) || stringValued(b.right());
    }
    return e instanceof Ast.Call c && c.callee() instanceof Ast.Name f
        && (f.name().equals("str") || f.name().equals("format") || f.name().equals("join"));
  }

  /**
   * Whether every call in {@code loop} (anywhere in it, pipelines included) satisfies {@code safe}, a
   * test of the callee as the loop's surroundings resolve it; a callee named by a name the loop
   * itself binds ({@code let str = f}) fails.
   */
  static boolean callsOnly(Ast.Node loop, Predicate<Ast.Expr> safe) {
    Set<String> bound = new java.util.HashSet<>();
    collectBinds(loop, bound);
    boolean[] ok = {true};
    check(loop, callee -> !bound.contains(rootName(callee)) && safe.test(callee), ok);
    return ok[0];
  }

  private static void collectBinds(Ast.Node n, Set<String> bound) {
    AstWalk.binds(n, bound::add);
    AstWalk.children(n, c -> collectBinds(c, bound));
  }

  private static String rootName(Ast.Expr e) {
    while (e instanceof Ast.Member m) {
      e = m.target();
    }
    return e instanceof Ast.Name n ? n.name() : "";
  }

  private static void check(Ast.Node n, Predicate<Ast.Expr> safe, boolean[] ok) {
    if (!ok[0]) {
      return;
    }
    if (n instanceof Ast.Call c && !safe.test(c.callee())) {
      ok[0] = false;
      return;
    }
    if (n instanceof Ast.Pipe p && !(p.target() instanceof Ast.Call) && !safe.test(p.target())) {
      ok[0] = false;   // x |> f calls f
      return;
    }
    if (n instanceof Ast.Experiment) {
      ok[0] = false;   // runs trials: script code
      return;
    }
    AstWalk.children(n, c -> check(c, safe, ok));
  }
}
