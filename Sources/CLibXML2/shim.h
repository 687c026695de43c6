#include <libxml/xmlversion.h>
/* libxml2 is built with ICU, whose headers clash with Foundation's bundled ICU module. The module only passes
   encoding handlers around by pointer, so it does not need the ICU-specific fields those headers declare. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
