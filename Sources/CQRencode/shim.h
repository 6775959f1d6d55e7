// libqrencode: text in, a square of QR code modules out (see QRCode).
#include <qrencode.h>
