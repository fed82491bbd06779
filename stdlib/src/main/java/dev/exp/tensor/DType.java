package dev.exp.tensor;

/**
 * The element type of a tensor. float64 is the default; complex128 stores each element as two
 * adjacent doubles (re, im), as EJML's {@code ZMatrixRMaj} does.
 */
public enum DType {
  FLOAT64("float64", 1),
  COMPLEX128("complex128", 2);

  private final String label;
  private final int width;

  DType(String label, int width) {
    this.label = label;
    this.width = width;
  }

  /** The name scripts and messages use ({@code "float64"}). */
  public String label() {
    return label;
  }

  /** Storage doubles per element (1 for float64, 2 for complex128). */
  public int width() {
    return width;
  }

  public boolean isComplex() {
    return this == COMPLEX128;
  }

  /** The dtype of a binary arithmetic result: the wider of the two. */
  public static DType promote(DType a, DType b) {
    return a == COMPLEX128 || b == COMPLEX128 ? COMPLEX128 : FLOAT64;
  }

  @Override
  public String toString() {
    return label;
  }
}
