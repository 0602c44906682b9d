package dev.logitparity.report;

import dev.logitparity.compare.LayerLocalisation;
import dev.logitparity.compare.LayerLocalisation.Row;
import dev.logitparity.files.AtomicFile;
import dev.logitparity.trace.Intermediates;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A layer × op heat map of a {@link LayerLocalisation}: colour is log10 of the relative error, from 1e-8 (white) to
 * 1 (dark red), the jump threshold drawn in the legend and the first jump outlined.
 */
public final class LayerHeatMap {
    private static final int CELL_W = 84;
    private static final int CELL_H = 28;
    private static final int LEFT = 70;
    private static final int TOP = 64;
    private static final double LOG_MIN = -8;

    private LayerHeatMap() {
    }

    public static void write(LayerLocalisation l, Path png) throws IOException {
        List<String> ops = Intermediates.LAYER_OPS;
        int layers = l.rows().stream().mapToInt(Row::layer).max().orElse(-1) + 1;
        int width = LEFT + ops.size() * CELL_W + 20;
        int height = TOP + (layers + 1) * CELL_H + 70;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString("step " + l.step() + ": " + l.sideA() + " vs " + l.sideB(), 10, 20);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(l.jump().map(r -> "first jump: " + r.name() + String.format(Locale.ROOT,
                    " (relative error %.3g)", r.relativeError())).orElse("no jump"), 10, 38);
            for (int c = 0; c < ops.size(); c++) {
                g.drawString(ops.get(c), LEFT + c * CELL_W + 4, TOP - 6);
            }
            Optional<Row> jump = l.jump();
            for (int layer = 0; layer < layers; layer++) {
                int y = TOP + layer * CELL_H;
                g.setColor(Color.BLACK);
                g.drawString("layer " + layer, 8, y + CELL_H / 2 + 4);
                for (int c = 0; c < ops.size(); c++) {
                    String name = ops.get(c) + "-" + layer;
                    cell(g, LEFT + c * CELL_W, y, l.row(name), jump);
                }
            }
            legend(g, TOP + layers * CELL_H + 24);
        } finally {
            g.dispose();
        }
        AtomicFile.write(png, temp -> ImageIO.write(image, "png", temp.toFile()));
    }

    private static void cell(Graphics2D g, int x, int y, Optional<Row> row, Optional<Row> jump) {
        g.setColor(row.map(r -> colour(r.relativeError())).orElse(Color.LIGHT_GRAY));
        g.fillRect(x, y, CELL_W - 2, CELL_H - 2);
        row.ifPresent(r -> {
            g.setColor(Math.log10(Math.max(r.relativeError(), 1e-300)) > -2.5 ? Color.WHITE : Color.BLACK);
            g.drawString(Double.isInfinite(r.relativeError()) ? "shape" : r.relativeError() == 0 ? "0"
                    : String.format(Locale.ROOT, "%.1e", r.relativeError()), x + 6, y + CELL_H / 2 + 4);
            if (jump.filter(j -> j == r).isPresent()) {
                g.setColor(Color.BLUE);
                g.setStroke(new BasicStroke(3));
                g.drawRect(x + 1, y + 1, CELL_W - 4, CELL_H - 4);
                g.setStroke(new BasicStroke(1));
            }
        });
    }

    private static void legend(Graphics2D g, int y) {
        g.setColor(Color.BLACK);
        g.drawString("relative L2 error:", 10, y + 14);
        for (int i = 0; i <= 8; i++) {
            double e = Math.pow(10, LOG_MIN + i);
            g.setColor(colour(e));
            g.fillRect(130 + i * 44, y, 42, 20);
            g.setColor(i >= 6 ? Color.WHITE : Color.BLACK);
            g.drawString("1e" + (int) (LOG_MIN + i), 134 + i * 44, y + 14);
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "a jump: >= %.0fx what flowed in and >= %.0e", LayerLocalisation
                .JUMP_FACTOR, LayerLocalisation.MIN_JUMP), 10, y + 40);
    }

    /** White at 1e-8 and below, through yellow, to dark red at 1 and above. */
    private static Color colour(double error) {
        if (Double.isNaN(error) || Double.isInfinite(error)) {
            return new Color(90, 0, 0);
        }
        double t = Math.clamp((Math.log10(Math.max(error, 1e-300)) - LOG_MIN) / -LOG_MIN, 0, 1);
        int r = (int) Math.round(255 - 115 * Math.max(0, t - 0.5) * 2);
        int gr = (int) Math.round(255 * (1 - t));
        int b = (int) Math.round(255 * Math.max(0, 1 - 2 * t));
        return new Color(r, gr, b);
    }
}
