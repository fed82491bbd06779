package dev.exp.eval.runtime;

/**
 * A record or list that one container may hold exclusively: the copy an assignment through a path
 * ({@code g[i][j] = v}, {@code bodies[i].vx -= dv}) made of an inner level and stored into its parent.
 * While the parent is the value a {@code var} owns and this value is still {@link #heldBy held} by
 * that parent, nothing else can see it, so the next update through the same path writes into it
 * instead of copying it again. Reading it out of the parent as a value ({@code let row = g[i]})
 * clears the mark; copying the parent leaves the mark pointing at the old parent, which no longer
 * matches. A mark therefore never has to be found and cleared anywhere else.
 */
public interface Held {
  /** The container that holds this value exclusively, or null. */
  Object heldBy();

  /** Marks this value as held exclusively by {@code container} (null: by nobody). */
  void heldBy(Object container);
}
