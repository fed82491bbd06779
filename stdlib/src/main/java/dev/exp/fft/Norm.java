package dev.exp.fft;

import dev.exp.kernel.KernelException;

/**
 * NumPy's normalisation modes: "backward" (forward unscaled, inverse 1/n), "ortho" (1/√n both ways)
 * and "forward" (forward 1/n, inverse unscaled).
 */
public enum Norm {
  BACKWARD, ORTHO, FORWARD;

  /** Parses a norm: argument (none means "backward"). */
  public static Norm parse(String s, String fn) {
    if (s == null || s.equals("backward")) {
      return BACKWARD;
    }
    if (s.equals("ortho")) {
      return ORTHO;
    }
    if (s.equals("forward")) {
      return FORWARD;
    }
    throw KernelException.of("%s: norm must be \"backward\", \"ortho\" or \"forward\", got \"%s\"", fn, s);
  }

  /** The factor applied to a transform of length n in the given direction. */
  public double scale(int n, boolean inverse) {
    switch (this) {
      case ORTHO:
        return 1 / Math.sqrt(n);
      case FORWARD:
        return inverse ? 1 : 1.0 / n;
      default:
        return inverse ? 1.0 / n : 1;
    }
  }

  /** The mode that, applied in the opposite direction, gives the same factor (backward ↔ forward). */
  public Norm swapped() {
    return this == BACKWARD ? FORWARD : this == FORWARD ? BACKWARD : ORTHO;
  }
}
