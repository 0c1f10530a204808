/* placeholder, written next */
#include "c_test.h"
int main(void) { return c_test_finish(); }
