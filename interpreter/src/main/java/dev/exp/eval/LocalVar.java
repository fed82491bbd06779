package dev.exp.eval;

import dev.exp.syntax.Loc;

/**
 * A local variable resolved at compile time to a frame slot. {@link #captured} is settled when the
 * enclosing function has been compiled (before anything runs): captured variables live in a
 * {@link Cell} so closures share them.
 */
final class LocalVar {
  final String name;
  final int slot;
  final boolean mutable;
  final Loc declared;
  boolean captured;
  boolean used;

  LocalVar(String name, int slot, boolean mutable, Loc declared) {
    this.name = name;
    this.slot = slot;
    this.mutable = mutable;
    this.declared = declared;
  }
}
