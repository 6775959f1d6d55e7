// gdk-pixbuf: decode, scale and encode PNG and JPEG pictures (see PDFRenderer's Pixbuf).
#include <gdk-pixbuf/gdk-pixbuf.h>
