// PDF reports with cairo and pango: A4, the two-column administrative header of Nghị định
// 30/2020 (issuing body and number on the left; national title, motto, place and date on the
// right), then the sections with their tables, paginated.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "report/document.hpp"

namespace hoptac::report {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;
constexpr double kLeft = 30 * kMm, kRight = 15 * kMm, kTop = 20 * kMm, kBottom = 20 * kMm;
constexpr double kWidth = kPageW - kLeft - kRight;
constexpr const char* kFamily = "Noto Serif";

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Pdf {
 public:
  Pdf() {
    surface_ = cairo_pdf_surface_create_for_stream(append, &out_, kPageW, kPageH);
    cr_ = cairo_create(surface_);
    y_ = kTop;
  }
  ~Pdf() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  // Lays out text in a box of width `w` at x; returns its height. Draws only when `draw`.
  double text(const std::string& s, double x, double w, double size, bool bold = false,
              bool italic = false, PangoAlignment align = PANGO_ALIGN_LEFT, bool draw = true,
              double y = -1) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_text(layout, s.c_str(), static_cast<int>(s.size()));
    int pw = 0, ph = 0;
    pango_layout_get_size(layout, &pw, &ph);
    double h = static_cast<double>(ph) / PANGO_SCALE;
    if (draw) {
      cairo_move_to(cr_, x, y < 0 ? y_ : y);
      pango_cairo_show_layout(cr_, layout);
    }
    pango_font_description_free(font);
    g_object_unref(layout);
    return h;
  }

