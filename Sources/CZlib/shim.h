#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h; Swift cannot call macros, so this inline wrapper exposes it.
static inline int czlib_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
