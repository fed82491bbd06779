package dev.exp.eval.nodes;

import dev.exp.syntax.Loc;

/**
 * A local variable resolved at compile time to a frame slot. {@link #captured} is settled when the
 * enclosing function has been compiled (before anything runs): captured variables live in a
 * {@link Cell} so closures share them.
 */
public final class LocalVar {
  final String name;
  public final int slot;
  public final boolean mutable;
  public final Loc declared;
  /**
   * What binds the name when it is not a {@code let}/{@code var} ("the loop variable", "the function"),
   * for the error on assigning to it; null for a let or var.
   */
  public final String role;
  public boolean captured;
  boolean used;

  public LocalVar(String name, int slot, boolean mutable, Loc declared) {
    this(name, slot, mutable, declared, null);
  }

  public LocalVar(String name, int slot, boolean mutable, Loc declared, String role) {
    this.name = name;
    this.slot = slot;
    this.mutable = mutable;
    this.declared = declared;
    this.role = role;
  }
}
