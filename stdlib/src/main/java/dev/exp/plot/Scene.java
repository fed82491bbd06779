package dev.exp.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A figure laid out as drawing primitives in pixel coordinates (origin top left). Both backends
 * ({@link SvgRenderer}, {@link PngRenderer}) draw the same scene, so SVG and PNG match. Colours are
 * {@code #rrggbb} strings; null means none.
 */
public final class Scene {
  /** A drawing primitive. */
  public sealed interface Prim permits Poly, Rect, Text, Mark, Clip, EndClip {}

  /** A polyline or polygon; {@code dash} may be null. */
  public record Poly(double[] xs, double[] ys, boolean closed, String stroke, double width,
      String fill, double fillOpacity, double[] dash) implements Prim {}

  /** A rectangle. */
  public record Rect(double x, double y, double w, double h, String fill, String stroke, double width)
      implements Prim {}

  /**
   * Text at (x, y): y is the baseline; anchor is "start", "middle" or "end"; rotate is 0 or -90
   * (degrees, about (x, y)).
   */
  public record Text(double x, double y, String text, double size, String anchor, int rotate,
      String color, boolean bold) implements Prim {}

  /** A marker: shape "circle", "square", "triangle" or "diamond", size = half-width. */
  public record Mark(double x, double y, String shape, double size, String fill, String stroke)
      implements Prim {}

  /** Starts clipping to a rectangle (until the matching {@link EndClip}). */
  public record Clip(double x, double y, double w, double h) implements Prim {}

  /** Ends the innermost clip. */
  public record EndClip() implements Prim {}

  public final int width;
  public final int height;
  private final List<Prim> prims = new ArrayList<>();

  public Scene(int width, int height) {
    this.width = width;
    this.height = height;
  }

  public void add(Prim p) {
    prims.add(p);
  }

  public List<Prim> prims() {
    return Collections.unmodifiableList(prims);
  }

  // ------------------------------------------------------------------ convenience

  public void line(double x1, double y1, double x2, double y2, String color, double width) {
    add(new Poly(new double[] {x1, x2}, new double[] {y1, y2}, false, color, width, null, 0, null));
  }

  public void text(double x, double y, String s, double size, String anchor) {
    add(new Text(x, y, s, size, anchor, 0, "#222222", false));
  }

  /**
   * Estimated advance width of {@code s} at font size {@code size} in DejaVu Sans (the font both
   * backends ask for); used by the layout so that SVG and PNG share one layout.
   */
  public static double textWidth(String s, double size) {
    double w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += charWidth(s.charAt(i));
    }
    return w * size;
  }

  private static double charWidth(char c) {
    if (c >= '0' && c <= '9') {
      return 0.636;
    }
    switch (c) {
      case ' ':
      case '.':
      case ',':
      case ':':
      case ';':
      case '!':
      case '|':
      case '\'':
        return 0.318;
      case 'i':
      case 'l':
      case 'j':
        return 0.278;
      case 'f':
      case 't':
      case 'r':
      case '(':
      case ')':
      case '[':
      case ']':
      case '-':
        return 0.39;
      case 'm':
      case 'w':
      case 'M':
      case 'W':
        return 0.95;
      case '\u2212':
      case '±':
      case '×':
      case '=':
      case '+':
        return 0.838;
      default:
        break;
    }
    if ("⁰¹²³⁴⁵⁶⁷⁸⁹⁻".indexOf(c) >= 0) {
      return 0.401;
    }
    if (Character.isUpperCase(c)) {
      return 0.72;
    }
    return 0.61;
  }
}
