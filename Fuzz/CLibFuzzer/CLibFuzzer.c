// Empty: the declarations in include/CLibFuzzer.h are libFuzzer's own (SwiftPM wants a source file per C target).
#include "CLibFuzzer.h"
