// Pango with its cairo and fontconfig back ends. Macros Swift cannot import are spelled
// out as inline functions here.
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>

static inline PangoFcFontMap *gazette_fc_font_map(PangoFontMap *map) { return PANGO_FC_FONT_MAP(map); }
static inline PangoFcFont *gazette_fc_font(PangoFont *font) { return PANGO_FC_FONT(font); }
static inline int gazette_is_fc_font(PangoFont *font) { return PANGO_IS_FC_FONT(font); }
static inline PangoCairoFontMap *gazette_cairo_font_map(PangoFontMap *map) { return (PangoCairoFontMap *)map; }
static inline PangoFontMap *gazette_new_ft_font_map(void) {
    return pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
}
