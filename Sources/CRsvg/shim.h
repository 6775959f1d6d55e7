// librsvg: SVG files drawn through cairo as vector shapes (see PDFRenderer's SVGDocument).
#include <librsvg/rsvg.h>
