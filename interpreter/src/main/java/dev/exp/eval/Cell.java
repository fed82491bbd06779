package dev.exp.eval;

/** A boxed variable shared between a frame and the closures that captured it. */
final class Cell {
  Object value;

  Cell(Object value) {
    this.value = value;
  }
}
