// Pango with its FreeType and fontconfig back ends (layout never uses cairo: see FontLibrary). Macros Swift cannot import are spelled
// out as inline functions here.
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>

static inline PangoFcFontMap *gazette_fc_font_map(PangoFontMap *map) { return PANGO_FC_FONT_MAP(map); }
static inline PangoFcFont *gazette_fc_font(PangoFont *font) { return PANGO_FC_FONT(font); }
static inline int gazette_is_fc_font(PangoFont *font) { return PANGO_IS_FC_FONT(font); }
#include <pango/pangoft2.h>

static inline PangoFT2FontMap *gazette_ft2_font_map(PangoFontMap *map) { return PANGO_FT2_FONT_MAP(map); }
/// Fonts as drawn in the PDF: unhinted outlines, so layout measures what cairo draws.
static inline void gazette_unhinted(FcPattern *pattern, gpointer data) {
    (void)data;
    FcPatternDel(pattern, FC_HINTING);
    FcPatternAddBool(pattern, FC_HINTING, FcFalse);
    FcPatternDel(pattern, FC_HINT_STYLE);
    FcPatternAddInteger(pattern, FC_HINT_STYLE, FC_HINT_NONE);
}