  // The width of a text on one line, at the table's size.
  double natural_width(const std::string& s, bool bold) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_absolute_size(font, 10 * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, s.c_str(), static_cast<int>(s.size()));
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    pango_font_description_free(font);
    g_object_unref(layout);
    // Long texts wrap; headers wrap at their words.
    return std::min(static_cast<double>(w) / PANGO_SCALE, bold ? 90.0 : 200.0);
  }

  void rule(double x1, double x2, double y) {
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, x1, y);
    cairo_line_to(cr_, x2, y);
    cairo_stroke(cr_);
  }

  void need(double h) {
    if (y_ + h > kPageH - kBottom) {
      cairo_show_page(cr_);
      y_ = kTop;
    }
  }

  void header(const Document& d) {
    const double left_w = kWidth * 0.42, right_x = kLeft + kWidth * 0.40, right_w = kWidth * 0.60;
    double ly = y_;
    if (!d.parent_body.empty())
      ly += text(d.parent_body, kLeft, left_w, 12, false, false, PANGO_ALIGN_CENTER, true, ly);
    ly += text(d.issuing_body, kLeft, left_w, 12, true, false, PANGO_ALIGN_CENTER, true, ly) + 2;
    rule(kLeft + left_w * 0.33, kLeft + left_w * 0.67, ly);
    ly += 6;
    ly += text(d.number, kLeft, left_w, 13, false, false, PANGO_ALIGN_CENTER, true, ly);

    double ry = y_;
    ry += text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_x, right_w, 12, true, false,
               PANGO_ALIGN_CENTER, true, ry);
    ry += text("Độc lập - Tự do - Hạnh phúc", right_x, right_w, 13, true, false, PANGO_ALIGN_CENTER,
               true, ry) +
          2;
    rule(right_x + right_w * 0.25, right_x + right_w * 0.75, ry);
    ry += 8;
    ry += text(d.place_and_date, right_x, right_w, 13, false, true, PANGO_ALIGN_CENTER, true, ry);

    y_ = std::max(ly, ry) + 18;
    y_ += text(d.kind, kLeft, kWidth, 14, true, false, PANGO_ALIGN_CENTER);
    y_ += text(d.summary, kLeft, kWidth, 13, true, false, PANGO_ALIGN_CENTER) + 14;
  }

  // A paragraph of any length, drawn line by line so that it flows over pages. Pango lays out
  // a paragraph in time that grows faster than its length, so a long one is laid out in
  // pieces of bounded size (split after a sentence or a word): the whole is linear.
  void paragraph(const std::string& s) {
    for (const auto& piece : pieces_of(s)) {
      PangoLayout* layout = pango_cairo_create_layout(cr_);
      PangoFontDescription* font = pango_font_description_new();
      pango_font_description_set_family(font, kFamily);
      pango_font_description_set_absolute_size(font, 12 * PANGO_SCALE);
      pango_layout_set_font_description(layout, font);
      pango_layout_set_width(layout, static_cast<int>(kWidth * PANGO_SCALE));
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text(layout, piece.data(), static_cast<int>(piece.size()));
      PangoLayoutIter* it = pango_layout_get_iter(layout);
      do {
        int top = 0, bottom = 0;
        pango_layout_iter_get_line_yrange(it, &top, &bottom);
        const double h = static_cast<double>(bottom - top) / PANGO_SCALE;
        const double baseline =
            static_cast<double>(pango_layout_iter_get_baseline(it) - top) / PANGO_SCALE;
        need(h);
        cairo_move_to(cr_, kLeft, y_ + baseline);
        pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
        y_ += h;
      } while (pango_layout_iter_next_line(it));
      pango_layout_iter_free(it);
      pango_font_description_free(font);
      g_object_unref(layout);
    }
    y_ += 6;
  }

  // Lines of the text, each cut into pieces of at most kPiece bytes, at a sentence end or a
  // space where there is one, never inside a UTF-8 sequence.
  static std::vector<std::string_view> pieces_of(std::string_view s) {
    constexpr size_t kPiece = 1200;
    std::vector<std::string_view> out;
    while (!s.empty()) {
      size_t end = std::min(s.find('\n'), s.size());
      if (end > kPiece) {
        std::string_view window = s.substr(0, kPiece);
        size_t cut = window.rfind(". ");
        if (cut == std::string_view::npos || cut < kPiece / 2) cut = window.rfind(' ');
        if (cut == std::string_view::npos || cut < kPiece / 2) {
          cut = kPiece;
          while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
          if (cut == 0) cut = kPiece;  // not UTF-8 at all: any cut will do
        } else {
          ++cut;  // keep the full stop or the space with the first piece
        }
        end = cut;
      }
      out.push_back(s.substr(0, end));
      s.remove_prefix(end);
      if (!s.empty() && s.front() == '\n') s.remove_prefix(1);
    }
    if (out.empty()) out.push_back(std::string_view());
    return out;
  }

  void heading(const std::string& s) {
    need(40);
    y_ += text(s, kLeft, kWidth, 13, true) + 6;
  }

  void table(const Table& t) {
    if (t.header.empty()) return;
    if (!t.title.empty()) {
      need(40);
      y_ += text(t.title, kLeft, kWidth, 12, false, true) + 4;
    }
    // Column widths: each column as wide as its widest cell (capped), the first column takes
    // what the others leave, but never less than a third of the line.
    const size_t n = t.header.size();
    std::vector<double> widths(n, 0);
    for (size_t i = 1; i < n; ++i) {
      double w = natural_width(t.header[i], true);
      for (const auto& r : t.rows)
        if (i < r.size()) w = std::max(w, natural_width(r[i], false));
      widths[i] = std::min(w + 8, kWidth * 0.45);
    }
    double rest = 0;
    for (size_t i = 1; i < n; ++i) rest += widths[i];
    if (n > 1 && rest > kWidth * 0.67) {
      double scale = kWidth * 0.67 / rest;
      for (size_t i = 1; i < n; ++i) widths[i] *= scale;
      rest = kWidth * 0.67;
    }
    widths[0] = kWidth - rest;
    auto draw_row = [&](const std::vector<std::string>& cells, bool bold) {
      double h = 0;
      for (size_t i = 0; i < n; ++i)
        h = std::max(h, text(i < cells.size() ? cells[i] : "", 0, widths[i] - 6, 10, bold, false,
                             PANGO_ALIGN_LEFT, false));
      h += 6;
      need(h);
      double x = kLeft;
      for (size_t i = 0; i < n; ++i) {
        bool right = !bold && i < t.numeric.size() && t.numeric[i];
        text(i < cells.size() ? cells[i] : "", x + 3, widths[i] - 6, 10, bold, false,
             right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, true, y_ + 3);
        cairo_set_line_width(cr_, 0.4);
        cairo_rectangle(cr_, x, y_, widths[i], h);
        cairo_stroke(cr_);
        x += widths[i];
      }
      y_ += h;
    };
    draw_row(t.header, true);
    for (const auto& r : t.rows) draw_row(r, false);
    y_ += 10;
  }

  void signature(const std::string& title) {
    if (title.empty()) return;
    need(60);
    y_ += 10;
    text(title, kLeft + kWidth * 0.45, kWidth * 0.55, 13, true, false, PANGO_ALIGN_CENTER);
  }

  std::string finish() {
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error("PDF failed");
    return out_;
  }

 private:
  std::string out_;
  cairo_surface_t* surface_;
  cairo_t* cr_;
  double y_;
};

}  // namespace

std::string write_pdf(const Document& d) {
  Pdf pdf;
  pdf.header(d);
  for (const auto& s : d.sections) {
    if (!s.heading.empty()) pdf.heading(s.heading);
    for (const auto& p : s.paragraphs) pdf.paragraph(p);
    for (const auto& t : s.tables) {
      pdf.table(t);
      if (!t.note.empty()) pdf.paragraph(t.note);
    }
  }
  pdf.signature(d.signature_title);
  return pdf.finish();
}

}  // namespace hoptac::report
