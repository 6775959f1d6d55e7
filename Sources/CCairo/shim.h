// Cairo with its PDF surface and FreeType font faces (fonts are opened by file through fontconfig patterns).
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
