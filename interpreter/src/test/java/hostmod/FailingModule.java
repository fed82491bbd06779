package hostmod;

import dev.exp.kernel.Kernel;

/** A host module outside Exp's packages whose kernel fails: its message reaches the script, not "a bug in Exp". */
public final class FailingModule {
  private FailingModule() {}

  @Kernel(name = "geom.boom", doc = "Always fails.")
  public static double boom() {
    throw new IllegalStateException("kaboom");
  }
}
