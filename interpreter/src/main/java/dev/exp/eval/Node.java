package dev.exp.eval;

import dev.exp.syntax.Loc;

/** Executable code: the compiler turns the AST into a tree of nodes with names resolved to slots. */
abstract class Node {
  final Loc loc;

  Node(Loc loc) {
    this.loc = loc;
  }

  abstract Object eval(Frame f);
}
