// libxml2: its XML parser (WordPress exports) and its HTML parser (post bodies, saved pages).
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
