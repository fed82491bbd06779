package dev.exp.plot;

import dev.exp.plot.Scene.Clip;
import dev.exp.plot.Scene.EndClip;
import dev.exp.plot.Scene.Mark;
import dev.exp.plot.Scene.Poly;
import dev.exp.plot.Scene.Prim;
import dev.exp.plot.Scene.Rect;
import dev.exp.plot.Scene.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a {@link Scene} as SVG 1.1. Output is deterministic: coordinates with at most two
 * decimals, fixed attribute order, no timestamps, clip ids numbered in order.
 */
public final class SvgRenderer {
  private SvgRenderer() {}

  static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

  /** A number with at most 2 decimals, no trailing zeros, no negative zero. */
  static String n(double v) {
    if (!Double.isFinite(v)) {
      return "0";
    }
    BigDecimal b = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (b.signum() == 0) {
      return "0";
    }
    return b.toPlainString();
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        default:
          if (c < 0x20 && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  public static String render(Scene s) {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(s.width)
        .append("\" height=\"").append(s.height).append("\" viewBox=\"0 0 ").append(s.width).append(' ')
        .append(s.height).append("\" font-family=\"").append(FONT).append("\">\n");
    int clips = 0;
    String indent = "";
    for (Prim p : s.prims()) {
      if (p instanceof Poly q) {
        sb.append(indent).append(q.closed() ? "<polygon points=\"" : "<polyline points=\"");
        for (int i = 0; i < q.xs().length; i++) {
          if (i > 0) {
            sb.append(' ');
          }
          sb.append(n(q.xs()[i])).append(',').append(n(q.ys()[i]));
        }
        sb.append("\" fill=\"").append(q.fill() == null ? "none" : q.fill()).append('"');
        if (q.fill() != null && q.fillOpacity() < 1) {
          sb.append(" fill-opacity=\"").append(n(q.fillOpacity())).append('"');
        }
        if (q.stroke() != null) {
          sb.append(" stroke=\"").append(q.stroke()).append("\" stroke-width=\"").append(n(q.width()))
              .append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
          if (q.dash() != null) {
            sb.append(" stroke-dasharray=\"");
            for (int i = 0; i < q.dash().length; i++) {
              sb.append(i > 0 ? "," : "").append(n(q.dash()[i]));
            }
            sb.append('"');
          }
        }
        sb.append("/>\n");
      } else if (p instanceof Rect r) {
        sb.append(indent).append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y()))
            .append("\" width=\"").append(n(r.w())).append("\" height=\"").append(n(r.h()))
            .append("\" fill=\"").append(r.fill() == null ? "none" : r.fill()).append('"');
        if (r.stroke() != null) {
          sb.append(" stroke=\"").append(r.stroke()).append("\" stroke-width=\"").append(n(r.width())).append('"');
        }
        sb.append("/>\n");
      } else if (p instanceof Text t) {
        sb.append(indent).append("<text x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y()))
            .append("\" font-size=\"").append(n(t.size())).append('"');
        if (!t.anchor().equals("start")) {
          sb.append(" text-anchor=\"").append(t.anchor()).append('"');
        }
        if (t.bold()) {
          sb.append(" font-weight=\"bold\"");
        }
        sb.append(" fill=\"").append(t.color()).append('"');
        if (t.rotate() != 0) {
          sb.append(" transform=\"rotate(").append(t.rotate()).append(' ').append(n(t.x())).append(' ')
              .append(n(t.y())).append(")\"");
        }
        sb.append('>').append(esc(t.text())).append("</text>\n");
      } else if (p instanceof Mark m) {
        sb.append(indent);
        double x = m.x();
        double y = m.y();
        double r = m.size();
        String paint = "\" fill=\"" + (m.fill() == null ? "none" : m.fill()) + "\""
            + (m.stroke() == null ? "" : " stroke=\"" + m.stroke() + "\" stroke-width=\"1\"") + "/>\n";
        switch (m.shape()) {
          case "square":
            sb.append("<rect x=\"").append(n(x - r * 0.9)).append("\" y=\"").append(n(y - r * 0.9))
                .append("\" width=\"").append(n(1.8 * r)).append("\" height=\"").append(n(1.8 * r)).append(paint);
            break;
          case "triangle":
            sb.append("<polygon points=\"").append(n(x)).append(',').append(n(y - 1.15 * r)).append(' ')
                .append(n(x + r)).append(',').append(n(y + 0.75 * r)).append(' ')
                .append(n(x - r)).append(',').append(n(y + 0.75 * r)).append(paint);
            break;
          case "diamond":
            sb.append("<polygon points=\"").append(n(x)).append(',').append(n(y - 1.2 * r)).append(' ')
                .append(n(x + 1.2 * r)).append(',').append(n(y)).append(' ')
                .append(n(x)).append(',').append(n(y + 1.2 * r)).append(' ')
                .append(n(x - 1.2 * r)).append(',').append(n(y)).append(paint);
            break;
          default:
            sb.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"")
                .append(n(r)).append(paint);
        }
      } else if (p instanceof Clip c) {
        clips++;
        sb.append(indent).append("<clipPath id=\"clip").append(clips).append("\"><rect x=\"").append(n(c.x()))
            .append("\" y=\"").append(n(c.y())).append("\" width=\"").append(n(c.w())).append("\" height=\"")
            .append(n(c.h())).append("\"/></clipPath>\n");
        sb.append(indent).append("<g clip-path=\"url(#clip").append(clips).append(")\">\n");
        indent += "  ";
      } else if (p instanceof EndClip) {
        indent = indent.substring(Math.min(2, indent.length()));
        sb.append(indent).append("</g>\n");
      }
    }
    sb.append("</svg>\n");
    return sb.toString();
  }
}
