package dev.exp.eval.nodes;

import dev.exp.syntax.Loc;

/**
 * Executable code: the compiler turns the AST into a tree of nodes with names resolved to slots.
 *
 * <p>Besides the generic {@link #eval}, a node can be evaluated <em>typed</em>: {@link #evalDouble}
 * and {@link #evalBoolean} return primitives, so arithmetic between nodes never boxes. A node whose
 * value turns out to be of another kind throws {@link UnexpectedType} carrying the value, and the
 * consumer finishes generically with it (and usually stops asking for the typed form at that site).
 * The defaults here unbox the generic result; arithmetic, comparison, constant and variable nodes
 * override them.
 */
public abstract class Node {
  final Loc loc;

  public Node(Loc loc) {
    this.loc = loc;
  }

  /** Where this node's code starts, for errors about its value raised elsewhere. */
  public final Loc loc() {
    return loc;
  }

  /** The value of this node, boxed. */
  public abstract Object eval(Frame f);

  /** The value as a number; throws {@link UnexpectedType} (with the value) when it is not one. */
  double evalDouble(Frame f) throws UnexpectedType {
    Object v = eval(f);
    if (v instanceof Double d) {
      return d;
    }
    throw new UnexpectedType(v);
  }

  /** The value as a bool; throws {@link UnexpectedType} (with the value) when it is not one. */
  boolean evalBoolean(Frame f) throws UnexpectedType {
    Object v = eval(f);
    if (v instanceof Boolean b) {
      return b;
    }
    throw new UnexpectedType(v);
  }

  /**
   * False when this node never produces a number (functions, lists, strings, bools): stores then
   * skip the typed attempt altogether.
   */
  boolean maybeNumber() {
    return true;
  }
}
