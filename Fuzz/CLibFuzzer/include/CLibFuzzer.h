// libFuzzer's driver, for a target that has its own main (SwiftPM executables do). It is in libFuzzer's
// runtime, which `-sanitize=fuzzer` links; nothing references it in a build without that flag.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
