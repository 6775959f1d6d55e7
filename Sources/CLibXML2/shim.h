// libxml2: its XML parser (WordPress exports), its HTML parser (post bodies, saved pages) and
// its tree writer (the PDF's XMP metadata).
//
// Debian builds libxml2 with ICU, so its encoding header pulls in the system's ICU headers,
// whose enums clash with the ICU copy inside Swift's Foundation when both reach one module.
// Gazette calls none of libxml2's ICU API and never touches the one structure whose layout
// depends on it (the encoding handler, only ever held by pointer), so the ICU part is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
