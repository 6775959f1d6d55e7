// libjpeg-turbo's TurboJPEG API: lossless JPEG transforms (see PDFRenderer's GrayJPEG).
#include <stddef.h>
#include <turbojpeg.h>
