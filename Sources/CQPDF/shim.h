// qpdf's C API: read a finished PDF, edit its objects, write it back (see PDFFinishing).
#include <qpdf/qpdf-c.h>
