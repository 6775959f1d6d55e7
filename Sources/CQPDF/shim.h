// qpdf's C API: read a finished PDF, edit its objects, write it back (see PDFFinishing).
#include <qpdf/qpdf-c.h>
// malloc_trim: the finishing pass hands freed memory back to the system before qpdf reads.
#include <malloc.h>
