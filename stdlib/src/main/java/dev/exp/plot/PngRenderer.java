package dev.exp.plot;

import dev.exp.kernel.KernelException;
import dev.exp.plot.Scene.Clip;
import dev.exp.plot.Scene.EndClip;
import dev.exp.plot.Scene.Mark;
import dev.exp.plot.Scene.Poly;
import dev.exp.plot.Scene.Prim;
import dev.exp.plot.Scene.Rect;
import dev.exp.plot.Scene.Text;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.imageio.ImageIO;

/** Draws a {@link Scene} with Java2D (headless, antialiased) and encodes it as PNG. */
public final class PngRenderer {
  private PngRenderer() {}

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static Color color(String hex) {
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }

  private static Font font(double size, boolean bold) {
    Font f = new Font("DejaVu Sans", bold ? Font.BOLD : Font.PLAIN, 12);
    if (!"DejaVu Sans".equals(f.getFamily())) {
      f = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 12);
    }
    return f.deriveFont((float) size);
  }

  /** PNG bytes at {@code scale} pixels per scene unit. */
  public static byte[] render(Scene s, double scale) {
    int w = (int) Math.ceil(s.width * scale);
    int h = (int) Math.ceil(s.height * scale);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.scale(scale, scale);
      Deque<Shape> clips = new ArrayDeque<>();
      for (Prim p : s.prims()) {
        draw(g, p, clips);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new KernelException("cannot encode PNG: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static void draw(Graphics2D g, Prim p, Deque<Shape> clips) {
    if (p instanceof Poly q) {
      Path2D.Double path = new Path2D.Double();
      for (int i = 0; i < q.xs().length; i++) {
        if (i == 0) {
          path.moveTo(q.xs()[i], q.ys()[i]);
        } else {
          path.lineTo(q.xs()[i], q.ys()[i]);
        }
      }
      if (q.closed()) {
        path.closePath();
      }
      if (q.fill() != null) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) q.fillOpacity()));
        g.setColor(color(q.fill()));
        g.fill(path);
        g.setComposite(AlphaComposite.SrcOver);
      }
      if (q.stroke() != null) {
        float[] dash = null;
        if (q.dash() != null) {
          dash = new float[q.dash().length];
          for (int i = 0; i < dash.length; i++) {
            dash[i] = (float) q.dash()[i];
          }
        }
        g.setStroke(new BasicStroke((float) q.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.setColor(color(q.stroke()));
        g.draw(path);
      }
    } else if (p instanceof Rect r) {
      Rectangle2D.Double rect = new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
      if (r.fill() != null) {
        g.setColor(color(r.fill()));
        g.fill(rect);
      }
      if (r.stroke() != null) {
        g.setStroke(new BasicStroke((float) r.width()));
        g.setColor(color(r.stroke()));
        g.draw(rect);
      }
    } else if (p instanceof Text t) {
      Font f = font(t.size(), t.bold());
      g.setFont(f);
      double w = f.getStringBounds(t.text(), g.getFontRenderContext()).getWidth();
      double dx = t.anchor().equals("middle") ? -w / 2 : t.anchor().equals("end") ? -w : 0;
      AffineTransform saved = g.getTransform();
      g.translate(t.x(), t.y());
      if (t.rotate() != 0) {
        g.rotate(Math.toRadians(t.rotate()));
      }
      g.setColor(color(t.color()));
      g.drawString(t.text(), (float) dx, 0f);
      g.setTransform(saved);
    } else if (p instanceof Mark m) {
      double x = m.x();
      double y = m.y();
      double r = m.size();
      Shape sh;
      switch (m.shape()) {
        case "square":
          sh = new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
          break;
        case "triangle": {
          Path2D.Double t = new Path2D.Double();
          t.moveTo(x, y - 1.15 * r);
          t.lineTo(x + r, y + 0.75 * r);
          t.lineTo(x - r, y + 0.75 * r);
          t.closePath();
          sh = t;
          break;
        }
        case "diamond": {
          Path2D.Double t = new Path2D.Double();
          t.moveTo(x, y - 1.2 * r);
          t.lineTo(x + 1.2 * r, y);
          t.lineTo(x, y + 1.2 * r);
          t.lineTo(x - 1.2 * r, y);
          t.closePath();
          sh = t;
          break;
        }
        default:
          sh = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
      }
      if (m.fill() != null) {
        g.setColor(color(m.fill()));
        g.fill(sh);
      }
      if (m.stroke() != null) {
        g.setStroke(new BasicStroke(1f));
        g.setColor(color(m.stroke()));
        g.draw(sh);
      }
    } else if (p instanceof Clip c) {
      clips.push(g.getClip() == null ? new Rectangle2D.Double(-1e6, -1e6, 2e6, 2e6) : g.getClip());
      g.clip(new Rectangle2D.Double(c.x(), c.y(), c.w(), c.h()));
    } else if (p instanceof EndClip) {
      g.setClip(clips.isEmpty() ? null : clips.pop());
    }
  }
}
